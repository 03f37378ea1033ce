import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const run = vi.hoisted(() => {
  const id = Math.random().toString(36).slice(2, 10);
  // Before lib/env is first read: this file's admin is in ADMIN_EMAILS.
  process.env.ADMIN_EMAILS = `admin-${id}@comments.test`;
  return id;
});

import { getApiComments, getDiscussion, getRecentComments } from "@/lib/comments/data";
import { addComment, deleteComment, editComment } from "@/lib/comments/mutations";
import { COMMENT_HTML_VERSION } from "@/lib/comments/render";
import { editCommentSchema, postCommentSchema } from "@/lib/comments/schema";
import { consumeAllowance, rateLimit } from "@/lib/rate-limits";
import { prisma } from "@/lib/db/client";
import { dayToDate } from "@/lib/dates/days";

const admin = { id: `cm_${run}_admin`, email: `admin-${run}@comments.test`, emailVerified: new Date() };
const alice = { id: `cm_${run}_alice`, username: `alice-${run}`, name: "Alice Author" };
const bob = { id: `cm_${run}_bob`, username: `bob-${run}`, name: "Bob Reader" };
const users = [admin, alice, bob];
let nextNumber = 10_000 + Math.floor(Math.random() * 80_000);
const papers: string[] = [];

/** A fresh paper by "Alice Author" (and others), submitted by Bob. */
async function newPaper(options: { hidden?: boolean; withdrawn?: boolean } = {}): Promise<string> {
  const id = `2611.${String(nextNumber++ % 100_000).padStart(5, "0")}`;
  papers.push(id);
  await prisma.paper.create({
    data: {
      id,
      title: `Comment paper ${randomUUID().slice(0, 6)}`,
      abstract: "x",
      authors: ["Carol Other", "  ALICE   author "],
      publishedAt: new Date(),
      hiddenAt: options.hidden ? new Date() : null,
      withdrawnAt: options.withdrawn ? new Date() : null,
      daily: { create: { day: dayToDate("2026-11-20"), submittedById: bob.id } },
    },
  });
  return id;
}

async function counts(paperId: string) {
  const paper = await prisma.paper.findUniqueOrThrow({ where: { id: paperId }, select: { commentCount: true } });
  return { counter: paper.commentCount, rows: await prisma.comment.count({ where: { paperId } }) };
}

beforeAll(async () => {
  await prisma.user.createMany({ data: users });
});
afterAll(async () => {
  await prisma.adminAction.deleteMany({ where: { OR: [{ adminId: admin.id }, { targetId: { in: papers } }] } });
  await prisma.paper.deleteMany({ where: { id: { in: papers } } });
  await prisma.user.deleteMany({ where: { id: { in: users.map((u) => u.id) } } });
  await prisma.$disconnect();
});

