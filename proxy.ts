import { NextResponse, type NextRequest } from "next/server";
import { databaseUnavailableResponse } from "@/lib/db/health";
import { loadEnv } from "@/lib/env";
import { isRouteHandlerPath, KNOWN_METHODS, methodNotAllowed, plainAnswer } from "@/lib/http/methods";
import { gateInProxy, siteAccessVerdict } from "@/lib/site-access/gate";

/**
 * Runs before every request (but Next's static files) and answers what must never reach a page:
 * - a path with malformed percent-encoding (`/papers/%E2%82`) or control characters: 400, where Next
 *   threw while decoding the segment (a 500 on every dynamic route);
 * - methods a route does not take: pages answer GET and HEAD (plus server-action POSTs), so anything
 *   else is a 405 with `Allow`, as is any unknown method anywhere (TRACE, TRACK and CONNECT never get
 *   here: the front server, lib/http/gate.ts, answers them);
 * - on a members-only site run by `next dev` (no front server), a stranger: lib/site-access/gate.ts;
 * - forwarded scheme and host headers that are not a scheme or a host (`X-Forwarded-Proto: javascript`
 *   made Auth.js build a `null` origin, a 500): dropped, so the defaults apply;
 * and gives every answer, HTML 404s under /api and /feeds included, the Content-Security-Policy: a fresh
 * nonce per request that Next.js puts on its own scripts and the root layout on its one inline script.
 */
export async function proxy(request: NextRequest) {
  // While the database is down, the 503 at once rather than a queue behind it (lib/db/health.ts).
  const unavailable = databaseUnavailableResponse(request);
  if (unavailable) return unavailable;
  const { pathname } = request.nextUrl;
  if (!isWellFormedPath(pathname)) return badPath(pathname);

  const method = request.method.toUpperCase();
  if (!KNOWN_METHODS.has(method)) return refuseMethod(pathname);
  if (gateInProxy()) {
    const verdict = await siteAccessVerdict({
      method,
      url: `${pathname}${request.nextUrl.search}`,
      headers: {
        cookie: request.headers.get("cookie") ?? undefined,
        accept: request.headers.get("accept") ?? undefined,
        authorization: request.headers.get("authorization") ?? undefined,
      },
    });
    if (verdict.kind === "refuse") {
      return new NextResponse(verdict.body || null, { status: verdict.status, headers: verdict.headers });
    }
  }
  if (!isRouteHandlerPath(pathname) && method !== "GET" && method !== "HEAD" && !(await isServerAction(request))) {
    return refuseMethod(pathname);
  }

  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  sanitizeForwardedHeaders(headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Everything but Next's own static files and images, which are never HTML.
  matcher: ["/((?!_next/static|_next/image).*)"],
};

/** Whether each segment decodes (valid UTF-8 percent-escapes) to text without control characters. */
function isWellFormedPath(pathname: string): boolean {
  try {
    return !/[\u0000-\u001f\u007f]/.test(decodeURIComponent(pathname));
  } catch {
    return false;
  }
}

/**
 * A server action's post: a fetch from the page carries `Next-Action`; a form posted before the page's
 * JavaScript ran (progressive enhancement) is multipart with a `$ACTION_ID_…` or `$ACTION_REF_…` field.
 */
async function isServerAction(request: NextRequest): Promise<boolean> {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) return false;
  try {
    const form = await request.clone().formData();
    return [...form.keys()].some((key) => key.startsWith("$ACTION_ID_") || key.startsWith("$ACTION_REF_"));
  } catch {
    return false;
  }
}

/** Drops forwarded scheme and host values that are not one, so Auth.js and Next fall back to their own. */
function sanitizeForwardedHeaders(headers: Headers): void {
  const proto = headers.get("x-forwarded-proto");
  if (proto !== null && !/^https?$/i.test(proto.split(",")[0]!.trim())) headers.delete("x-forwarded-proto");
  const host = headers.get("x-forwarded-host");
  if (host !== null && !/^(?:[a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i.test(host.split(",")[0]!.trim())) {
    headers.delete("x-forwarded-host");
  }
}

function contentSecurityPolicy(nonce: string): string {
  const development = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Chrome holds the redirect after Auth.js's sign-in POST to form-action: GitHub's and the OIDC provider's.
    `form-action 'self' https://github.com${formActionExtra()}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

let singleSignOnOrigin: string | undefined;

/** " <the OIDC provider's origin>" when single sign-on is configured, else "". */
function formActionExtra(): string {
  if (singleSignOnOrigin === undefined) {
    const env = loadEnv();
    singleSignOnOrigin =
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET ? ` ${new URL(env.OIDC_ISSUER).origin}` : "";
  }
  return singleSignOnOrigin;
}

function badPath(pathname: string) {
  const answer = plainAnswer(
    pathname,
    400,
    "Bad request",
    "This address is malformed: it has a broken %-escape or a control character.",
  );
  return new NextResponse(answer.body, { status: 400, headers: answer.headers });
}

function refuseMethod(pathname: string) {
  const answer = methodNotAllowed(pathname);
  return new NextResponse(answer.body, { status: answer.status, headers: answer.headers });
}
