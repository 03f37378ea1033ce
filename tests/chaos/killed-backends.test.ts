/**
 * The app's database connections killed again and again while signed-in readers vote: no acknowledged
 * vote is lost, `Paper.upvoteCount` stays equal to the rows, a reader is told "briefly unavailable" (never
 * "sign in", never "something went wrong"), and the server logs no unhandled rejection (issue 10,
 * "Faults" 1, 2 and 5).
 * The backends are killed with `pg_terminate_backend`, on a server and on the embedded PostgreSQL alike.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  castVote,
  createReaders,
  deleteReaders,
  fault,
  waitForRecovery,
  query,
  votablePaperIds,
  report,
  serverLogSince,
  serverLogSize,
  type Reader,
} from "@/tests/chaos/support/world";

const VOTE_LOAD_MS = 8000;
const KILL_EVERY_MS = 700;

interface Vote {
  reader: string;
  paper: string;
  target: boolean;
  startedAt: number;
  ms: number;
  status: number;
  /** The action's answer: ok with the state it acknowledged, or its code. */
  ok: boolean;
  upvoted?: boolean;
  code?: string;
}

let readers: Reader[] = [];
let papers: string[] = [];

beforeAll(async () => {
  readers = await createReaders(12);
  papers = await votablePaperIds("id", 8);
});

afterAll(async () => {
  await fault("restore");
  await waitForRecovery();
  await deleteReaders(readers);
});

/** Each reader votes in turn, one request at a time, toggling what the server last acknowledged. */
async function voteLoad(done: () => boolean): Promise<Vote[]> {
  const votes: Vote[] = [];
  const t0 = Date.now();
  await Promise.all(
    readers.map(async (reader, r) => {
      const state = new Map<string, boolean>();
      for (let i = r; !done(); i++) {
        const paper = papers[i % papers.length]!;
        const target = !(state.get(paper) ?? false);
        const began = Date.now();
        const vote: Vote = { reader: reader.id, paper, target, startedAt: began - t0, ms: 0, status: 0, ok: false };
        try {
          const { response, result } = await castVote(paper, target, reader.cookie);
          vote.status = response.status;
          if (result?.ok === true) {
            vote.ok = true;
            vote.upvoted = result.upvoted as boolean;
            state.set(paper, vote.upvoted);
          } else if (result) {
            vote.code = String(result.code);
          }
        } catch (error) {
          vote.code = `no answer: ${String(error)}`;
        }
        vote.ms = Date.now() - began;
        votes.push(vote);
      }
    }),
  );
  return votes;
}

async function killAppConnections(): Promise<number> {
  const rows = await query<{ killed: boolean }>(
    `select pg_terminate_backend(pid) as killed from pg_stat_activity
     where application_name = 'daily-papers-web' and datname = current_database()`,
  );
  return rows.filter((r) => r.killed).length;
}

async function voteThroughKills(name: string) {
  const logOffset = serverLogSize();
  let stop = false;
  let kills = 0;
  let killed = 0;
  const load = voteLoad(() => stop);
  const until = Date.now() + VOTE_LOAD_MS;
  while (Date.now() < until) {
    await sleep(KILL_EVERY_MS);
    killed += await killAppConnections();
    kills++;
  }
  // Let the last kill's outage clear, then a calm second so that the final votes land.
  await sleep(1500);
  stop = true;
  const votes = await load;

  // The last request on each (reader, paper) decides what the database must hold, if it was acknowledged.
  const last = new Map<string, Vote>();
  for (const vote of votes) last.set(`${vote.reader} ${vote.paper}`, vote);
  const rows = await query<{ userId: string; paperId: string }>(
    `select "userId", "paperId" from "Upvote" where "userId" = any($1)`,
    [readers.map((r) => r.id)],
  );
  const held = new Set(rows.map((r) => `${r.userId} ${r.paperId}`));
  const lost = [...last.entries()].filter(([key, vote]) => vote.ok && held.has(key) !== vote.upvoted);
  const ambiguous = [...last.values()].filter((v) => !v.ok).length;
  const [drift] = await query<{ n: number }>(
    `select count(*)::int as n from "Paper" p
     where p."upvoteCount" <> (select count(*) from "Upvote" u where u."paperId" = p.id)`,
  );
  const codes: Record<string, number> = {};
  for (const v of votes)
    if (!v.ok) codes[v.code ?? `status ${v.status}`] = (codes[v.code ?? `status ${v.status}`] ?? 0) + 1;

  report(name, {
    votes: votes.length,
    acknowledged: votes.filter((v) => v.ok).length,
    refused: codes,
    kills,
    connectionsKilled: killed,
    maxLatencyMs: Math.max(...votes.map((v) => v.ms)),
    lostAcknowledgedVotes: lost.length,
    unacknowledgedLastVotes: ambiguous,
    countDrift: drift!.n,
  });

  expect(killed).toBeGreaterThan(0);
  expect(votes.filter((v) => v.ok).length).toBeGreaterThan(votes.length / 4);
  expect(lost).toEqual([]);
  expect(drift!.n).toBe(0);
  expect(votes.filter((v) => v.ms >= 5000).map((v) => v.ms)).toEqual([]);
  // A refused vote says "briefly unavailable": never "sign in" (a blip during the session lookup), never
  // INTERNAL, never an error page instead of an answer.
  const wrong = votes.filter((v) => !v.ok && v.code !== "UNAVAILABLE");
  expect(wrong.map((v) => `${v.status} ${v.code}`)).toEqual([]);
  expect(serverLogSince(logOffset)).not.toMatch(/unhandledRejection|Unhandled Rejection/i);
}

describe("killed database connections under a voting load", () => {
  it("pg_terminate_backend on the app's connections every 0.7 s: no acknowledged vote lost, counts exact", () =>
    voteThroughKills("backends terminated (pg_terminate_backend)"));
});
