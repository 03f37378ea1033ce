import { setTimeout as sleep } from "node:timers/promises";
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { noncedScriptHashes, policyForStoredPage } from "@/lib/page-cache/csp";
import { readPastRemovals, recordRemoval } from "@/lib/page-cache/data-cache";
import { withForwardedFor } from "@/lib/page-cache/forwarded-for";
import { afterRender, decide, hasSessionCookie, planFor } from "@/lib/page-cache/policy";
import { markedForMember } from "@/lib/page-cache/viewer-mark";
import { PageStore, storedAnswer } from "@/lib/page-cache/store";
import { TagRelay } from "@/lib/page-cache/tag-relay";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("which requests the page cache answers", () => {
  const anonymous = { host: "papers.example" };
  it.each([
    ["/", ["papers", "lists"]],
    ["/?category=cs.CL", ["papers", "lists"]],
    ["/papers/date/2025-01-22", ["papers", "lists"]],
    ["/papers/week/2025-W04", ["papers", "lists"]],
    ["/papers/month/2025-01", ["papers", "lists"]],
    ["/papers/trending", ["papers", "lists"]],
    ["/papers/2501.12948", ["papers", "paper:2501.12948", "lists"]],
    ["/papers/hep-th/9901001", ["papers", "paper:hep-th/9901001", "lists"]],
    ["/api/daily_papers?date=2025-01-22", ["papers", "lists"]],
    ["/api/papers/2501.12948", ["papers", "paper:2501.12948", "lists"]],
    ["/api/papers/2501.12948/comments", ["papers", "paper:2501.12948", "lists"]],
    ["/feeds/daily.xml", ["papers", "lists"]],
  ])("a signed-out GET of %s, under its tags", (url, tags) => {
    expect(planFor("GET", url, anonymous)).toEqual({ key: `http://papers.example${url}`, tags });
    expect(planFor("HEAD", url, anonymous)?.tags).toEqual(tags);
  });

  it.each([
    "/papers/search?q=transformers",
    "/api/papers/search?q=x",
    "/papers/new",
    "/papers/2501.12948v2",
    "/papers/not-an-id",
    "/signin",
    "/settings",
    "/admin",
    "/submit",
    "/users/alice",
    "/api/auth/session",
    "/papers/2501.12948/../../admin",
  ])("not %s", (url) => {
    expect(planFor("GET", url, anonymous)).toBeNull();
  });

  it("for members as for strangers: the same page, under the same key", () => {
    const plan = planFor("GET", "/", anonymous);
    expect(planFor("GET", "/", { ...anonymous, cookie: "theme=dark; authjs.session-token=abc" })).toEqual(plan);
    expect(planFor("GET", "/", { ...anonymous, cookie: "__Secure-authjs.session-token=abc" })).toEqual(plan);
    expect(hasSessionCookie({ cookie: "theme=dark; authjs.session-token=abc" })).toBe(true);
    expect(hasSessionCookie({ cookie: "__Secure-authjs.session-token=abc" })).toBe(true);
    expect(hasSessionCookie({ cookie: "authjs.callback-url=x; my-authjs.session-token=abc" })).toBe(false);
    expect(hasSessionCookie({})).toBe(false);
  });

  it("not for a bearer, the router, a write or an agent asking for Markdown", () => {
    expect(planFor("GET", "/", { ...anonymous, authorization: "Bearer x" })).toBeNull();
    expect(planFor("GET", "/papers/2501.12948", { ...anonymous, accept: "text/markdown, */*" })).toBeNull();
    expect(planFor("GET", "/papers/2501.12948", { ...anonymous, accept: "text/html" })).not.toBeNull();
    expect(planFor("GET", "/", { ...anonymous, rsc: "1" })).toBeNull();
    expect(planFor("GET", "/", { ...anonymous, "next-router-prefetch": "1" })).toBeNull();
    expect(planFor("GET", "/?_rsc=abc", anonymous)).toBeNull();
    expect(planFor("POST", "/", anonymous)).toBeNull();
    // A cookie that is not a session's changes nothing.
    expect(planFor("GET", "/", { ...anonymous, cookie: "authjs.callback-url=x" })).not.toBeNull();
  });

  it("keeps hosts and schemes apart, so one host's links are never served to another", () => {
    const a = planFor("GET", "/", { host: "a.example" })!;
    const b = planFor("GET", "/", { host: "b.example" })!;
    const https = planFor("GET", "/", { host: "a.example", "x-forwarded-proto": "https" })!;
    expect(new Set([a.key, b.key, https.key]).size).toBe(3);
  });
});

