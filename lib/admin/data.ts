import "server-only";
import { prisma } from "@/lib/db/client";
import { dayToDate } from "@/lib/dates/days";
import { interruptedMessage, isInterrupted } from "@/lib/ingest/run-status";
import type { AdminAuditEntry, AdminDayPaper, AdminImportRun, AdminRemovedPaper } from "@/lib/admin/schema";

/** Every paper on `day`'s list ("YYYY-MM-DD"), hidden ones included, most upvoted first. */
export async function getAdminDay(day: string): Promise<AdminDayPaper[]> {
  const rows = await prisma.dailyPaper.findMany({
    where: { day: dayToDate(day) },
    orderBy: [{ paper: { upvoteCount: "desc" } }, { submittedAt: "asc" }, { paperId: "asc" }],
    take: 500,
    select: {
      submittedAt: true,
      submittedBy: { select: { username: true, name: true } },
      paper: { select: { id: true, title: true, upvoteCount: true, hiddenAt: true } },
    },
  });
  return rows.map((row) => ({
    id: row.paper.id,
    title: row.paper.title,
    upvoteCount: row.paper.upvoteCount,
    submittedAt: row.submittedAt,
    submitter: row.submittedBy?.username ? `@${row.submittedBy.username}` : (row.submittedBy?.name ?? null),
    hidden: row.paper.hiddenAt !== null,
  }));
}

/** The papers hidden by an admin, most recently hidden first. */
export async function getHiddenPapers(limit = 100): Promise<{ id: string; title: string; hiddenAt: Date }[]> {
  const rows = await prisma.paper.findMany({
    where: { hiddenAt: { not: null } },
    orderBy: { hiddenAt: "desc" },
    take: limit,
    select: { id: true, title: true, hiddenAt: true },
  });
  return rows.flatMap((row) => (row.hiddenAt ? [{ ...row, hiddenAt: row.hiddenAt }] : []));
}

/** Members blocked from submitting, most recently blocked first. */
export async function getBlockedMembers(
  limit = 100,
): Promise<{ id: string; label: string; email: string | null; blockedAt: Date }[]> {
  const rows = await prisma.user.findMany({
    where: { submitBlockedAt: { not: null } },
    orderBy: { submitBlockedAt: "desc" },
    take: limit,
    select: { id: true, username: true, email: true, submitBlockedAt: true },
  });
  return rows.flatMap((row) =>
    row.submitBlockedAt
      ? [
          {
            id: row.id,
            label: row.username ? `@${row.username}` : (row.email ?? row.id),
            email: row.email,
            blockedAt: row.submitBlockedAt,
          },
        ]
      : [],
  );
}

/** The latest import runs (50), newest first, with their per-item errors. */
export async function getImportRuns(limit = 50): Promise<AdminImportRun[]> {
  const rows = await prisma.importRun.findMany({ orderBy: { startedAt: "desc" }, take: limit });
  const now = new Date();
  return rows.map(({ heartbeatAt, ...row }) => {
    // A killed import is shown as interrupted at once; the next run records it so.
    const interrupted = isInterrupted({ status: row.status, heartbeatAt }, now);
    return {
      ...row,
      errors: readErrors(row.errors),
      ...(interrupted ? { status: "INTERRUPTED", message: interruptedMessage(heartbeatAt) } : {}),
    };
  });
}

/** ImportRun.errors is JSON written by the importers: keep only well-formed { id, reason } items. */
function readErrors(value: unknown): { id: string; reason: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { id, reason } = item as Record<string, unknown>;
    return typeof reason === "string" ? [{ id: typeof id === "string" ? id : "?", reason }] : [];
  });
}

/** The audit log: the latest admin actions (100), newest first, with who did them. */
export async function getAuditLog(limit = 100): Promise<AdminAuditEntry[]> {
  const rows = await prisma.adminAction.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      action: true,
      targetId: true,
      detail: true,
      createdAt: true,
      admin: { select: { username: true, email: true } },
    },
  });
  return rows.map(({ admin, ...row }) => ({
    ...row,
    admin: admin ? (admin.username ? `@${admin.username}` : admin.email) : null,
  }));
}

/**
 * Papers taken off the list of `day` that are on no list now, latest removal first: the admin page offers to
 * put each back ("Undo"). A paper removed, restored and removed again shows once.
 */
export async function getRemovedFromDay(day: string, limit = 20): Promise<AdminRemovedPaper[]> {
  const rows = await prisma.adminAction.findMany({
    where: { action: "remove-from-day", detail: `from ${day}` },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit * 2,
    select: { targetId: true, createdAt: true },
  });
  const latest = new Map<string, Date>();
  for (const row of rows) if (!latest.has(row.targetId)) latest.set(row.targetId, row.createdAt);
  const papers = await prisma.paper.findMany({
    where: { id: { in: [...latest.keys()] }, daily: null },
    select: { id: true, title: true },
  });
  const titles = new Map(papers.map((paper) => [paper.id, paper.title]));
  return [...latest]
    .flatMap(([id, removedAt]) => {
      const title = titles.get(id);
      return title === undefined ? [] : [{ id, title, removedAt }];
    })
    .slice(0, limit);
}
