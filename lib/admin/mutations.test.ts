import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const run = vi.hoisted(() => {
  const id = Math.random().toString(36).slice(2, 10);
  // Before lib/env is first read: the admin of this file is in ADMIN_EMAILS.
  process.env.ADMIN_EMAILS = `someone@else.test, Admin-${id}@Admin.Test`;
  return id;
});

import { getAdminDay, getAuditLog, getBlockedMembers, getHiddenPapers, getRemovedFromDay } from "@/lib/admin/data";
import { moveToDay, removeFromDay, restoreToDay, setPaperHidden, setSubmitBlocked } from "@/lib/admin/mutations";
import { moveToDaySchema, setPaperHiddenSchema, setSubmitBlockedSchema } from "@/lib/admin/schema";
import { prisma } from "@/lib/db/client";
import { dayToDate } from "@/lib/dates/days";

const admin = { id: `adm_${run}_admin`, email: `admin-${run}@admin.test`, emailVerified: new Date() };
/** Has an admin address but never verified it: not an admin. */
const unverified = { id: `adm_${run}_unverified`, email: `someone@else.test`, emailVerified: null };
const member = { id: `adm_${run}_member`, email: `member-${run}@example.test`, username: `member-${run}` };
const users = [admin, unverified, member];
let nextNumber = 10_000 + Math.floor(Math.random() * 80_000);
const papers: string[] = [];

async function listedPaper(day: string): Promise<string> {
  const id = `2612.${String(nextNumber++ % 100_000).padStart(5, "0")}`;
  papers.push(id);
  await prisma.paper.create({
    data: {
      id,
      title: `Admin paper ${randomUUID().slice(0, 6)}`,
      abstract: "x",
      authors: ["A"],
      publishedAt: new Date(),
      daily: { create: { day: dayToDate(day), submittedById: member.id } },
    },
  });
  return id;
}

async function auditRows(targetId: string) {
  return prisma.adminAction.findMany({
    where: { targetId },
    orderBy: { createdAt: "asc" },
    select: { adminId: true, action: true, detail: true },
  });
}

