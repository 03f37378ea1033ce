/**
 * Which HTTP methods each kind of address takes. Shared by proxy.ts (which answers most refusals) and the
 * front server's gate, lib/http/gate.ts (which must answer TRACE/TRACK/CONNECT itself: Next.js cannot even
 * build a request object for them, so they never reach the proxy and used to be a 500).
 */

/** Methods a page answers. Server-action POSTs are the one exception, recognised by the proxy. */
export const PAGE_ALLOW = "GET, HEAD";

/** Methods Next.js routes can take at all; anything else is refused before it reaches one. */
export const KNOWN_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]);

/** Methods the Fetch standard forbids: `new Request()` throws on them, so Next.js cannot serve them. */
export const FORBIDDEN_METHODS: ReadonlySet<string> = new Set(["CONNECT", "TRACE", "TRACK"]);

/** Paths served by route handlers (or Next.js itself), which answer their own methods. */
const ROUTE_HANDLER_PREFIXES = ["/api/", "/feeds/", "/og/", "/_next/"];
const ROUTE_HANDLER_FILES = new Set(["/sitemap.xml", "/robots.txt", "/favicon.ico", "/manifest.webmanifest", "/mcp"]);
/** Route handlers that take writes (Auth.js, one-click unsubscribe). */
const WRITABLE_PREFIXES = ["/api/auth/", "/api/unsubscribe/"];

/** Whether `pathname` is served by a route handler rather than a page. */
export function isRouteHandlerPath(pathname: string): boolean {
  return ROUTE_HANDLER_FILES.has(pathname) || ROUTE_HANDLER_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/** The `Allow` header of a 405 for `pathname`. */
export function allowedMethods(pathname: string): string {
  return WRITABLE_PREFIXES.some((prefix) => pathname.startsWith(prefix)) ? "GET, HEAD, POST" : PAGE_ALLOW;
}

/** The policy of the small answers given without a page: nothing may run. */
export const STATIC_ANSWER_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

/** A short answer given without a page: the status, a title and one sentence, as JSON under /api or HTML. */
export function plainAnswer(
  pathname: string,
  status: number,
  title: string,
  sentence: string,
): { headers: Record<string, string>; body: string } {
  const headers = {
    "Content-Security-Policy": STATIC_ANSWER_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  };
  if (pathname.startsWith("/api/")) {
    return { headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify({ error: sentence }) };
  }
  return {
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
    body: `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title} · Daily Papers</title><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>${title}</h1><p>${sentence}</p><p><a href="/">Go to the latest papers</a></p></body></html>`,
  };
}

/** The 405 for `method` on `pathname`. */
export function methodNotAllowed(pathname: string): { status: 405; headers: Record<string, string>; body: string } {
  const allow = allowedMethods(pathname);
  const answer = plainAnswer(pathname, 405, "Method not allowed", `This address answers ${allow} only.`);
  return { status: 405, headers: { ...answer.headers, Allow: allow }, body: answer.body };
}
