import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query, world } from "@/tests/chaos/support/world";

/**
 * Replays the open-redirect probe of issue 10 against the running production server: a signed-in reader
 * sent to `/signin?callbackUrl=%2F.%2F%2Fevil.example%2Fphish` was redirected to `//evil.example/phish`.
 * Every variant must now land on a path of this site, on the sign-in page and through Auth.js's own
 * routes, the email-link round trip included.
 */

const BASE_URL = world.baseUrl;

/** callbackUrl values as they appear in the query string (already encoded). */
const VARIANTS = [
  "%2F.%2F%2Fevil.example%2Fphish",
  "/.//evil.example/phish",
  "/..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "%2F%252e%2F%2Fevil.example",
  "/./%5Cevil.example",
  "/%5C%5Cevil.example",
  "%2F%5Cevil.example",
  "%5C%5Cevil.example",
  "/%09/evil.example",
  "%2F%09%2Fevil.example",
  "%2F%0A%2Fevil.example",
  "%2F%0D%0A%2Fevil.example",
  "%09%2F%2Fevil.example",
  "//evil.example",
  "///evil.example",
  "https://evil.example/",
  "https:%2F%2Fevil.example",
  "http:evil.example",
  "%2Fa%2F..%2F..%2F%2Fevil.example",
  "javascript:alert(1)",
  "foo",
];

/**
 * The server's own origins: its address, and the same port on the other loopback name (Auth.js builds
 * its URLs from APP_URL or the host it binds to, which may say "localhost" where the suite says 127.0.0.1).
 */
const SITE_ORIGINS = new Set(
  ["127.0.0.1", "localhost"].map((host) => {
    const url = new URL(BASE_URL);
    if (["127.0.0.1", "localhost"].includes(url.hostname)) url.hostname = host;
    return url.origin;
  }),
);

/** Whether a Location header stays on the server it came from. */
function isSameOriginPath(location: string | null): boolean {
  if (location === null) return false;
  const target = new URL(location, BASE_URL);
  if (!SITE_ORIGINS.has(target.origin)) return false;
  // An absolute URL to this site is fine; a relative one must not start like a host ("//", "/\").
  return /^https?:\/\//.test(location) || (location.startsWith("/") && !/^\/[/\\]/.test(location));
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${BASE_URL}${path}`, { headers, redirect: "manual", signal: AbortSignal.timeout(20_000) });
}

describe("open redirects (issue 10)", () => {
  const userId = `chaos_redirect_${randomUUID()}`;
  const email = `${userId}@example.test`;
  const sessionToken = randomBytes(32).toString("hex");
  const cookie = `authjs.session-token=${sessionToken}`;

  beforeAll(async () => {
    await query(
      `insert into "User" (id, email, "emailVerified", username, "updatedAt") values ($1, $2, now(), $3, now())`,
      [userId, email, `chaos-${randomBytes(4).toString("hex")}`],
    );
    await query(
      `insert into "Session" ("sessionToken", "userId", expires, "updatedAt") values ($1, $2, now() + interval '1 hour', now())`,
      [sessionToken, userId],
    );
  });

  afterAll(async () => {
    await query(`delete from "User" where id = $1`, [userId]);
    await query(`delete from "VerificationToken" where identifier like 'chaos-redirect-%'`);
  });

  it("sends a signed-in reader only to paths of this site from /signin", async () => {
    const escaped: string[] = [];
    for (const variant of VARIANTS) {
      const response = await get(`/signin?callbackUrl=${variant}`, { cookie });
      const location = response.headers.get("location");
      if (response.status !== 307 || !isSameOriginPath(location))
        escaped.push(`${variant} → ${response.status} ${location}`);
    }
    expect(escaped).toEqual([]);
    // And a genuine path still works.
    const response = await get(`/signin?callbackUrl=${encodeURIComponent("/papers/trending?x=1")}`, { cookie });
    expect(response.headers.get("location")).toMatch(/\/papers\/trending\?x=1$/);
  });

  it("puts only a safe path in the signed-out sign-in form", async () => {
    for (const variant of VARIANTS) {
      const html = await (await get(`/signin?callbackUrl=${variant}`)).text();
      const value = /name="callbackUrl" value="([^"]*)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
      expect(value !== undefined && isSameOriginPath(value), `${variant} → ${value}`).toBe(true);
    }
  });

  it("keeps Auth.js's own routes on the site and never answers them with a 5xx", async () => {
    const failures: string[] = [];
    for (const variant of VARIANTS) {
      for (const path of [
        `/api/auth/signin?callbackUrl=${variant}`,
        `/api/auth/callback/nodemailer?callbackUrl=${variant}&token=x&email=a%40example.test`,
        `/api/auth/session?callbackUrl=${variant}`,
        `/api/auth/signout?callbackUrl=${variant}`,
      ]) {
        const response = await get(path);
        const location = response.headers.get("location");
        if (response.status >= 500) failures.push(`${path} → ${response.status}`);
        else if (location !== null && !isSameOriginPath(location)) failures.push(`${path} → ${location}`);
        else if (location !== null) {
          // Auth.js hands the callbackUrl on to the sign-in page: it must already be one of ours.
          const next = new URL(location, BASE_URL).searchParams.get("callbackUrl");
          if (next !== null && !isSameOriginPath(next)) failures.push(`${path} → ${location}`);
        }
      }
      // A poisoned callback cookie must not break Auth.js either.
      const response = await get(`/api/auth/session`, { cookie: `authjs.callback-url=${variant}` });
      if (response.status >= 500) failures.push(`callback cookie ${variant} → ${response.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("lands on this site after following the emailed link of a sign-in asked for with a hostile callbackUrl", async () => {
    const address = `chaos-redirect-${randomUUID()}@example.test`;
    const csrf = await get("/api/auth/csrf", { "x-forwarded-for": randomIp() });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = (csrf.headers.get("set-cookie") ?? "").split(";")[0]!;
    const post = await fetch(`${BASE_URL}/api/auth/signin/nodemailer`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: csrfCookie,
        "x-forwarded-for": randomIp(),
      },
      body: new URLSearchParams({ email: address, csrfToken, callbackUrl: "/.//evil.example/phish" }),
    });
    expect(post.status).toBe(302);
    const [mail] = await query<{ text: string }>(
      `select text from "OutboxMessage" where "to" = $1 order by "createdAt" desc limit 1`,
      [address],
    );
    expect(mail, "the sign-in mail is in the Outbox (run the server without SMTP_URL)").toBeDefined();
    const link = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/.exec(mail!.text)?.[0];
    expect(link).toBeDefined();
    const callback = new URL(link!);
    const response = await get(`${callback.pathname}${callback.search}`);
    expect(response.status).toBe(302);
    expect(isSameOriginPath(response.headers.get("location")), response.headers.get("location") ?? "").toBe(true);
    await query(`delete from "User" where email = $1`, [address]);
  });
});

/** A documentation-range address per request, so the per-client sign-in limit is not what is tested. */
function randomIp(): string {
  const bytes = randomBytes(2);
  return `198.51.${bytes[0]}.${bytes[1]}`;
}