describe("comment mutations", () => {
  it("posts comments and replies; a reply to a reply attaches to its top-level comment", async () => {
    const paperId = await newPaper();
    const top = await addComment(alice.id, { paperId, body: "First!" });
    expect(top.parentId).toBeNull();
    const reply = await addComment(bob.id, { paperId, body: "A reply", parentId: top.id });
    expect(reply.parentId).toBe(top.id);
    const replyToReply = await addComment(alice.id, { paperId, body: "Reply to the reply", parentId: reply.id });
    expect(replyToReply.parentId).toBe(top.id);
    expect(await counts(paperId)).toEqual({ counter: 3, rows: 3 });
  });

  it("refuses hidden and unknown papers, and parents that are gone or on another paper", async () => {
    const hidden = await newPaper({ hidden: true });
    await expect(addComment(alice.id, { paperId: hidden, body: "x" })).rejects.toMatchObject({
      code: "PAPER_HIDDEN",
      message: "This paper was hidden by an admin; its discussion is closed.",
    });
    await expect(addComment(alice.id, { paperId: "2611.00000", body: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "There is no paper 2611.00000 here.",
    });
    const paperId = await newPaper();
    const other = await newPaper();
    const elsewhere = await addComment(bob.id, { paperId: other, body: "elsewhere" });
    for (const parentId of [elsewhere.id, "nosuchcomment"]) {
      await expect(addComment(alice.id, { paperId, body: "x", parentId })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "The comment you are replying to was deleted.",
      });
    }
    expect(await prisma.comment.count({ where: { paperId: { in: [hidden, paperId] } } })).toBe(0);
  });

  it("keeps the discussion of a withdrawn paper open: its page stays, and why it was withdrawn is worth a word", async () => {
    const paperId = await newPaper({ withdrawn: true });
    const comment = await addComment(bob.id, { paperId, body: "The v3 comment says the proof of Lemma 2 fails." });
    await addComment(alice.id, { paperId, body: "Yes; a corrected version is coming.", parentId: comment.id });
    expect((await editComment(bob.id, { commentId: comment.id, body: "Lemma 2's proof fails." })).edited).toBe(true);
    expect(await counts(paperId)).toEqual({ counter: 2, rows: 2 });
  });

  it("lets authors edit their own comments (marked edited) and refuses everyone else", async () => {
    const paperId = await newPaper();
    const { id } = await addComment(alice.id, { paperId, body: "Typo hre" });
    expect(await editComment(alice.id, { commentId: id, body: "Typo hre" })).toEqual({ paperId, edited: false });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id } })).editedAt).toBeNull();
    expect(await editComment(alice.id, { commentId: id, body: "Typo here" })).toEqual({ paperId, edited: true });
    const row = await prisma.comment.findUniqueOrThrow({ where: { id } });
    expect(row.body).toBe("Typo here");
    expect(row.editedAt).toBeInstanceOf(Date);
    for (const other of [bob.id, admin.id]) {
      await expect(editComment(other, { commentId: id, body: "hijacked" })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "You can only edit your own comments.",
      });
    }
    await expect(editComment(alice.id, { commentId: "nosuchcomment", body: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await prisma.comment.findUniqueOrThrow({ where: { id } })).body).toBe("Typo here");
  });

  it("lets authors delete their own comment, with its replies, and refuses other members", async () => {
    const paperId = await newPaper();
    const top = await addComment(alice.id, { paperId, body: "Question?" });
    await addComment(bob.id, { paperId, body: "Answer 1", parentId: top.id });
    await addComment(bob.id, { paperId, body: "Answer 2", parentId: top.id });
    const lone = await addComment(bob.id, { paperId, body: "Unrelated" });
    await expect(deleteComment(bob.id, top.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You can only delete your own comments.",
    });
    expect(await counts(paperId)).toEqual({ counter: 4, rows: 4 });
    expect(await deleteComment(alice.id, top.id)).toEqual({ paperId, deleted: 3, asAdmin: false });
    expect(await counts(paperId)).toEqual({ counter: 1, rows: 1 });
    await expect(deleteComment(alice.id, top.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "That comment was already deleted.",
    });
    expect(await deleteComment(bob.id, lone.id)).toMatchObject({ deleted: 1, asAdmin: false });
    expect(await prisma.adminAction.count({ where: { targetId: paperId } })).toBe(0);
  });

  it("lets an admin delete anyone's comment, recording it in the audit log", async () => {
    const paperId = await newPaper();
    const top = await addComment(alice.id, { paperId, body: "Spam   spam\nspam" });
    await addComment(bob.id, { paperId, body: "Reply", parentId: top.id });
    const reply = await addComment(bob.id, { paperId, body: "Lone reply", parentId: top.id });
    expect(await deleteComment(admin.id, reply.id)).toEqual({ paperId, deleted: 1, asAdmin: true });
    expect(await deleteComment(admin.id, top.id)).toEqual({ paperId, deleted: 2, asAdmin: true });
    expect(await counts(paperId)).toEqual({ counter: 0, rows: 0 });
    const log = await prisma.adminAction.findMany({
      where: { targetId: paperId },
      orderBy: { createdAt: "asc" },
      select: { adminId: true, action: true, detail: true },
    });
    expect(log).toEqual([
      { adminId: admin.id, action: "delete-comment", detail: `comment ${reply.id} by @${bob.username}: “Lone reply”` },
      {
        adminId: admin.id,
        action: "delete-comment",
        detail: `comment ${top.id} by @${alice.username} and 1 reply: “Spam spam spam”`,
      },
    ]);
  });

  it("deletes a reply to a parent deleted meanwhile as 'already deleted', and refuses new replies to it", async () => {
    const paperId = await newPaper();
    const top = await addComment(alice.id, { paperId, body: "Top" });
    const reply = await addComment(bob.id, { paperId, body: "Reply", parentId: top.id });
    await deleteComment(alice.id, top.id);
    await expect(deleteComment(bob.id, reply.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addComment(bob.id, { paperId, body: "Late", parentId: top.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps Paper.commentCount equal to the rows under concurrent posts, replies and deletions", async () => {
    const paperId = await newPaper();
    const tops = await Promise.all(
      Array.from({ length: 12 }, (_, i) => addComment(i % 2 ? alice.id : bob.id, { paperId, body: `top ${i}` })),
    );
    // At once: replies to every top-level comment (some to replies), while half of the top-level comments
    // are deleted (cascading to whatever replies reached them first) and new top-level comments arrive.
    // Interleaved, so that deletions race the replies to the same comment.
    const outcomes = await Promise.allSettled(
      tops.flatMap((top, i) => [
        addComment(bob.id, { paperId, body: `reply ${i}.0`, parentId: top.id }),
        ...(i % 2 === 0 ? [deleteComment(admin.id, top.id)] : [addComment(alice.id, { paperId, body: `late ${i}` })]),
        addComment(alice.id, { paperId, body: `reply ${i}.1`, parentId: top.id }),
        addComment(bob.id, { paperId, body: `reply ${i}.2`, parentId: top.id }),
      ]),
    );
    // Replies that lost the race to their parent's deletion are refused with a sentence, never a crash.
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "NOT_FOUND" });
    }
    const { counter, rows } = await counts(paperId);
    expect(counter).toBe(rows);
    // The 6 surviving comments, their 18 replies and 6 new comments; the rest went with their parents.
    expect(rows).toBe(6 + 6 * 3 + 6);
    // Then the rest go, concurrently: the counter follows down to zero.
    const remaining = await prisma.comment.findMany({ where: { paperId }, select: { id: true } });
    await Promise.allSettled(remaining.map((comment) => deleteComment(admin.id, comment.id)));
    expect(await counts(paperId)).toEqual({ counter: 0, rows: 0 });
  });

  it("counts 10 comments per member per 10 minutes, then refuses with the wait", async () => {
    const key = `rate-${run}-${randomUUID()}`;
    const COMMENT_RATE_LIMIT = rateLimit("comment");
    for (let i = 0; i < COMMENT_RATE_LIMIT.points; i++) {
      expect(await consumeAllowance(COMMENT_RATE_LIMIT, key)).toEqual({ allowed: true });
    }
    const refused = await consumeAllowance(COMMENT_RATE_LIMIT, key);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(590);
    expect(await consumeAllowance(COMMENT_RATE_LIMIT, `rate-${run}-other`)).toEqual({ allowed: true });
  });
});

