import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Before lib/env is first read: this file's server serves members only and signs feed keys.
process.env.SITE_ACCESS = "members";
process.env.AUTH_SECRET ??= "gate-test-secret-that-is-long-enough-0123456789";

const { prisma } = await import("@/lib/db/client");
const { feedKeyFor } = await import("@/lib/site-access/feed-keys");
const { siteAccessVerdict } = await import("@/lib/site-access/gate");
const { rotateFeedKey } = await import("@/lib/site-access/mutations");
const { keepAnswerPrivate, privateCacheControl } = await import("@/lib/site-access/private-answers");
const { createAccessToken, revokeAccessToken } = await import("@/lib/tokens/mutations");

const run = randomUUID().slice(0, 8);
const member = `gate_${run}_member`;
const live = randomBytes(16).toString("hex");
const expired = randomBytes(16).toString("hex");
const HTML = "text/html,*/*;q=0.8";

beforeAll(async () => {
  await prisma.user.create({ data: { id: member } });
  await prisma.session.createMany({
    data: [
      { sessionToken: live, userId: member, expires: new Date(Date.now() + 3_600_000) },
      { sessionToken: expired, userId: member, expires: new Date(Date.now() - 1_000) },
    ],
  });
});

afterAll(async () => {
  await prisma.user.deleteMany({ where: { id: member } });
});

function ask(url: string, headers: http.IncomingHttpHeaders = { accept: HTML }, method = "GET") {
  return siteAccessVerdict({ method, url, headers });
}

describe("the members-only gate", () => {
  it("sends a stranger's page view to sign in, back to where they were going, whatever the page", async () => {
    for (const url of ["/", "/papers/2501.12948?x=1", "/papers/9999.99999", "/no/such/page", "/signin/../papers"]) {
      const verdict = await ask(url);
      expect(verdict, url).toMatchObject({ kind: "refuse", status: 303 });
      if (verdict.kind !== "refuse") continue;
      expect(verdict.headers.Location).toBe(`/signin?callbackUrl=${encodeURIComponent(url)}`);
      expect(verdict.headers["Cache-Control"]).toBe("no-store");
      expect(verdict.body).toBe("");
    }
  });

  it("answers a program 401 with a sentence and nothing of the site", async () => {
    const api = await ask("/api/daily_papers", { accept: "application/json" });
    expect(api).toMatchObject({ kind: "refuse", status: 401 });
    if (api.kind === "refuse") {
      expect(api.headers["Content-Type"]).toBe("application/json");
      expect(JSON.parse(api.body)).toEqual({
        error: expect.stringMatching(/^This site is for its members: sign in at http/),
      });
    }
    const feed = await ask("/feeds/daily.xml", { accept: "application/rss+xml" });
    expect(feed).toMatchObject({ kind: "refuse", status: 401 });
    if (feed.kind === "refuse") expect(feed.body).toMatch(/private feed address, in Settings/);
    // A server action posted to a page by a stranger.
    expect(await ask("/papers/2501.12948", { accept: HTML }, "POST")).toMatchObject({ kind: "refuse", status: 401 });
  });

  it("lets in the sign-in pages, Auth.js and the MCP server (which answers strangers itself)", async () => {
    for (const url of ["/signin?callbackUrl=%2F", "/api/auth/csrf", "/mcp", "/robots.txt"]) {
      expect(await ask(url), url).toEqual({ kind: "admit" });
    }
  });

  it("lets in a live session, not an expired or unknown one", async () => {
    expect(await ask("/papers/2501.12948", { accept: HTML, cookie: `authjs.session-token=${live}` })).toEqual({
      kind: "admit",
      url: undefined,
    });
    expect(await ask("/", { accept: HTML, cookie: `authjs.session-token=${expired}` })).toMatchObject({
      kind: "refuse",
    });
    expect(await ask("/", { accept: HTML, cookie: `__Secure-authjs.session-token=nope` })).toMatchObject({
      kind: "refuse",
    });
  });

  it("lets a feed reader in with the member's key, taken out of the address, until the member rotates it", async () => {
    const key = feedKeyFor(member, 0)!;
    expect(await ask(`/feeds/daily.atom?category=cs.CL&key=${encodeURIComponent(key)}`)).toEqual({
      kind: "admit",
      url: "/feeds/daily.atom?category=cs.CL",
    });
    // A key opens feeds only, and a forged or altered one nothing.
    expect(await ask(`/?key=${key}`)).toMatchObject({ kind: "refuse", status: 303 });
    // Its last character changed (to "A" — unless it was one: a 1 in 64 chance, once a flake).
    const altered = `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`;
    expect(await ask(`/feeds/daily.xml?key=${altered}`)).toMatchObject({ kind: "refuse", status: 401 });
    expect(await ask(`/feeds/daily.xml?key=someone-else.${key.split(".")[1]}`)).toMatchObject({ kind: "refuse" });
    expect(await ask(`/feeds/daily.xml?key=${"x".repeat(5000)}`)).toMatchObject({ kind: "refuse" });

    await rotateFeedKey(member);
    expect(await ask(`/feeds/daily.xml?key=${key}`)).toMatchObject({ kind: "refuse", status: 401 });
    const next = feedKeyFor(member, 1)!;
    expect(next).not.toBe(key);
    expect(await ask(`/feeds/daily.xml?key=${next}`)).toEqual({ kind: "admit", url: "/feeds/daily.xml" });
  });
});

