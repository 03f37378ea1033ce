import "server-only";
import { prisma } from "@/lib/db/client";
import { isAdminAddress } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dayToDate, toDayString } from "@/lib/dates/days";
import { removedPlacement, type AdminActionKind, type RemovedPlacement } from "@/lib/admin/schema";

type Tx = Prisma.TransactionClient;

/**
 * Re-checks inside the transaction that `adminId` is still an admin (verified address in ADMIN_EMAILS),
 * so the mutations refuse whoever calls them, not only the actions in front of them: the session's rule
 * (`isAdminAddress`), applied to the database's record.
 */
async function assertAdmin(tx: Tx, adminId: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: adminId }, select: { email: true, emailVerified: true } });
  if (!isAdminAddress(user)) {
    throw new AppError("FORBIDDEN", "Only admins can do that.");
  }
}

/** Runs `change` and writes its AdminAction row in one transaction: no change without its audit row. */
export async function audited<T>(
  adminId: string,
  change: (tx: Tx) => Promise<{
    result: T;
    action: AdminActionKind;
    targetId: string;
    detail?: string;
    undo?: RemovedPlacement;
  }>,
): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await assertAdmin(tx, adminId);
    const { result, action, targetId, detail, undo } = await change(tx);
    await tx.adminAction.create({ data: { adminId, action, targetId, detail, undo } });
    return result;
  });
}

async function dayOf(tx: Tx, paperId: string): Promise<string> {
  const row = await tx.dailyPaper.findUnique({ where: { paperId }, select: { day: true } });
  if (!row) throw new AppError("NOT_FOUND", `${paperId} is not on any day's list.`);
  return toDayString(row.day);
}

/**
 * Takes paper `paperId` off the day it is listed on (the paper itself stays). Returns that day. The audit row
 * keeps the placement (day, submitter, submission time), so `restoreToDay` can put it back as it was.
 */
export function removeFromDay(adminId: string, paperId: string): Promise<{ paperId: string; day: string }> {
  return audited(adminId, async (tx) => {
    const row = await tx.dailyPaper.findUnique({
      where: { paperId },
      select: { day: true, submittedAt: true, submittedById: true },
    });
    if (!row) throw new AppError("NOT_FOUND", `${paperId} is not on any day's list.`);
    const day = toDayString(row.day);
    await tx.dailyPaper.delete({ where: { paperId } });
    return {
      result: { paperId, day },
      action: "remove-from-day",
      targetId: paperId,
      detail: `from ${day}`,
      undo: { day, submittedAt: row.submittedAt.toISOString(), submittedById: row.submittedById },
    };
  });
}

/**
 * Undoes the latest removal of paper `paperId` from a day's list: puts it back on that day with its submitter
 * and submission time. Refused when the paper is on a list again (someone submitted it since) or was never
 * removed.
 */
export function restoreToDay(adminId: string, paperId: string): Promise<{ paperId: string; day: string }> {
  return audited(adminId, async (tx) => {
    const removal = await tx.adminAction.findFirst({
      where: { action: "remove-from-day", targetId: paperId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { undo: true },
    });
    const placement = removedPlacement.safeParse(removal?.undo);
    if (!placement.success) throw new AppError("NOT_FOUND", `There is no removal of ${paperId} to undo.`);
    const listed = await tx.dailyPaper.findUnique({ where: { paperId }, select: { day: true } });
    if (listed) {
      throw new AppError("CONFLICT", `${paperId} is on the list of ${toDayString(listed.day)} again: nothing to undo.`);
    }
    const { day, submittedAt, submittedById } = placement.data;
    // The submitter may have deleted their account since: the paper comes back without one.
    const submitter = submittedById
      ? await tx.user.findUnique({ where: { id: submittedById }, select: { id: true } })
      : null;
    await tx.dailyPaper.create({
      data: { paperId, day: dayToDate(day), submittedAt: new Date(submittedAt), submittedById: submitter?.id ?? null },
    });
    return { result: { paperId, day }, action: "restore-to-day", targetId: paperId, detail: `to ${day}` };
  });
}

/** Moves paper `paperId` from its day to `day` ("YYYY-MM-DD"), keeping its submitter and upvotes. */
export function moveToDay(
  adminId: string,
  paperId: string,
  day: string,
): Promise<{ paperId: string; from: string; to: string }> {
  return audited(adminId, async (tx) => {
    const from = await dayOf(tx, paperId);
    if (from === day) throw new AppError("CONFLICT", `${paperId} is already on the list of ${day}.`);
    await tx.dailyPaper.update({ where: { paperId }, data: { day: dayToDate(day) } });
    return {
      result: { paperId, from, to: day },
      action: "move-to-day",
      targetId: paperId,
      detail: `from ${from} to ${day}`,
    };
  });
}

/** Hides paper `paperId` everywhere (lists, search, feeds, API, its page), or shows it again. */
export function setPaperHidden(adminId: string, paperId: string, hidden: boolean): Promise<{ paperId: string }> {
  return audited(adminId, async (tx) => {
    const paper = await tx.paper.findUnique({ where: { id: paperId }, select: { title: true, hiddenAt: true } });
    if (!paper) throw new AppError("NOT_FOUND", `There is no paper ${paperId} here.`);
    if (Boolean(paper.hiddenAt) === hidden) {
      throw new AppError("CONFLICT", `${paperId} is already ${hidden ? "hidden" : "visible"}.`);
    }
    await tx.paper.update({ where: { id: paperId }, data: { hiddenAt: hidden ? new Date() : null } });
    return {
      result: { paperId },
      action: hidden ? "hide-paper" : "unhide-paper",
      targetId: paperId,
      detail: paper.title.length > 120 ? `${paper.title.slice(0, 119)}…` : paper.title,
    };
  });
}

/**
 * Blocks the member named by `member` (a username or an email address) from submitting papers, or lets
 * them again. Returns who it was.
 */
export function setSubmitBlocked(
  adminId: string,
  member: string,
  blocked: boolean,
): Promise<{ userId: string; label: string }> {
  return audited(adminId, async (tx) => {
    const user = await tx.user.findFirst({
      where: member.includes("@")
        ? { email: { equals: member, mode: "insensitive" } }
        : { username: { equals: member, mode: "insensitive" } },
      select: { id: true, username: true, email: true, submitBlockedAt: true },
    });
    if (!user) throw new AppError("NOT_FOUND", `No member is called “${member}”.`);
    const label = user.username ? `@${user.username}` : (user.email ?? user.id);
    if (Boolean(user.submitBlockedAt) === blocked) {
      throw new AppError("CONFLICT", `${label} is already ${blocked ? "blocked" : "allowed to submit"}.`);
    }
    await tx.user.update({ where: { id: user.id }, data: { submitBlockedAt: blocked ? new Date() : null } });
    return {
      result: { userId: user.id, label },
      action: blocked ? "block-submitter" : "unblock-submitter",
      targetId: user.id,
      detail: label,
    };
  });
}
