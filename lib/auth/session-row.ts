import "server-only";
import { parseCookie } from "cookie";
import { prisma } from "@/lib/db";

/** Auth.js' database-session cookie, and its name on https (`useSecureCookies`). */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** The session token a `Cookie` header carries, or null. */
export function sessionTokenFromCookieHeader(header: string | undefined | null): string | null {
  if (!header) return null;
  const jar = parseCookie(header);
  for (const name of SESSION_COOKIES) {
    const value = jar[name];
    if (value) return value;
  }
  return null;
}

/**
 * The user of the unexpired session row `token` names, or null: one indexed lookup of the row Auth.js'
 * adapter reads (in raw SQL: it runs before every vote). A failed lookup throws, so an outage is never
 * taken for "signed out".
 */
export async function liveSessionUserId(token: string): Promise<string | null> {
  const rows = await prisma.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Session" WHERE "sessionToken" = ${token} AND expires > now()`;
  return rows[0]?.userId ?? null;
}