describe("a program with a member's personal token", () => {
  it("reads the JSON API, exports and feeds; a revoked or malformed token is refused as RFC 6750 says", async () => {
    const { secret, token } = await createAccessToken(member, { name: "gate test", mayVote: false });
    const bearer = { accept: "application/json", authorization: `Bearer ${secret}` };
    for (const url of ["/api/daily_papers", "/papers/2501.12948.md", "/feeds/daily.xml", "/sitemap.xml"]) {
      expect(await ask(url, bearer), url).toEqual({ kind: "admit" });
    }
    // A token is for programs: a page is still a person's, and sends them to sign in.
    expect(await ask("/", { accept: HTML, authorization: `Bearer ${secret}` })).toMatchObject({ status: 303 });

    const stranger = await ask("/api/daily_papers", { accept: "application/json" });
    expect(stranger.kind === "refuse" && stranger.headers["WWW-Authenticate"]).toBe('Bearer realm="Daily Papers"');
    const malformed = await ask("/api/daily_papers", { ...bearer, authorization: "Bearer dp_short" });
    expect(malformed).toMatchObject({ kind: "refuse", status: 401 });
    expect(malformed.kind === "refuse" && malformed.headers["WWW-Authenticate"]).toMatch(/error="invalid_token"/);
    await revokeAccessToken(member, token.id);
    const revoked = await ask("/api/daily_papers", bearer);
    expect(revoked).toMatchObject({ kind: "refuse", status: 401 });
    expect(revoked.kind === "refuse" && JSON.parse(revoked.body)).toEqual({ error: expect.stringMatching(/revoked/) });
  });
});

describe("a members-only site's answers", () => {
  it("are never public to a shared cache", () => {
    expect(privateCacheControl("public, max-age=0, must-revalidate")).toBe("private, max-age=0, must-revalidate");
    expect(privateCacheControl("public, s-maxage=60")).toBe("private, s-maxage=60");
    expect(privateCacheControl(undefined)).toBe("private, no-cache");
    expect(privateCacheControl("no-store")).toBe("no-store");
    expect(privateCacheControl("max-age=60")).toBe("private, max-age=60");
  });

  it("become private however the head is written, and vary by cookie", async () => {
    const server = http.createServer((req, res) => {
      keepAnswerPrivate(res);
      if (req.url === "/head") {
        res.writeHead(200, { "Cache-Control": "public, max-age=60", Vary: "Accept-Encoding" });
        return void res.end("a");
      }
      res.setHeader("cache-control", "public, s-maxage=31536000");
      res.end("b");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const head = await fetch(`${base}/head`);
      expect(head.headers.get("cache-control")).toBe("private, max-age=60");
      expect(head.headers.get("vary")).toBe("Accept-Encoding, Cookie");
      const implicit = await fetch(`${base}/implicit`);
      expect(implicit.headers.get("cache-control")).toBe("private, s-maxage=31536000");
      expect(implicit.headers.get("vary")).toBe("Cookie");
      expect(await implicit.text()).toBe("b");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
