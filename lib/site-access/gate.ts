import "server-only";
import type { IncomingHttpHeaders } from "node:http";
import { appUrl, loadEnv } from "@/lib/env";
import { SECURITY_HEADERS } from "@/lib/http/gate";
import { plainAnswer } from "@/lib/http/methods";
import { hasMemberSession, isMemberFeedKey } from "@/lib/site-access/members";
import { authenticateBearer } from "@/lib/tokens/bearer";
import { accessKindOf, routedPath, splitFeedKey, type AccessKind } from "@/lib/site-access/rules";

/**
 * The members-only gate (`SITE_ACCESS=members`): before anything is read for a request, whether it may go on,
 * and if not, its answer — the sign-in page for a person, a 401 for a program — which says nothing of what the
 * site holds: the same for every address, a paper that exists or not, a page or a 404. Run by the front server
 * for each request it is given (lib/page-cache/front-server.ts), so that the page cache serves its pages to
 * members only; `proxy.ts` runs it where there is no front server (`next dev`).
 */
export type Verdict =
  /** Go on; `url`, when given, is the request's URL without its feed key (so members share one cached feed). */
  { kind: "admit"; url?: string } | { kind: "refuse"; status: number; headers: Record<string, string>; body: string };

export interface GateRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

/** Set by the front server for its process, whose Next.js (proxy.ts) then leaves the gate to it. */
const FRONT_SERVER_MARK = "DAILY_PAPERS_FRONT_SERVER";

/** Marks this process as the front server's: it runs the gate itself for every request. */
export function markFrontServer(): void {
  process.env[FRONT_SERVER_MARK] = "1";
}

/** Whether `proxy.ts` must run the gate: no front server in this process (`next dev`). */
export function gateInProxy(): boolean {
  return membersOnly() && process.env[FRONT_SERVER_MARK] !== "1";
}

/** Whether this server serves members only. */
export function membersOnly(): boolean {
  return loadEnv().SITE_ACCESS === "members";
}

/** The gate's verdict on `request` (always admit on a public site). */
export async function siteAccessVerdict(request: GateRequest): Promise<Verdict> {
  if (!membersOnly()) return { kind: "admit" };
  const url = request.url ?? "/";
  const pathname = routedPath(url);
  const accept = request.headers.accept;
  const kind = accessKindOf(pathname, Array.isArray(accept) ? accept.join(",") : accept);
  if (kind === "open" || kind === "own") return { kind: "admit" };
  const feed = kind === "feed" ? splitFeedKey(url) : null;
  try {
    if (await hasMemberSession(request.headers.cookie)) return { kind: "admit", url: feed?.rest };
    if (feed?.key && (await isMemberFeedKey(feed.key))) return { kind: "admit", url: feed.rest };
    // A program may also come with a member's personal token (Settings → Tokens for agents).
    if (kind !== "page" && request.headers.authorization !== undefined) {
      const bearer = await authenticateBearer(request.headers.authorization);
      if (bearer.status === "valid") return { kind: "admit" };
      if (bearer.status === "invalid") return refusedToken(pathname, bearer.reason);
    }
  } catch {
    return cannotCheck(pathname);
  }
  return refusal(kind, request.method ?? "GET", pathname, url);
}

/** A personal token that is not one (revoked, malformed): said as RFC 6750 says it. */
function refusedToken(pathname: string, reason: string): Verdict {
  const answer = plainAnswer(pathname, 401, "Members only", reason);
  const json = pathname.startsWith("/api/");
  return {
    kind: "refuse",
    status: 401,
    headers: {
      ...SECURITY_HEADERS,
      ...answer.headers,
      ...(json ? {} : { "Content-Type": "text/plain; charset=utf-8" }),
      "WWW-Authenticate": `Bearer realm="Daily Papers", error="invalid_token", error_description="${reason.replace(/"/g, "'")}"`,
    },
    body: json ? answer.body : `${reason}\n`,
  };
}

/** The answer to a stranger. */
function refusal(kind: AccessKind, method: string, pathname: string, url: string): Verdict {
  const common: Record<string, string> = { ...SECURITY_HEADERS, "Cache-Control": "no-store", Vary: "Cookie" };
  if (kind === "page" && (method === "GET" || method === "HEAD")) {
    // Relative: no Host or forwarded header can turn it into another site (as lib/auth/route-guard.ts).
    const location = `/signin?callbackUrl=${encodeURIComponent(url)}`;
    return { kind: "refuse", status: 303, headers: { ...common, Location: location }, body: "" };
  }
  const sentence =
    kind === "feed"
      ? `This feed is for the site's members: a feed reader reaches it through your private feed address, in Settings (${appUrl()}/settings#feeds).`
      : `This site is for its members: sign in at ${appUrl()}/signin.`;
  const answer = plainAnswer(pathname, 401, "Members only", sentence);
  // RFC 9110: a 401 names how to authenticate; a program may bring a member's personal token.
  common["WWW-Authenticate"] = 'Bearer realm="Daily Papers"';
  const headers = pathname.startsWith("/api/")
    ? answer.headers
    : { ...answer.headers, "Content-Type": "text/plain; charset=utf-8" };
  const body = pathname.startsWith("/api/") ? answer.body : `${sentence}\n`;
  return { kind: "refuse", status: 401, headers: { ...common, ...headers }, body };
}

/** The database could not say who is asking: nobody is let in on a guess. */
function cannotCheck(pathname: string): Verdict {
  const answer = plainAnswer(
    pathname,
    503,
    "Try again in a moment",
    "The site cannot check who you are just now (its database is not answering). Try again in a minute.",
  );
  return {
    kind: "refuse",
    status: 503,
    headers: { ...SECURITY_HEADERS, ...answer.headers, "Retry-After": "30", Vary: "Cookie" },
    body: answer.body,
  };
}
