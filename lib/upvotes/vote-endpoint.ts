import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { actionFailure } from "@/lib/actions/action-failure";
import { sessionTokenFromCookieHeader } from "@/lib/auth/session-cookie";
import { isDatabaseDown } from "@/lib/db/health";
import { appUrl, loadEnv } from "@/lib/env";
import { httpStatusOf, type AppErrorCode } from "@/lib/errors";
import { consumeAllowance, rateLimit, tryAgainIn } from "@/lib/rate-limits";
import { RETRY_AFTER_SECONDS, UNAVAILABLE_ACTION_MESSAGE } from "@/lib/db/unavailable";
import { getSessionUserId } from "@/lib/upvotes/data";
import { voteWithSession } from "@/lib/upvotes/mutations";
import { upvoteInputSchema } from "@/lib/upvotes/schema";
import type { VoteResult } from "@/lib/upvotes/vote-result";
import { firstIssueMessage } from "@/lib/validation";

/**
 * `POST /api/upvotes` with `{ "paperId": "2501.12948", "upvoted": true }`: sets the signed-in reader's vote
 * and answers the paper's new count,
 * `{ ok: true, upvoted, count }`, or `{ ok: false, code, message }` with its status (lib/errors.ts). The
 * vote is a write like the others — its limit in lib/rate-limits.ts, its caches told by `papersChanged`
 * and lib/page-cache/changes.ts — answered as JSON rather than by a server action because votes come in
 * bursts and the button needs only the count back, not the page rendered again. It is kept cheap: the limit
 * counted in memory, the session looked up once a minute, one statement that checks the session and sets
 * the vote. In production the front server (lib/page-cache/front-server.ts) answers it through `serveVote`,
 * below, without a round through Next.js; under `next dev` the route handler app/api/upvotes/route.ts does,
 * with the same `answerVote`.
 *
 * Cross-site requests are refused twice over: the `Origin` must be this site's (scheme, host and port), and the body must be JSON
 * (which a form cannot send, and which a cross-site script may only send after a CORS preflight nobody answers).
 */
export const VOTE_PATH = "/api/upvotes";
/** The largest body read: a vote is under 60 bytes. */
export const MAX_VOTE_BODY_BYTES = 1024;

export interface VoteRequest {
  /** The `Content-Type` header. */
  contentType: string | undefined;
  /** The `Origin` header. */
  origin: string | undefined;
  /** The host the reader addressed: `X-Forwarded-Host`, else `Host`. */
  host: string | undefined;
  /** The `Cookie` header. */
  cookie: string | undefined;
  /** The body as text (the caller stops reading past MAX_VOTE_BODY_BYTES). */
  body: string;
}

export interface VoteAnswer {
  status: number;
  headers: Record<string, string>;
  result: VoteResult;
  /** The paper whose vote was counted: its cached pages are refreshed (`papersChanged`). */
  counted?: string;
}

const SIGNED_OUT = "Sign in to upvote.";

/** The headers of every answer: JSON for this reader only, nothing in it may run. */
export const VOTE_ANSWER_HEADERS = {
  "Content-Type": "application/json",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
} as const;

function refusal(code: AppErrorCode, message: string, headers: Record<string, string> = {}): VoteAnswer {
  return {
    status: httpStatusOf(code),
    headers: { ...VOTE_ANSWER_HEADERS, ...headers },
    result: { ok: false, code, message },
  };
}

/** The answer to a body past MAX_VOTE_BODY_BYTES, which its callers stop reading. */
export function voteTooLarge(): VoteAnswer {
  return { ...refusal("INVALID_INPUT", "A vote is a few bytes."), status: 413 };
}

/**
 * Whether `origin` is this site's origin — scheme, host and port, as a browser sends it on every POST:
 * APP_URL's when it is set (an `https://` page of another site on the same host is not this site); without
 * APP_URL, `http://` and the host the reader addressed (the default APP_URL names only localhost).
 */
function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || origin === "null") return false;
  let given: string;
  try {
    given = new URL(origin).origin;
  } catch {
    return false;
  }
  if (given === new URL(appUrl()).origin) return true;
  if (loadEnv().APP_URL || !host) return false;
  try {
    return given === new URL(`http://${host}`).origin;
  } catch {
    return false;
  }
}

/**
 * Session tokens and their users, for the per-member limit: one lookup per session a minute, not one per
 * vote (votes come in bursts). Only a hint: the vote's own statement checks the session again.
 */
