import { setTimeout as sleep } from "node:timers/promises";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { deleteUser } from "@/lib/settings/mutations";
import { getUpvotedPapers } from "@/lib/upvotes/data";
import { voteWithSession } from "@/lib/upvotes/mutations";

const run = randomUUID().slice(0, 8);
const paperId = `2611.${String(Date.now() % 100_000).padStart(5, "0")}`;
const users = Array.from({ length: 50 }, (_, i) => `toggle_${run}_${i}`);
/** Each user's session token (the user's id and a suffix). */
const session = (userId: string) => `${userId}_session`;

/** Votes as `userId`, through their session, and expects the vote to be taken. */
async function setUpvote(userId: string, paper: string, upvoted: boolean) {
  const outcome = await voteWithSession(session(userId), paper, upvoted);
  if (!outcome.signedIn) throw new Error(`${userId}'s session was not found`);
  return { upvoted: outcome.upvoted, count: outcome.count };
}

async function exact() {
  const paper = await prisma.paper.findUniqueOrThrow({ where: { id: paperId }, select: { upvoteCount: true } });
  return { shown: paper.upvoteCount, rows: await prisma.upvote.count({ where: { paperId } }) };
}

describe("voteWithSession", () => {
  beforeAll(async () => {
    await prisma.paper.create({
      data: { id: paperId, title: "Toggles", abstract: "x", authors: ["T"], publishedAt: new Date() },
    });
    await prisma.user.createMany({ data: users.map((id) => ({ id })) });
    const expires = new Date(Date.now() + 3_600_000);
    await prisma.session.createMany({
      data: users.map((userId) => ({ userId, sessionToken: session(userId), expires })),
    });
  });
  afterAll(async () => {
    await prisma.paper.deleteMany({ where: { id: paperId } });
    await prisma.user.deleteMany({ where: { id: { in: users } } });
  });

  it("keeps the count exact under many parallel toggles from many users", async () => {
    // Each user sends on, on, off, on at once: any interleaving ends with one or zero rows per user.
    await Promise.all(
      users.flatMap((userId) => [true, true, false, true].map((upvoted) => setUpvote(userId, paperId, upvoted))),
    );
    const { shown, rows } = await exact();
    expect(shown).toBe(rows);
    expect(rows).toBeLessThanOrEqual(users.length);

    // Then everyone settles on "on", twice over: exactly one row each.
    await Promise.all(users.flatMap((userId) => [setUpvote(userId, paperId, true), setUpvote(userId, paperId, true)]));
    expect(await exact()).toEqual({ shown: users.length, rows: users.length });
  });

  it("is idempotent and answers the count after the change", async () => {
    const userId = users[0]!;
    const off = await setUpvote(userId, paperId, false);
    expect(await setUpvote(userId, paperId, false)).toEqual(off);
    const on = await setUpvote(userId, paperId, true);
    expect(on.count).toBe(off.count + 1);
  });

  it("refuses an unknown paper with a clear error, for a vote and for taking one back", async () => {
    await expect(setUpvote(users[0]!, "2501.99999", true)).rejects.toThrow("This paper does not exist.");
    await expect(setUpvote(users[0]!, "2501.99999", false)).rejects.toThrow("This paper does not exist.");
  });

  it("refuses a vote on a hidden paper, and taking one back, without moving its count", async () => {
    const voter = users[4]!;
    await setUpvote(voter, paperId, true);
    const before = await exact();
    await prisma.paper.update({ where: { id: paperId }, data: { hiddenAt: new Date() } });
    try {
      await expect(setUpvote(users[5]!, paperId, true)).rejects.toThrow("This paper does not exist.");
      await expect(setUpvote(voter, paperId, false)).rejects.toThrow("This paper does not exist.");
      expect(await exact()).toEqual(before);
    } finally {
      await prisma.paper.update({ where: { id: paperId }, data: { hiddenAt: null } });
    }
  });

  it("refuses a vote on a withdrawn paper, and taking one back, saying why, without moving its count", async () => {
    const voter = users[6]!;
    await setUpvote(voter, paperId, true);
    const before = await exact();
    await prisma.paper.update({ where: { id: paperId }, data: { withdrawnAt: new Date() } });
    try {
      const withdrawn = {
        code: "PAPER_WITHDRAWN",
        message: "This paper was withdrawn by its authors; it takes no more votes.",
      };
      await expect(setUpvote(users[7]!, paperId, true)).rejects.toMatchObject(withdrawn);
      await expect(setUpvote(voter, paperId, false)).rejects.toMatchObject(withdrawn);
      expect(await exact()).toEqual(before);
      // Off the voter's reading list too, like every list.
      expect((await getUpvotedPapers(voter)).map((paper) => paper.id)).not.toContain(paperId);
      // Hidden as well: a hidden paper is not there at all, withdrawn or not.
      await prisma.paper.update({ where: { id: paperId }, data: { hiddenAt: new Date() } });
      await expect(setUpvote(users[7]!, paperId, true)).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await prisma.paper.update({ where: { id: paperId }, data: { withdrawnAt: null, hiddenAt: null } });
    }
    expect((await getUpvotedPapers(voter)).map((paper) => paper.id)).toContain(paperId);
    // Restored, the paper takes votes again.
    expect((await setUpvote(voter, paperId, false)).count).toBe(before.shown - 1);
  });

  it("changes nothing without a live session: unknown, expired, or of a deleted user", async () => {
    const voter = users[2]!;
    await setUpvote(voter, paperId, false);
    const before = await exact();
    expect(await voteWithSession("no-such-session", paperId, true)).toEqual({ signedIn: false });
    await prisma.session.update({
      where: { sessionToken: session(voter) },
      data: { expires: new Date(Date.now() - 1000) },
    });
    expect(await voteWithSession(session(voter), paperId, true)).toEqual({ signedIn: false });
    expect(await exact()).toEqual(before);
    await prisma.session.update({
      where: { sessionToken: session(voter) },
      data: { expires: new Date(Date.now() + 3_600_000) },
    });
    expect((await setUpvote(voter, paperId, true)).count).toBe(before.shown + 1);
  });

  it("answers signed out, not a failure, when the account is deleted while its vote runs", async () => {
    const leaving = users[3]!;
    await setUpvote(leaving, paperId, false);
    const before = await exact();
    // The deletion holds the user's row until it commits; the vote's insert waits on it (its foreign key
    // check), then finds the user gone.
    const deleter = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await deleter.connect();
    try {
      await deleter.query("BEGIN");
      await deleter.query(`DELETE FROM "User" WHERE id = $1`, [leaving]);
      const vote = voteWithSession(session(leaving), paperId, true);
      await sleep(200);
      await deleter.query("COMMIT");
      expect(await vote).toEqual({ signedIn: false });
    } finally {
      await deleter.end();
    }
    expect(await exact()).toEqual(before);
  });

  it("keeps counts exact when a voter deletes their account", async () => {
    const leaving = users[1]!;
    const before = (await exact()).shown;
    expect(await deleteUser(leaving)).toContain(paperId);
    expect(await exact()).toEqual({ shown: before - 1, rows: before - 1 });
  });
});
