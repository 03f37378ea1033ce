import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { clientKey } from "@/lib/auth/sign-in-limits";
import { createMcpServer } from "@/lib/mcp/server";
import { consumeAllowance, rateLimit, tryAgainIn } from "@/lib/rate-limits";

/**
 * `/mcp`, the MCP server over Streamable HTTP, stateless: each POST gets a fresh server and transport (the
 * SDK's stateless way), answers in plain JSON rather than an event stream (no tool streams), and forgets. So
 * any app server can answer any request, and there is no session to keep, resume or end: GET (a stream of
 * server messages) and DELETE (ending a session) are 405s with a JSON-RPC error, as the SDK's stateless
 * examples answer. What is malformed — not JSON, not JSON-RPC, a body over 64 KB, no JSON in `Accept` — the
 * SDK's transport refuses with a 4xx and a JSON-RPC error; an unknown method or tool, or bad arguments, are
 * JSON-RPC errors or error results, as the protocol says.
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

/** `POST /mcp`: counted against the client's `mcp` limit, then answered by a fresh server. */
export async function answerMcpPost(request: Request): Promise<Response> {
  const allowance = await consumeAllowance(rateLimit("mcp"), clientKey(request.headers));
  if (!allowance.allowed) {
    return jsonRpcError(429, SERVER_ERROR, `Too many requests. ${tryAgainIn(allowance.retryAfterSeconds)}`, {
      "Retry-After": String(allowance.retryAfterSeconds),
    });
  }
  const server = createMcpServer();
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: MAX_BODY_BYTES,
  });
  try {
    await server.connect(transport);
    const response = await transport.handleRequest(request);
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