const SESSION_USER_TTL_MS = 60_000;
const SESSION_USER_MAX = 10_000;
const sessionUsers = new Map<string, { userId: string; until: number }>();

async function sessionUser(token: string): Promise<string | null> {
  const known = sessionUsers.get(token);
  if (known && known.until > Date.now()) return known.userId;
  sessionUsers.delete(token);
  const userId = await getSessionUserId(token);
  if (!userId) return null;
  if (sessionUsers.size >= SESSION_USER_MAX) sessionUsers.delete(sessionUsers.keys().next().value!);
  sessionUsers.set(token, { userId, until: Date.now() + SESSION_USER_TTL_MS });
  return userId;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Answers one vote request: checks, in order, health, origin, content type, cookie, input, session, the
 * member's rate limit, then the vote (which refuses a paper readers may not see).
 */
export async function answerVote(request: VoteRequest): Promise<VoteAnswer> {
  const unavailable = () =>
    refusal("UNAVAILABLE", UNAVAILABLE_ACTION_MESSAGE, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  if (isDatabaseDown()) return unavailable();
  if (!isSameOrigin(request.origin, request.host)) {
    return refusal("FORBIDDEN", "Votes are taken from this site's own pages only.");
  }
  if (!/^application\/json\s*(?:;|$)/i.test(request.contentType ?? "")) {
    return refusal("INVALID_INPUT", "Send the vote as JSON: { paperId, upvoted }.");
  }
  try {
    const token = sessionTokenFromCookieHeader(request.cookie);
    if (!token) return refusal("UNAUTHENTICATED", SIGNED_OUT);
    const json = parseJson(request.body);
    if (json === undefined) return refusal("INVALID_INPUT", "Send the vote as JSON: { paperId, upvoted }.");
    const input = upvoteInputSchema.safeParse(json);
    if (!input.success) return refusal("INVALID_INPUT", firstIssueMessage(input.error));
    // Counted per member, not per session: a second session of the same member shares the allowance.
    const userId = await sessionUser(token);
    if (!userId) return refusal("UNAUTHENTICATED", SIGNED_OUT);
    const allowance = await consumeAllowance(rateLimit("upvote"), userId);
    if (!allowance.allowed) {
      return refusal("RATE_LIMITED", `You are voting very fast. ${tryAgainIn(allowance.retryAfterSeconds)}`, {
        "Retry-After": String(allowance.retryAfterSeconds),
      });
    }
    const vote = await voteWithSession(token, input.data.paperId, input.data.upvoted);
    if (!vote.signedIn) {
      sessionUsers.delete(token);
      return refusal("UNAUTHENTICATED", SIGNED_OUT);
    }
    return {
      status: 200,
      headers: { ...VOTE_ANSWER_HEADERS },
      result: { ok: true, upvoted: vote.upvoted, count: vote.count },
      counted: input.data.paperId,
    };
  } catch (error) {
    const failure = actionFailure(error);
    return failure.code === "UNAVAILABLE" ? unavailable() : refusal(failure.code, failure.message);
  }
}

/** Whether `req` is a vote the front server answers itself (other methods go to Next.js, which refuses them). */
export function isVoteRequest(req: IncomingMessage): boolean {
  return req.method === "POST" && (req.url ?? "").split("?", 1)[0] === VOTE_PATH;
}

/** The body as text, or null once it passes `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        return resolve(null);
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Answers `POST /api/upvotes` on node:http (`answerVote`), calling `onCounted` with the
 * paper once a vote is stored, for the caches to follow.
 */
export async function serveVote(
  req: IncomingMessage,
  res: ServerResponse,
  onCounted: (paperId: string) => void,
): Promise<void> {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const body = await readBody(req, MAX_VOTE_BODY_BYTES);
  // The rest of a body too large was not read: the connection closes after the answer.
  if (body === null) return send(res, voteTooLarge(), { Connection: "close" });
  const answer = await answerVote({
    contentType: header("content-type"),
    origin: header("origin"),
    host: header("x-forwarded-host") ?? header("host"),
    cookie: header("cookie"),
    body,
  });
  if (answer.counted) onCounted(answer.counted);
  send(res, answer);
}

function send(res: ServerResponse, answer: VoteAnswer, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(answer.status, { ...answer.headers, ...extraHeaders });
  res.end(JSON.stringify(answer.result));
}
