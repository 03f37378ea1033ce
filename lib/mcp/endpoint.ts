import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { clientKey } from "@/lib/auth/sign-in-limits";
import { isDatabaseOutage } from "@/lib/db/health";
import { appUrl, loadEnv } from "@/lib/env";
import { readCapped } from "@/lib/http/read-capped";
import { createMcpServer } from "@/lib/mcp/server";
import { consumeAllowance, rateLimit, tryAgainIn, type Allowance } from "@/lib/rate-limits";
import { authenticateBearer, type BearerResult, type TokenMember } from "@/lib/tokens/bearer";

/**
 * `/mcp`, the MCP server over Streamable HTTP, stateless: each POST gets a fresh server and transport (the
 * SDK's stateless way), answers in plain JSON rather than an event stream (no tool streams), and forgets. So
 * any app server can answer any request, and there is no session to keep, resume or end: GET (a stream of
 * server messages) and DELETE (ending a session) are 405s with a JSON-RPC error, as the SDK's stateless
 * examples answer. What is malformed — not JSON, a batch, a body over 64 KB (`readMessage`), not JSON-RPC, no
 * JSON in `Accept` (the SDK's transport) — gets a 4xx and a JSON-RPC error; an unknown method or tool, or bad arguments, are
 * JSON-RPC errors or error results, as the protocol says.
 *
 * Who asks: a request with `Authorization: Bearer dp_…` (a member's personal access token, lib/tokens/) gets
 * the member's tools too (member-tools.ts) and is counted against the member's `mcp-member` limit; a token
 * malformed, unknown or revoked is a 401 with `WWW-Authenticate: Bearer error="invalid_token"`, never the
 * public server in its place. Without a token the server is the public, read-only one, counted per IP — unless
 * the site is for its members only (SITE_ACCESS=members), where it is a 401 naming where to get a token: the
 * site's gate lets /mcp through to this check.
 */

/** The largest request body read: a tool call is a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;

/** JSON-RPC's "server error" code, which the SDK answers transport refusals with. */
const SERVER_ERROR = -32000;

const HEADERS = { "Content-Type": "application/json", "Cache-Control": "no-store" } as const;

/** A JSON-RPC error answer not tied to a request (`id: null`), with HTTP `status`. */
function jsonRpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }), {
    status,
    headers: { ...HEADERS, ...headers },
  });
}

/** Where a member makes a token (Settings, "Tokens for agents"). */
function tokensPage(): string {
  return `${appUrl()}/settings#tokens`;
}

/** The refusal of a request whose token was refused: 401, `invalid_token`, and why. */
function invalidToken(reason: string): Response {
  return jsonRpcError(401, SERVER_ERROR, `${reason} Make a new one at ${tokensPage()}.`, {
    "WWW-Authenticate": `Bearer error="invalid_token", error_description="${reason.replace(/["\\]/g, "'")}"`,
  });
}

/** The refusal of a request without a token on a members-only site. */
function tokenRequired(): Response {
  return jsonRpcError(
    401,
    SERVER_ERROR,
    `This site is for its members: its MCP server needs a personal access token, sent as "Authorization: Bearer dp_…". ` +
      `Make one at ${tokensPage()}.`,
    { "WWW-Authenticate": `Bearer realm="Daily Papers"` },
  );
}

function tooMany(allowance: Extract<Allowance, { allowed: false }>): Response {
  return jsonRpcError(429, SERVER_ERROR, `Too many requests. ${tryAgainIn(allowance.retryAfterSeconds)}`, {
    "Retry-After": String(allowance.retryAfterSeconds),
  });
}

/** The request's token, checked; a database down while checking is a 503, as every route answers it. */
async function bearerOf(request: Request): Promise<BearerResult | Response> {
  try {
    return await authenticateBearer(request.headers.get("authorization"));
  } catch (error) {
    if (isDatabaseOutage(error)) {
      return jsonRpcError(503, SERVER_ERROR, "The database is unavailable; try again in a minute.", {
        "Retry-After": "60",
      });
    }
    console.error("POST /mcp could not check its token", error);
    return jsonRpcError(500, ErrorCode.InternalError, "The server could not answer this request; try again later.");
  }
}

/**
 * `POST /mcp`: the token checked (if any), counted against the member's or the client's limit, then answered
 * by a fresh server with the member's tools or the public ones.
 */
export async function answerMcpPost(request: Request): Promise<Response> {
  const bearer = await bearerOf(request);
  if (bearer instanceof Response) return bearer;
  if (bearer.status === "invalid") {
    // Refused tokens are counted against the client's limit too, so a flood of guesses is slowed.
    const allowance = await consumeAllowance(rateLimit("mcp"), clientKey(request.headers));
    return allowance.allowed ? invalidToken(bearer.reason) : tooMany(allowance);
  }
  const member = bearer.status === "valid" ? bearer.member : null;
  if (!member && loadEnv().SITE_ACCESS === "members") return tokenRequired();
  const allowance = member
    ? await consumeAllowance(rateLimit("mcp-member"), member.userId)
    : await consumeAllowance(rateLimit("mcp"), clientKey(request.headers));
  if (!allowance.allowed) return tooMany(allowance);
  return serve(request, member);
}

/**
 * The request's JSON-RPC message, read here (up to MAX_BODY_BYTES) so that a batch is refused before any of it
 * runs: the limit counts one POST, and a batch of 100 tool calls in one POST (the SDK takes them) was 100
 * searches for one allowance. MCP dropped JSON-RPC batching in its 2025-06-18 revision; the SDK's clients send
 * one message per POST.
 */
async function readMessage(request: Request): Promise<{ message: unknown } | Response> {
  const body = request.body
    ? await readCapped(request.body as unknown as AsyncIterable<Uint8Array>, MAX_BODY_BYTES)
    : Buffer.alloc(0);
  if (body === null) return jsonRpcError(413, SERVER_ERROR, `The request body is over ${MAX_BODY_BYTES / 1024} KB.`);
  let message: unknown;
  try {
    message = JSON.parse(body.toString("utf8"));
  } catch {
    return jsonRpcError(400, ErrorCode.ParseError, "Parse error: the body is not JSON.");
  }
  if (Array.isArray(message)) {
    return jsonRpcError(
      400,
      ErrorCode.InvalidRequest,
      "Batches are not taken here: send one JSON-RPC message per request.",
    );
  }
  return { message };
}

async function serve(request: Request, member: TokenMember | null): Promise<Response> {
  const read = await readMessage(request);
  if (read instanceof Response) return read;
  const server = createMcpServer(member);
  // The body is read by `readMessage` and handed over parsed: the transport's own size limit never applies.
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  try {
    await server.connect(transport);
    const response = await transport.handleRequest(request, { parsedBody: read.message });
    response.headers.set("Cache-Control", "no-store");
    return response;
  } catch (error) {
    console.error("POST /mcp failed", error);
    return jsonRpcError(500, ErrorCode.InternalError, "The server could not answer this request; try again later.");
  } finally {
    await server.close();
  }
}

/** GET and DELETE on `/mcp`: a stateless server has no stream to open and no session to end. */
export function mcpMethodNotAllowed(): Response {
  return jsonRpcError(405, SERVER_ERROR, "Method not allowed.", { Allow: "POST" });
}
