import "server-only";
import { parseCookie } from "cookie";

/** Auth.js' database-session cookie, and its name on https (`useSecureCookies`). */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** The session token among cookies read by `read(name)`, or null. */
export function sessionTokenIn(read: (name: string) => string | undefined): string | null {
  for (const name of SESSION_COOKIES) {
    const value = read(name);
    if (value) return value;
  }
  return null;
}

/** The session token a `Cookie` header carries, or null (outside Next.js: the front server's votes). */
export function sessionTokenFromCookieHeader(header: string | undefined | null): string | null {
  if (!header) return null;
  const jar = parseCookie(header);
  return sessionTokenIn((name) => jar[name]);
}
