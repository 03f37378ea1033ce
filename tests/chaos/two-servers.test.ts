/**
 * Two app servers on one database (issue 20, items 6 and 10): a paper hidden through server A must be gone
 * from server B within the stated bound and never come back; a vote through A must reach B's API within
 * it; and a vote's cache refresh must never bring a hidden paper back.
 */
import { setTimeout as sleep } from "node:timers/promises";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANGE_BOUND_MS } from "@/lib/page-cache/change-feed";
import { revalidationToken } from "@/lib/page-cache/revalidate";
import { startSecondServer, type SecondServer } from "@/tests/chaos/support/second-server";
import { castVote, createReaders, deleteReaders, query, report, world, type Reader } from "@/tests/chaos/support/world";

let b: SecondServer;
let readers: Reader[] = [];
let listed: string[] = [];

const status = (url: string) => fetch(url, { redirect: "manual" }).then(async (r) => (await r.text(), r.status));

/** What the admin's hide does, through server A: the row, then the caches (as lib/admin/actions.ts). */
async function hideThroughA(id: string, hidden: boolean): Promise<void> {
  await query(`update "Paper" set "hiddenAt" = ${hidden ? "now()" : "null"} where id = $1`, [id]);
  const response = await fetch(`${world.baseUrl}/api/revalidate`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${revalidationToken(process.env.CHAOS_AUTH_SECRET)}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ tags: [`paper:${id}`, "lists"] }),
  });
  expect(response.status).toBe(204);
}

/** Next.js's data cache entries on disk in the build folder both servers run, by path, that mention `text`. */
function dataCacheFilesWith(text: string): Map<string, Buffer> {
  const dir = path.join(world.distDir, "cache", "fetch-cache");
  const found = new Map<string, Buffer>();
  if (!fs.existsSync(dir)) return found;
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile()) continue;
    const content = fs.readFileSync(file);
    if (content.includes(text)) found.set(file, content);
  }
  return found;
}

/** Milliseconds until `check` holds, polling every 50 ms, or null past `limitMs`. */
async function timeUntil(check: () => Promise<boolean>, limitMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check()) return Date.now() - started;
    await sleep(50);
  }
  return null;
}

beforeAll(async () => {
  b = await startSecondServer();
  readers = await createReaders(1);
  const rows = await query<{ id: string }>(
    `select p.id from "Paper" p join "DailyPaper" d on d."paperId" = p.id where p."hiddenAt" is null order by d.day desc, p.id limit 4`,
  );
  listed = rows.map((row) => row.id);
  expect(listed.length).toBe(4);
}, 120_000);

afterAll(async () => {
  for (const id of listed) await hideThroughA(id, false).catch(() => {});
  await deleteReaders(readers);
  await b?.stop();
});

describe("two app servers on one database", () => {
  it("a paper hidden through A is gone from B within the bound, and stays gone", async () => {
    const id = listed[0]!;
    const urls = [`${b.url}/papers/${id}`, `${b.url}/api/papers/${id}`];
    // B has the paper cached: its page store and its data cache.
    for (let i = 0; i < 2; i++) for (const url of urls) expect(await status(url)).toBe(200);

    await hideThroughA(id, true);
    const gone = await timeUntil(async () => (await Promise.all(urls.map(status))).every((s) => s === 404), 30_000);
    report("hide reaches server B", { ms: gone, boundMs: CHANGE_BOUND_MS });
    expect(gone).not.toBeNull();
    expect(gone!).toBeLessThanOrEqual(CHANGE_BOUND_MS);
    const home = await fetch(`${b.url}/`).then((r) => r.text());
    expect(home).not.toContain(`/papers/${id}"`);

    // Past the page cache's stale time: no refresh or stale copy brings it back.
    const seen: number[] = [];
    for (let i = 0; i < 24; i++) {
      seen.push(...(await Promise.all(urls.map(status))));
      await sleep(500);
    }
    expect(seen.filter((s) => s !== 404)).toEqual([]);
  });

  it("B never takes a paper from data A cached before it was hidden", async () => {
    // A render on A that began before the hide may store what it read after it: the store must be A's
    // own. Next.js kept its data cache in the build folder, which every server of the build shares, and B
    // read from it what it had not cached itself, after it had heard of the hide.
    const id = listed[3]!;
    const onA = [`${world.baseUrl}/papers/${id}`, `${world.baseUrl}/api/papers/${id}`];
    for (const url of onA) expect(await status(url)).toBe(200);
    const beforeHide = dataCacheFilesWith(id);
    await hideThroughA(id, true);
    expect(
      await timeUntil(async () => (await Promise.all(onA.map(status))).every((s) => s === 404), 5_000),
    ).not.toBeNull();
    // B has heard of the hide by now (the bound); then what A's late render would leave behind: its
    // copies from before the hide, written after B's expiry.
    await sleep(CHANGE_BOUND_MS);
    for (const [file, content] of beforeHide) fs.writeFileSync(file, content);

    const onB = [`${b.url}/papers/${id}`, `${b.url}/api/papers/${id}`];
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      for (const url of onB) seen.push(`${await status(url)} ${url}`);
      await sleep(100);
    }
    report("stale reads on B from A's data cache", {
      filesOnDisk: beforeHide.size,
      stale: seen.filter((line) => !line.startsWith("404 ")).length,
      of: seen.length,
    });
    expect(seen.filter((line) => !line.startsWith("404 "))).toEqual([]);
  });

  it("a vote through A reaches B's API within the bound", async () => {
    const id = listed[1]!;
    const url = `${b.url}/api/papers/${id}`;
    const count = async () => ((await fetch(url).then((r) => r.json())) as { upvotes: number }).upvotes;
    await count();
    await count();
    const { result } = await castVote(id, true, readers[0]!.cookie);
    expect(result?.ok).toBe(true);
    const expected = result!.count as number;
    const reached = await timeUntil(async () => (await count()) === expected, 30_000);
    report("vote reaches server B's API", { ms: reached, boundMs: CHANGE_BOUND_MS });
    expect(reached).not.toBeNull();
    expect(reached!).toBeLessThanOrEqual(CHANGE_BOUND_MS);
  });

  it("a hidden paper takes no vote, and a vote's late cache refresh does not bring it back", async () => {
    const id = listed[2]!;
    const urls = [`${world.baseUrl}/papers/${id}`, `${world.baseUrl}/api/papers/${id}`];
    for (let i = 0; i < 2; i++) for (const url of urls) expect(await status(url)).toBe(200);
    await hideThroughA(id, true);

    const vote = await castVote(id, true, readers[0]!.cookie);
    expect(vote.response.status).toBe(404);
    // What the front server relays for a vote counted just before the hide: the paper's tag, "stale".
    const relay = await fetch(`${world.baseUrl}/api/revalidate`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${revalidationToken(process.env.CHAOS_AUTH_SECRET)}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ tags: [`paper:${id}`], mode: "stale", scope: "here" }),
    });
    expect(relay.status).toBe(204);
    const everywhere = [...urls, ...urls.map((url) => url.replace(world.baseUrl, b.url))];
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      for (const url of everywhere) seen.push(`${await status(url)} ${url}`);
      await sleep(300);
    }
    expect(seen.filter((line) => !line.startsWith("404 "))).toEqual([]);
  });
});
