/** Origin that relative targets are resolved against; `.invalid` can never be a real host (RFC 2606). */
const PROBE_ORIGIN = "http://safe-redirect.invalid";

const MAX_LENGTH = 2000;

/**
 * `target` as a path on this site ("/papers/2501.12948?x=1"), else "/". Blocks open redirects.
 *
 * The check runs on the URL a browser would actually follow, not on the raw string: the target is first
 * resolved the way a browser resolves a `Location` (dot segments, `%2e`, backslashes, stripped tabs and
 * newlines), and only a result on the same origin whose path does not begin with `//` or `/\` (which a
 * browser reads as another host) is kept. `"/.//evil.example"` normalises to `"//evil.example"`, so it is
 * refused, whereas checking the raw string first would have let it through.
 */
export function safeRedirectPath(target: unknown): string {
  if (typeof target !== "string" || target.length > MAX_LENGTH) return "/";
  // Tabs, newlines and other control characters are dropped or rejected differently by each parser;
  // no link of ours contains one raw.
  if (!target.startsWith("/") || /[\u0000-\u001f\u007f]/.test(target)) return "/";
  const path = normalisedPath(target);
  if (path === null) return "/";
  // A second resolution must give the same path: what we check is then exactly what the browser follows.
  return normalisedPath(path) === path ? path : "/";
}

/**
 * Where Auth.js may send a reader after signing in: `url` (a path, or an absolute URL on `origin`) as an
 * absolute URL on `origin`, else `origin`'s home page. Used as Auth.js's `redirect` callback, which would
 * otherwise throw on a `callbackUrl` that is neither (a 500).
 */
export function safeCallbackUrl(url: string, origin: string): string {
  let path: string = url;
  if (!url.startsWith("/")) {
    try {
      const absolute = new URL(url);
      path = absolute.origin === origin ? `${absolute.pathname}${absolute.search}${absolute.hash}` : "/";
    } catch {
      path = "/";
    }
  }
  return `${origin}${safeRedirectPath(path)}`;
}

/** The same-origin path `target` resolves to, or null when it leaves the origin or names another host. */
function normalisedPath(target: string): string | null {
  let url: URL;
  try {
    url = new URL(target, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  return path;
}