describe("the page cache's decision", () => {
  const headers = { host: "papers.example" };
  const pages = () => new PageStore({ maxBytes: 1_000_000, staleAfterMs: 10_000, maxAgeMs: 300_000 });
  const json = (status: number, extra: Record<string, string> = {}) => ({
    status,
    headers: { "content-type": "application/json", ...extra },
    body: Buffer.from("[]"),
  });

  it("passes through what is not for the cache, renders a miss, serves a hit, then a stale page", () => {
    const store = pages();
    expect(decide("POST", "/", headers, store)).toEqual({ kind: "pass" });
    const miss = decide("GET", "/", headers, store);
    expect(miss).toMatchObject({ kind: "render", plan: { key: "http://papers.example/" } });
    if (miss.kind !== "render") return;
    store.store(miss.plan.key, miss.plan.tags, store.mark(), storedAnswer(200, {}, Buffer.from("day")));
    expect(decide("GET", "/", headers, store)).toMatchObject({ kind: "serve", label: "hit" });
    store.invalidate(["lists"], "stale");
    expect(decide("GET", "/", headers, store)).toMatchObject({ kind: "serve", label: "stale" });
  });

  it("stores a 200 for everyone, drops the copy on a 404 or a redirect, keeps it on a 500 or failed queries", () => {
    expect(afterRender(json(200), false)).toMatchObject({ kind: "store" });
    expect(afterRender(json(200, { "set-cookie": "a=b" }), false)).toEqual({ kind: "drop" });
    expect(afterRender(json(404), false)).toEqual({ kind: "drop" });
    expect(afterRender(json(307), false)).toEqual({ kind: "drop" });
    expect(afterRender(json(500), false)).toEqual({ kind: "keep" });
    expect(afterRender(json(200), true)).toEqual({ kind: "keep" });
    const failedSection = { ...json(200), headers: { "content-type": "text/html" } };
    failedSection.body = Buffer.from('<template data-dgst="123"></template>');
    expect(afterRender(failedSection, false)).toEqual({ kind: "keep" });
  });
});

describe("a stored page's policy", () => {
  const nonce = "bm9uY2UtMTIz";
  const policy = `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'`;
  const page = [
    `<html><head><script nonce="${nonce}">document.documentElement.dataset.theme = "dark"</script>`,
    `<script src="/_next/static/chunks/main.js" nonce="${nonce}" async></script></head><body>`,
    `<h1>A title <script>alert("injected")</script></h1>`,
    `<script nonce="guessed">alert("wrong nonce")</script>`,
    `<script nonce="${nonce}">self.__next_f.push([1,"a\\u003c/script>b"])</script>`,
    `</body></html>`,
  ].join("");

  it("allows exactly the inline scripts the render gave its nonce, by hash", () => {
    expect(noncedScriptHashes(page, nonce)).toEqual([
      sha(`document.documentElement.dataset.theme = "dark"`),
      sha(`self.__next_f.push([1,"a\\u003c/script>b"])`),
    ]);
  });

  it("trades the nonce and strict-dynamic for 'self' and those hashes, leaving the other directives", () => {
    const stored = policyForStoredPage(page, policy)!;
    expect(stored).not.toContain(nonce);
    expect(stored).not.toContain("strict-dynamic");
    expect(stored).not.toContain(sha(`alert("injected")`));
    expect(stored).not.toContain(sha(`alert("wrong nonce")`));
    expect(stored).toBe(
      `default-src 'self'; script-src 'self' ${sha(`document.documentElement.dataset.theme = "dark"`)} ${sha(
        `self.__next_f.push([1,"a\\u003c/script>b"])`,
      )}; object-src 'none'`,
    );
  });

  it("gives no policy (the page is not stored) when the render had no nonce", () => {
    expect(policyForStoredPage(page, "default-src 'self'; script-src 'self'")).toBeNull();
  });
});