describe("comment input", () => {
  const paperId = "2501.12948";
  const message = (input: unknown) => {
    const parsed = postCommentSchema.safeParse(input);
    return parsed.success ? null : parsed.error.issues[0]?.message;
  };

  it("trims the body and normalises line endings", () => {
    expect(postCommentSchema.parse({ paperId, body: "  hi\r\nthere \r " })).toEqual({ paperId, body: "hi\nthere" });
    expect(postCommentSchema.parse({ paperId, body: "x", parentId: "" }).parentId).toBeUndefined();
  });

  it("refuses empty, oversized and control-character bodies with a sentence", () => {
    expect(message({ paperId, body: " \n\t " })).toBe("Write something first: the comment is empty.");
    expect(message({ paperId })).toBe("Write a comment first.");
    expect(message({ paperId, body: "x".repeat(10_001) })).toBe(
      "Comments can be at most 10,000 characters; this one has 10,001.",
    );
    expect(message({ paperId, body: ` ${"x".repeat(10_000)} ` })).toBeNull();
    for (const bad of ["a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "a\u0085b"]) {
      expect(message({ paperId, body: bad })).toBe("Comments cannot contain control characters (such as NUL).");
    }
    expect(message({ paperId, body: "tabs\tand\nnewlines are fine" })).toBeNull();
  });

  it("refuses ids that cannot be papers or comments", () => {
    expect(message({ paperId: "../../etc", body: "x" })).toBe("Not a paper id.");
    expect(message({ paperId, body: "x", parentId: "<script>" })).toBe("That comment does not exist.");
    expect(editCommentSchema.safeParse({ commentId: "A".repeat(41), body: "x" }).success).toBe(false);
  });
});

describe("discussion reads", () => {
  it("nests replies under their comments oldest first, with badges and HTML, the same for every reader", async () => {
    const paperId = await newPaper();
    const first = await addComment(alice.id, { paperId, body: "**Author here**: $x^2$" });
    const second = await addComment(bob.id, { paperId, body: "Submitter's note" });
    const reply = await addComment(bob.id, { paperId, body: "reply <b>1</b>", parentId: first.id });
    const now = new Date(Date.now() + 3 * 3600_000);

    const asBob = await getDiscussion(paperId, now);
    expect(asBob?.count).toBe(3);
    expect(asBob?.comments.map((c) => [c.id, c.replies.map((r) => r.id)])).toEqual([
      [first.id, [reply.id]],
      [second.id, []],
    ]);
    const [one, two] = asBob!.comments;
    expect(one?.author).toEqual({ username: alice.username, name: alice.name, badges: ["Author"] });
    expect(two?.author.badges).toEqual(["Submitter"]);
    expect(one?.html).toMatch(/^<p><strong>Author here<\/strong>: <span class="katex">/);
    expect(one?.replies[0]?.html).toBe("<p>reply &lt;b&gt;1&lt;/b&gt;</p>\n");
    expect(one?.createdAgo).toBe("3 hours ago");
    expect(one?.createdTitle).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);

    const api = await getApiComments(paperId);
    expect(api?.map((c) => [c.id, c.parentId])).toEqual([
      [first.id, null],
      [reply.id, first.id],
      [second.id, null],
    ]);
    expect(api?.[0]).toMatchObject({
      author: { name: alice.username, fullname: alice.name },
      body: "**Author here**: $x^2$",
      editedAt: null,
    });
  });

  it("shows nothing of hidden or unknown papers", async () => {
    const hiddenId = await newPaper();
    await addComment(alice.id, { paperId: hiddenId, body: "soon hidden" });
    await prisma.paper.update({ where: { id: hiddenId }, data: { hiddenAt: new Date() } });
    expect(await getDiscussion(hiddenId)).toBeNull();
    expect(await getApiComments(hiddenId)).toBeNull();
    expect(await getDiscussion("2611.99999")).toBeNull();
    expect((await getRecentComments(alice.id)).map((c) => c.paperId)).not.toContain(hiddenId);
  });

  it("lists a member's recent comments newest first with their papers", async () => {
    const paperId = await newPaper();
    const older = await addComment(bob.id, { paperId, body: "older" });
    const newer = await addComment(bob.id, { paperId, body: "newer", parentId: older.id });
    const recent = await getRecentComments(bob.id, 2);
    expect(recent.map((c) => [c.id, c.isReply, c.paperId])).toEqual([
      [newer.id, true, paperId],
      [older.id, false, paperId],
    ]);
    expect(recent[0]?.paperTitle).toMatch(/^Comment paper /);
  });
});

