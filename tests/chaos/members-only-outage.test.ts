/**
 * A members-only site while its database is away (issue 24, item 1): the gate before the page cache never
 * lets a stranger in on a guess — every answer to them is the sign-in redirect, a 401 or a 503, never a page —
 * while a member it confirmed a moment ago keeps being served the stored pages, as on a public site.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSecondServer, type SecondServer } from "@/tests/chaos/support/second-server";
import {
  createReaders,
  deleteReaders,
  fault,
  query,
  report,
  waitForRecovery,
  type Reader,
} from "@/tests/chaos/support/world";

let lab: SecondServer;
let readers: Reader[] = [];
let paper: { id: string; title: string };

beforeAll(async () => {
  lab = await startSecondServer({ throughFaults: true, env: { SITE_ACCESS: "members" }, name: "members-only-server" });
  readers = await createReaders(2);
  const [row] = await query<{ id: string; title: string }>(
    `select id, title from "Paper" where "hiddenAt" is null and "withdrawnAt" is null order by "upvoteCount" desc limit 1`,
  );
  paper = row!;
});

afterAll(async () => {
  await fault("restore");
  await waitForRecovery();
  await deleteReaders(readers);
  await lab?.stop();
});

const get = (path: string, cookie?: string) =>
  fetch(`${lab.url}${path}`, {
    redirect: "manual",
    headers: { accept: "text/html", ...(cookie ? { cookie } : {}) },
    signal: AbortSignal.timeout(20_000),
  }).then(async (response) => ({ status: response.status, body: await response.text() }));

describe("a members-only site with its database away", () => {
  it("refuses strangers without a guess and keeps serving the member it knows", async () => {
    const [known, unknown] = readers as [Reader, Reader];
    // The member is confirmed and the paper's page stored while the database answers.
    for (let i = 0; i < 2; i++) expect((await get(`/papers/${paper.id}`, known.cookie)).status).toBe(200);

    const answers: Record<string, number[]> = { stranger: [], known: [], unknown: [] };
    await fault("refuse");
    try {
      // Past the 10 s the member's check is remembered fresh: then only the outage grace lets them in.
      for (let round = 0; round < 5; round++) {
        const stranger = await get(`/papers/${paper.id}`);
        expect([303, 401, 503]).toContain(stranger.status);
        expect(stranger.body).not.toContain(paper.title);
        answers.stranger!.push(stranger.status);
        const api = await get(`/api/papers/${paper.id}`);
        expect([401, 503]).toContain(api.status);
        expect(api.body).not.toContain(paper.title);

        // Never asked about before the outage: not let in on a guess.
        const stranded = await get(`/papers/${paper.id}`, unknown.cookie);
        expect(stranded.status).toBe(503);
        expect(stranded.body).not.toContain(paper.title);
        answers.unknown!.push(stranded.status);

        const member = await get(`/papers/${paper.id}`, known.cookie);
        expect(member.status).toBe(200);
        expect(member.body).toContain(paper.title);
        answers.known!.push(member.status);
        await sleep(3_000);
      }
    } finally {
      await fault("restore");
    }
    // Back: the other member is let in again.
    let after = 0;
    for (let i = 0; i < 40 && after !== 200; i++) {
      after = (await get(`/papers/${paper.id}`, unknown.cookie)).status;
      if (after !== 200) await sleep(250);
    }
    expect(after).toBe(200);
    report("members-only outage", answers);
  });
});
