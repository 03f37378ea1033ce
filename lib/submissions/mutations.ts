import "server-only";
import { prisma } from "@/lib/db/client";
import { loadEnv } from "@/lib/env";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { HttpOptions } from "@/lib/ingest/http";
import { importArxivIds } from "@/lib/ingest/imports";
import { dayToDate, toDayString, today } from "@/lib/dates/days";
import { submitWindowStart, type SubmittedPaper } from "@/lib/submissions/schema";

/**
 * A member waits for the answer, so a submission asks arXiv with tighter limits than the background
 * imports: one retry, and seconds rather than minutes before it says arXiv did not answer. The 3 s
 * spacing between arXiv requests still applies.
 */
const SUBMIT_HTTP: HttpOptions = {
  attempts: 2,
  backoffMs: 1000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  totalTimeoutMs: 20_000,
  maxRetryAfterMs: 10_000,
};

/**
 * Failed submissions that do not count against the hourly limit: arXiv not answering, our database down, or
 * a fault of ours. A member retrying through an outage is not locked out for an hour; what they can get wrong
 * (an unknown id, a paper too old or already listed) still counts, as each may have cost a request to arXiv.
 */
export const SUBMIT_REFUNDED_FAILURES: readonly AppErrorCode[] = ["UPSTREAM_FAILED", "UNAVAILABLE", "INTERNAL"];

export interface SubmitOptions {
  /** The moment of the submission: decides "today" (UTC) and the window. */
  now?: Date;
  /** How old (by its arXiv date) a paper may be; SUBMIT_WINDOW_DAYS by default. */
  windowDays?: number;
  /** Limits of the request to arXiv's export API, when the paper is not here yet. */
  http?: HttpOptions;
}

const paperSelect = {
  id: true,
  title: true,
  publishedAt: true,
  hiddenAt: true,
  withdrawnAt: true,
  daily: { select: { day: true, submittedBy: { select: { username: true, name: true } } } },
} satisfies Prisma.PaperSelect;

type PaperRow = Prisma.PaperGetPayload<{ select: typeof paperSelect }>;

/**
 * Puts paper `paperId` (a bare arXiv id) on today's daily list (UTC) as submitted by `userId`, fetching it
 * from the arXiv export API first when it is not here yet. Refuses, with one sentence each: a blocked
 * member (SUBMIT_BLOCKED), a hidden paper (PAPER_HIDDEN), a withdrawn one (PAPER_WITHDRAWN), a paper already on a list (ALREADY_SUBMITTED, naming
 * the day and submitter), an id arXiv does not know (NOT_FOUND), arXiv not answering (UPSTREAM_FAILED), and
 * a paper older than the window by its arXiv date (SUBMIT_TOO_OLD). Two members submitting the same paper
 * at once: DailyPaper's primary key lets one insert win and the other gets ALREADY_SUBMITTED.
 */
export async function submitPaper(
  userId: string,
  paperId: string,
  options: SubmitOptions = {},
): Promise<SubmittedPaper> {
  const now = options.now ?? new Date();
  const windowDays = options.windowDays ?? loadEnv().SUBMIT_WINDOW_DAYS;

  await assertMaySubmit(userId);
  let paper = await findPaper(paperId);
  let imported = false;
  if (!paper) {
    // A paper older than the window is refused before it is stored, not after.
    paper = await importPaper(paperId, options.http ?? SUBMIT_HTTP, submitWindowStart(now, windowDays), windowDays);
    imported = true;
  }
  assertSubmittable(paper);
  assertWithinWindow(paper, now, windowDays);

  const day = today(now);
  try {
    await prisma.dailyPaper.create({ data: { paperId, day: dayToDate(day), submittedById: userId } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // Someone else's insert won the race: answer as if theirs had come first.
      const winner = await findPaper(paperId);
      if (winner) assertSubmittable(winner);
    }
    throw error;
  }
  return { paperId, title: paper.title, day, imported };
}

async function assertMaySubmit(userId: string): Promise<void> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { submitBlockedAt: true } });
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (user.submitBlockedAt) {
    throw new AppError("SUBMIT_BLOCKED", "An admin has blocked your account from submitting papers.");
  }
}

function findPaper(paperId: string): Promise<PaperRow | null> {
  return prisma.paper.findUnique({ where: { id: paperId }, select: paperSelect });
}

/**
 * Hidden papers, papers their authors withdrew (lists leave them out, so the submission would show nowhere)
 * and papers already on a list cannot be submitted (again).
 */
function assertSubmittable(paper: PaperRow): void {
  if (paper.hiddenAt) {
    throw new AppError("PAPER_HIDDEN", `${paper.id} was hidden by an admin and cannot be submitted.`);
  }
  if (paper.withdrawnAt) {
    throw new AppError("PAPER_WITHDRAWN", `${paper.id} was withdrawn by its authors and cannot be submitted.`);
  }
  if (paper.daily) {
    const by = paper.daily.submittedBy?.username
      ? `, submitted by @${paper.daily.submittedBy.username}`
      : paper.daily.submittedBy?.name
        ? `, submitted by ${paper.daily.submittedBy.name}`
        : "";
    throw new AppError("ALREADY_SUBMITTED", `Already on the list of ${toDayString(paper.daily.day)}${by}.`);
  }
}

/** Fetches a paper that is not here yet from the arXiv export API; an unknown id or an outage is a sentence. */
async function importPaper(
  paperId: string,
  http: HttpOptions,
  publishedSince: Date,
  windowDays: number,
): Promise<PaperRow> {
  const unreachable = "arXiv did not answer; try again in a few minutes.";
  let foundIds: string[];
  let status: string;
  let tooOld: { id: string; publishedAt: Date }[] | undefined;
  try {
    ({ foundIds, status, tooOld } = await importArxivIds(prisma, [paperId], { http, publishedSince }));
  } catch (error) {
    console.error(`[submit] importing ${paperId} from arXiv failed`, error);
    throw new AppError("UPSTREAM_FAILED", unreachable, { cause: error });
  }
  const old = tooOld?.find((item) => item.id === paperId);
  if (old) throw tooOldError(paperId, windowDays, old.publishedAt);
  if (!foundIds.includes(paperId)) {
    if (status === "FAILED") throw new AppError("UPSTREAM_FAILED", unreachable);
    throw new AppError("NOT_FOUND", `arXiv has no paper ${paperId}.`);
  }
  const paper = await findPaper(paperId);
  if (!paper) {
    throw new AppError("UPSTREAM_FAILED", `arXiv's record of ${paperId} could not be stored; try again later.`);
  }
  // Another member may have submitted it while arXiv was answering.
  assertSubmittable(paper);
  return paper;
}

function tooOldError(paperId: string, windowDays: number, publishedAt: Date): AppError {
  return new AppError(
    "SUBMIT_TOO_OLD",
    `${paperId} appeared on arXiv on ${toDayString(publishedAt)}; only papers from the last ${windowDays} days can be submitted.`,
  );
}

function assertWithinWindow(paper: PaperRow, now: Date, windowDays: number): void {
  if (paper.publishedAt < submitWindowStart(now, windowDays))
    throw tooOldError(paper.id, windowDays, paper.publishedAt);
}