describe("stored comment HTML", () => {
  const stored = (id: string) =>
    prisma.comment.findUniqueOrThrow({ where: { id }, select: { html: true, htmlVersion: true } });

  it("renders a comment once, when it is written or edited, and serves the stored HTML", async () => {
    const paperId = await newPaper();
    const { id } = await addComment(alice.id, { paperId, body: "Energy: $E = mc^2$" });
    const written = await stored(id);
    expect(written.htmlVersion).toBe(COMMENT_HTML_VERSION);
    expect(written.html).toContain('class="katex"');

    await editComment(alice.id, { commentId: id, body: "**Bold** now" });
    expect((await stored(id)).html).toBe("<p><strong>Bold</strong> now</p>\n");

    // Views read the stored HTML, not the body: a marker written to the column is what they show.
    await prisma.comment.update({ where: { id }, data: { html: "<p>stored</p>" } });
    expect((await getDiscussion(paperId))?.comments[0]?.html).toBe("<p>stored</p>");
    expect((await getRecentComments(alice.id)).find((comment) => comment.id === id)?.html).toBe("<p>stored</p>");
    expect((await getApiComments(paperId))?.[0]?.html).toBe("<p>stored</p>");
  });

  it("renders and stores, on first read, the HTML of comments written without it or by an older renderer", async () => {
    const paperId = await newPaper();
    const before = await prisma.comment.create({
      data: { paperId, userId: bob.id, body: "Old *comment*" },
      select: { id: true },
    });
    const older = await prisma.comment.create({
      data: { paperId, userId: bob.id, body: "Older $x$", html: "<p>stale</p>", htmlVersion: COMMENT_HTML_VERSION - 1 },
      select: { id: true },
    });
    const discussion = await getDiscussion(paperId);
    expect(discussion?.comments.map((comment) => comment.html)).toEqual([
      "<p>Old <em>comment</em></p>\n",
      expect.stringContaining('class="katex"'),
    ]);
    expect(await stored(before.id)).toEqual({
      html: "<p>Old <em>comment</em></p>\n",
      htmlVersion: COMMENT_HTML_VERSION,
    });
    expect(await stored(older.id)).toMatchObject({ htmlVersion: COMMENT_HTML_VERSION });
    expect((await stored(older.id)).html).toContain('class="katex"');
  });
});