describe("admin mutations", () => {
  beforeAll(async () => {
    await prisma.user.createMany({ data: users });
  });
  afterAll(async () => {
    await prisma.adminAction.deleteMany({ where: { adminId: admin.id } });
    await prisma.adminAction.deleteMany({ where: { targetId: { in: [...papers, member.id] } } });
    await prisma.paper.deleteMany({ where: { id: { in: papers } } });
    await prisma.user.deleteMany({ where: { id: { in: users.map((u) => u.id) } } });
    await prisma.$disconnect();
  });

  it("removes a paper from its day and records who did it", async () => {
    const id = await listedPaper("2026-11-20");
    expect(await removeFromDay(admin.id, id)).toEqual({ paperId: id, day: "2026-11-20" });
    expect(await prisma.dailyPaper.count({ where: { paperId: id } })).toBe(0);
    expect(await prisma.paper.count({ where: { id } })).toBe(1);
    expect(await auditRows(id)).toEqual([{ adminId: admin.id, action: "remove-from-day", detail: "from 2026-11-20" }]);
    await expect(removeFromDay(admin.id, id)).rejects.toThrow(`${id} is not on any day's list.`);
    expect(await auditRows(id)).toHaveLength(1);
  });

  it("undoes a removal: the paper is back on its day with its submitter and submission time", async () => {
    const id = await listedPaper("2026-11-19");
    const before = await prisma.dailyPaper.findUniqueOrThrow({ where: { paperId: id } });
    await removeFromDay(admin.id, id);
    expect((await getRemovedFromDay("2026-11-19")).map((p) => p.id)).toContain(id);

    await expect(restoreToDay(member.id, id)).rejects.toThrow("Only admins can do that.");
    expect(await restoreToDay(admin.id, id)).toEqual({ paperId: id, day: "2026-11-19" });
    const after = await prisma.dailyPaper.findUniqueOrThrow({ where: { paperId: id } });
    expect(after).toEqual(before);
    expect((await getRemovedFromDay("2026-11-19")).map((p) => p.id)).not.toContain(id);
    expect((await auditRows(id)).map((row) => row.action)).toEqual(["remove-from-day", "restore-to-day"]);

    // On a list again: a second undo has nothing to put back, and a paper never removed has no undo.
    await expect(restoreToDay(admin.id, id)).rejects.toThrow(`${id} is on the list of 2026-11-19 again`);
    const never = await listedPaper("2026-11-19");
    await prisma.dailyPaper.delete({ where: { paperId: never } });
    await expect(restoreToDay(admin.id, never)).rejects.toThrow(`There is no removal of ${never} to undo.`);
  });

  it("moves a paper to another day, keeping its submitter", async () => {
    const id = await listedPaper("2026-11-20");
    expect(await moveToDay(admin.id, id, "2026-11-21")).toEqual({ paperId: id, from: "2026-11-20", to: "2026-11-21" });
    const row = await prisma.dailyPaper.findUniqueOrThrow({ where: { paperId: id } });
    expect(row.day).toEqual(dayToDate("2026-11-21"));
    expect(row.submittedById).toBe(member.id);
    expect((await getAdminDay("2026-11-21")).map((p) => p.id)).toContain(id);
    expect((await getAdminDay("2026-11-20")).map((p) => p.id)).not.toContain(id);
    expect(await auditRows(id)).toEqual([
      { adminId: admin.id, action: "move-to-day", detail: "from 2026-11-20 to 2026-11-21" },
    ]);
    await expect(moveToDay(admin.id, id, "2026-11-21")).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("hides a paper everywhere and shows it again, each recorded", async () => {
    const id = await listedPaper("2026-11-22");
    await setPaperHidden(admin.id, id, true);
    const hidden = await prisma.paper.findUniqueOrThrow({ where: { id }, select: { hiddenAt: true, title: true } });
    expect(hidden.hiddenAt).toBeInstanceOf(Date);
    expect((await getHiddenPapers()).map((p) => p.id)).toContain(id);
    expect((await getAdminDay("2026-11-22")).find((p) => p.id === id)?.hidden).toBe(true);
    await expect(setPaperHidden(admin.id, id, true)).rejects.toThrow(`${id} is already hidden.`);
    await setPaperHidden(admin.id, id, false);
    expect((await prisma.paper.findUniqueOrThrow({ where: { id } })).hiddenAt).toBeNull();
    expect(await auditRows(id)).toEqual([
      { adminId: admin.id, action: "hide-paper", detail: hidden.title },
      { adminId: admin.id, action: "unhide-paper", detail: hidden.title },
    ]);
    await expect(setPaperHidden(admin.id, "2612.99999", true)).rejects.toThrow("There is no paper 2612.99999 here.");
  });

  it("blocks a member by username or email, and unblocks them", async () => {
    expect(await setSubmitBlocked(admin.id, member.username.toUpperCase(), true)).toEqual({
      userId: member.id,
      label: `@${member.username}`,
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).submitBlockedAt).toBeInstanceOf(Date);
    expect((await getBlockedMembers()).map((m) => m.id)).toContain(member.id);
    await setSubmitBlocked(admin.id, member.email, false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).submitBlockedAt).toBeNull();
    expect(await auditRows(member.id)).toEqual([
      { adminId: admin.id, action: "block-submitter", detail: `@${member.username}` },
      { adminId: admin.id, action: "unblock-submitter", detail: `@${member.username}` },
    ]);
    await expect(setSubmitBlocked(admin.id, "nobody-like-this", true)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses non-admins (and unverified admin addresses) without changing or recording anything", async () => {
    const id = await listedPaper("2026-11-23");
    for (const actor of [member.id, unverified.id, "no-such-user"]) {
      await expect(removeFromDay(actor, id)).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "Only admins can do that.",
      });
      await expect(moveToDay(actor, id, "2026-11-24")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(setPaperHidden(actor, id, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(setSubmitBlocked(actor, member.username, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const row = await prisma.paper.findUniqueOrThrow({ where: { id }, select: { hiddenAt: true, daily: true } });
    expect(row.hiddenAt).toBeNull();
    expect(row.daily?.day).toEqual(dayToDate("2026-11-23"));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).submitBlockedAt).toBeNull();
    expect(await auditRows(id)).toEqual([]);
  });

  it("shows the audit log newest first with who did what", async () => {
    const log = await getAuditLog(100);
    const mine = log.filter((entry) => entry.admin === admin.email);
    expect(mine.map((entry) => entry.action)).toEqual([
      "unblock-submitter",
      "block-submitter",
      "unhide-paper",
      "hide-paper",
      "move-to-day",
      "restore-to-day",
      "remove-from-day",
      "remove-from-day",
    ]);
    for (let i = 1; i < log.length; i++) expect(log[i - 1]!.createdAt >= log[i]!.createdAt).toBe(true);
  });
});

describe("admin input", () => {
  it("takes ids or links and refuses impossible days and unknown intents with a sentence", () => {
    expect(moveToDaySchema.parse({ paperId: "https://arxiv.org/abs/2501.12948v2", day: "2026-11-21" })).toEqual({
      paperId: "2501.12948",
      day: "2026-11-21",
    });
    const badDay = moveToDaySchema.safeParse({ paperId: "2501.12948", day: "2026-13-40" });
    expect(badDay.success || badDay.error.issues[0]?.message).toBe("Pick a real date (YYYY-MM-DD).");
    const nextYearsEnd = `${new Date().getUTCFullYear() + 1}-12-31`;
    const future = moveToDaySchema.safeParse({ paperId: "2501.12948", day: nextYearsEnd });
    expect(future.success || future.error.issues[0]?.message).toBe("Pick a day between 1991-08-01 and tomorrow.");
    const intent = setPaperHiddenSchema.safeParse({ paperId: "2501.12948", intent: "delete" });
    expect(intent.success || intent.error.issues[0]?.message).toBe("Choose hide or unhide.");
    expect(setSubmitBlockedSchema.parse({ member: " @Someone ", intent: "block" })).toEqual({
      member: "Someone",
      intent: "block",
    });
  });
});
