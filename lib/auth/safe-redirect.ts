/**
 * `target` when it is a path on this site ("/papers/2501.12948?x=1"), else "/". Blocks open redirects
 * ("//evil.example", "https://evil.example", "/\\evil.example").
 */
export function safeRedirectPath(target: unknown): string {
  if (typeof target !== "string" || target.length > 2000) return "/";
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return "/";
  try {
    const url = new URL(target, "http://localhost");
    return url.host === "localhost" ? `${url.pathname}${url.search}${url.hash}` : "/";
  } catch {
    return "/";
  }
}