describe("the page store", () => {
  const answer = (text: string) => storedAnswer(200, { "content-type": "text/html" }, Buffer.from(text));
  const store = () => new PageStore({ maxBytes: 1_000_000, staleAfterMs: 10_000, maxAgeMs: 300_000 });

  it("serves a page fresh, then stale after its time, and forgets an expired one", () => {
    const pages = store();
    pages.store("/", ["papers", "lists"], pages.mark(), answer("day"), 0);
    expect(pages.get("/", 5_000)?.freshness).toBe("fresh");
    expect(pages.get("/", 10_000)?.freshness).toBe("stale");
    pages.invalidate(["lists"], "expire");
    expect(pages.get("/", 10_001)).toBeNull();
  });

  it("marks stale by tag without touching pages under other tags", () => {
    const pages = store();
    pages.store("/papers/1", ["papers", "paper:1"], pages.mark(), answer("one"), 0);
    pages.store("/papers/2", ["papers", "paper:2"], pages.mark(), answer("two"), 0);
    pages.invalidate(["paper:1"], "stale");
    expect(pages.get("/papers/1", 1)?.freshness).toBe("stale");
    expect(pages.get("/papers/2", 1)?.freshness).toBe("fresh");
    pages.invalidate(["papers"], "expire");
    expect(pages.get("/papers/2", 1)).toBeNull();
  });

  it("drops a render an expiry overtook, and stores stale one a vote overtook", () => {
    const pages = store();
    const before = pages.mark();
    pages.invalidate(["paper:1"], "expire");
    pages.store("/papers/1", ["papers", "paper:1"], before, answer("hidden paper"), 0);
    expect(pages.get("/papers/1", 1)).toBeNull();

    const again = pages.mark();
    pages.invalidate(["paper:1"], "stale");
    pages.store("/papers/1", ["papers", "paper:1"], again, answer("old count"), 0);
    expect(pages.get("/papers/1", 1)?.freshness).toBe("stale");
  });

  it("never serves a copy older than its most age, however its refills failed", () => {
    const pages = store();
    pages.store("/", ["papers", "lists"], pages.mark(), answer("day"), 0);
    expect(pages.get("/", 299_999)?.freshness).toBe("stale");
    expect(pages.get("/", 300_000)).toBeNull();
  });

  it("forgets a page whose refill answered something else (a 404 for a paper hidden since)", () => {
    const pages = store();
    pages.store("/papers/1", ["papers", "paper:1"], pages.mark(), answer("one"), 0);
    pages.invalidate(["paper:1"], "stale");
    pages.drop("/papers/1");
    expect(pages.get("/papers/1", 1)).toBeNull();
    expect(pages.size).toEqual({ entries: 0, bytes: 0 });
  });

  it("keeps within its bytes, least recently read out first", () => {
    const body = "x".repeat(3_000);
    const pages = new PageStore({ maxBytes: 40_000, staleAfterMs: 10_000, maxAgeMs: 300_000 });
    const size = answer(body).body.length + answer(body).gzipped.length;
    const fits = Math.floor(40_000 / size);
    for (let i = 0; i < fits; i++) pages.store(`/${i}`, ["papers"], pages.mark(), answer(body), 0);
    expect(pages.get("/0", 1)).not.toBeNull();
    pages.store("/new", ["papers"], pages.mark(), answer(body), 0);
    expect(pages.get("/1", 1)).toBeNull();
    expect(pages.get("/0", 1)).not.toBeNull();
    expect(pages.size.bytes).toBeLessThanOrEqual(40_000);
  });

  it("does not store an answer bigger than an eighth of its room", () => {
    const pages = new PageStore({ maxBytes: 8_000, staleAfterMs: 10_000, maxAgeMs: 300_000 });
    pages.store("/big", ["papers"], pages.mark(), answer("y".repeat(2_000)), 0);
    expect(pages.get("/big", 1)).toBeNull();
  });
});

describe("a stored page's member form", () => {
  const page = '<!DOCTYPE html><html lang="en" data-viewer="guest"><body><p>data-viewer="guest"</p></body></html>';

  it("flips the root's mark only, and keeps its own body, gzip and ETag", () => {
    const answer = storedAnswer(200, { "content-type": "text/html" }, Buffer.from(page));
    const member = answer.member!;
    expect(member.body.toString()).toBe(page.replace('data-viewer="guest"', 'data-viewer="member"'));
    expect(member.body.toString()).toContain('<p>data-viewer="guest"</p>');
    expect(member.etag).not.toBe(answer.etag);
    expect(gunzipSync(member.gzipped).equals(member.body)).toBe(true);
  });

  it("is not made for answers without the mark, nor for a mark past the root", () => {
    expect(storedAnswer(200, { "content-type": "application/json" }, Buffer.from("[]")).member).toBeNull();
    expect(markedForMember(Buffer.from(`${" ".repeat(300)}data-viewer="guest"`))).toBeNull();
  });

  it("is counted in the store's bytes", () => {
    const store = new PageStore({ maxBytes: 1e6, staleAfterMs: 1e3, maxAgeMs: 1e4 });
    const answer = storedAnswer(200, { "content-type": "text/html" }, Buffer.from(page));
    store.store("k", [], store.mark(), answer);
    const member = answer.member!;
    expect(store.size.bytes).toBe(
      answer.body.length + answer.gzipped.length + member.body.length + member.gzipped.length,
    );
  });
});

