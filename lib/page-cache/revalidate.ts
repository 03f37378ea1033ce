import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { cacheTags } from "@/lib/cache-tags";
import { appUrl, loadEnv } from "@/lib/env";

/**
 * Changes made outside the running app — an import from the CLI or the worker — reach its cache through
 * `POST /api/revalidate`, authorised by a token derived from AUTH_SECRET (which the app, the worker and
 * `npm start`'s children share), so no second secret has to be configured. Without AUTH_SECRET nothing is
 * sent, and the cached lists and pages catch up within their lifetimes (30 s for lists, 5 minutes for a paper).
 */

/** The bearer token `POST /api/revalidate` accepts, or null without AUTH_SECRET. */
export function revalidationToken(secret: string | undefined = loadEnv().AUTH_SECRET): string | null {
  return secret ? createHmac("sha256", secret).update("daily-papers:revalidate").digest("base64url") : null;
}

/** Whether `header` (an Authorization header) carries the revalidation token. */
export function isRevalidationAuthorized(header: string | null): boolean {
  const expected = revalidationToken();
  const given = header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : null;
  if (!expected || !given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/**
 * Tells the app at APP_URL that the papers changed outside it, so it drops everything it cached from them.
 * Inside the app it does nothing (its own actions invalidate their tags). Never throws: a stopped app has
 * nothing to forget, so a failure is one calm line.
 */
export async function announceOutsideChange(): Promise<void> {
  if (process.env.NEXT_RUNTIME) return;
  const token = revalidationToken();
  if (!token) return;
  try {
    const response = await fetch(`${appUrl()}/api/revalidate`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ tags: [cacheTags.all] }),
      signal: AbortSignal.timeout(3_000),
    });
    if (!response.ok) console.warn(`The app at ${appUrl()} did not take the cache invalidation (${response.status}).`);
  } catch {
    console.warn(`The app at ${appUrl()} is not running: nothing cached to invalidate.`);
  }
}