describe("the front server's X-Forwarded-For", () => {
  it("appends the address that connected, after whatever the client or the proxies in front wrote", () => {
    expect(withForwardedFor(undefined, "198.51.100.9")).toBe("198.51.100.9");
    expect(withForwardedFor("203.0.113.7", "198.51.100.9")).toBe("203.0.113.7, 198.51.100.9");
    expect(withForwardedFor(["203.0.113.7", "192.0.2.44"], "10.0.0.2")).toBe("203.0.113.7, 192.0.2.44, 10.0.0.2");
    expect(withForwardedFor("  ", "::1")).toBe("::1");
    expect(withForwardedFor(undefined, undefined)).toBe("unknown");
  });
});

describe("the tag relay to Next.js", () => {
  const until = async (check: () => boolean, limitMs = 5_000) => {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`);
      await sleep(5);
    }
  };

  it("keeps a batch its peer could not take and sends it again, waiting longer after each failure", async () => {
    const attempts: number[] = [];
    const delivered: string[][] = [];
    const failed: string[][] = [];
    let refusals = 3;
    const relay = new TagRelay(
      async (tags) => {
        attempts.push(Date.now());
        if (refusals-- > 0) throw new Error("connect ECONNREFUSED");
        delivered.push(tags);
      },
      { delayMs: 0, retryMs: 40, maxRetryMs: 1_000, onFailure: (tags) => failed.push(tags) },
    );
    relay.add(["paper:2501.12948", "lists"]);
    await until(() => delivered.length === 1);
    expect(delivered[0]!.sort()).toEqual(["lists", "paper:2501.12948"]);
    expect(failed).toHaveLength(3);
    expect(relay.waiting).toBe(0);
    const waits = attempts.slice(1).map((at, i) => at - attempts[i]!);
    // 40, 80, 160 ms: a peer that is briefly away is not hammered, and is reached soon after it is back.
    expect(waits[0]).toBeGreaterThanOrEqual(35);
    expect(waits[1]).toBeGreaterThanOrEqual(75);
    expect(waits[2]).toBeGreaterThanOrEqual(155);
    await relay.close();
  });

  it("sends the tags that arrived while a batch was failing along with it, and goes back to batching after", async () => {
    const delivered: string[][] = [];
    let refuse = true;
    const relay = new TagRelay(
      async (tags) => {
        if (refuse) throw new Error("503");
        delivered.push(tags);
      },
      { delayMs: 0, retryMs: 30 },
    );
    relay.add(["paper:a"]);
    await until(() => relay.waiting === 1 && !delivered.length);
    relay.add(["paper:b"]);
    refuse = false;
    await until(() => delivered.length > 0);
    expect(delivered.flat().sort()).toEqual(["paper:a", "paper:b"]);
    relay.add(["paper:c"]);
    await relay.flush();
    expect(delivered.at(-1)).toEqual(["paper:c"]);
    await relay.close();
  });

  it("stops retrying once closed", async () => {
    let calls = 0;
    const relay = new TagRelay(
      async () => {
        calls += 1;
        throw new Error("gone");
      },
      { delayMs: 0, retryMs: 10 },
    );
    relay.add(["lists"]);
    await relay.close();
    const after = calls;
    await sleep(100);
    expect(calls).toBe(after);
  });
});

describe("reads for Next.js's data cache", () => {
  /** A read of paper `id` that the test lets finish when it likes, counting how often it ran. */
  function controlledRead() {
    const runs: ((value: string) => void)[] = [];
    const read = () => new Promise<string>((resolve) => runs.push(resolve));
    return { runs, read };
  }
  const tick = () => sleep(0);

  it("reads again when a removal of one of its tags came while it ran, so the older answer is never stored", async () => {
    const { runs, read } = controlledRead();
    const result = readPastRemovals(["paper:2501.00001", "lists"], read);
    await tick();
    recordRemoval(["paper:2501.00001"]); // the paper is hidden while its row is on the way
    runs[0]!("visible");
    await tick();
    expect(runs).toHaveLength(2);
    runs[1]!("hidden");
    await expect(result).resolves.toBe("hidden");
  });

  it("keeps the first answer when no removal of its tags overtook it (one before it began, or of other tags)", async () => {
    recordRemoval(["paper:2501.00002"]);
    const { runs, read } = controlledRead();
    const result = readPastRemovals(["paper:2501.00002"], read);
    await tick();
    recordRemoval(["paper:2501.00003"]);
    runs[0]!("first");
    await expect(result).resolves.toBe("first");
    expect(runs).toHaveLength(1);
  });

  it("gives up after three reads overtaken in a row, with the newest", async () => {
    const { runs, read } = controlledRead();
    const result = readPastRemovals(["lists"], read);
    for (let i = 0; i < 3; i++) {
      await tick();
      recordRemoval(["lists"]);
      runs[i]!(`read ${i + 1}`);
    }
    await expect(result).resolves.toBe("read 3");
    expect(runs).toHaveLength(3);
  });
});
