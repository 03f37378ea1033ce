import "server-only";
import { prisma, sqlRows } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { listedPaperCondition, visiblePaper } from "@/lib/papers/visibility";

/** A vote's outcome: not signed in (nothing changed), or the vote and the count it left. */
export type VoteOutcome = { signedIn: false } | { signedIn: true; upvoted: boolean; count: number };

/**
 * The voter: the user of the unexpired session $1. The paper: $2 if lists may show it — the rule of
 * lib/papers/visibility.ts (neither hidden nor withdrawn), in the statement itself so that a hidden or
 * withdrawn paper takes no vote at all: a vote ranks a paper on lists, which these are kept off. (No row
 * lock: votes update the paper's row through the count's trigger, and shared locks taken by concurrent
 * voters would deadlock on that update.)
 */
const VOTER = `SELECT "userId" FROM "Session" WHERE "sessionToken" = $1 AND expires > now()`;
/** The voter of a personal access token (lib/tokens/), whose token was checked by the caller: the member $1. */
const MEMBER_VOTER = `SELECT id AS "userId" FROM "User" WHERE id = $1`;
const PAPER = `SELECT id, "upvoteCount" FROM "Paper" WHERE id = $2 AND ${listedPaperCondition()}`;
const UPVOTE = `INSERT INTO "Upvote" ("userId", "paperId") SELECT voter."userId", paper.id FROM voter, paper ON CONFLICT DO NOTHING RETURNING 1`;
const UNVOTE = `DELETE FROM "Upvote" WHERE "userId" = (SELECT "userId" FROM voter) AND "paperId" = (SELECT id FROM paper) RETURNING 1`;
/** The voter (null when signed out) and the count the vote left (null when there is no such visible paper). */
const voteStatement = (voter: string, change: string, sign: "+" | "-") => `
  WITH voter AS (${voter}), paper AS (${PAPER}), changed AS (${change})
  SELECT (SELECT "userId" FROM voter) AS "userId",
         ((SELECT "upvoteCount" FROM paper) ${sign} (SELECT count(*) FROM changed))::int AS count`;
const VOTE_ON = voteStatement(VOTER, UPVOTE, "+");
const VOTE_OFF = voteStatement(VOTER, UNVOTE, "-");
const MEMBER_VOTE_ON = voteStatement(MEMBER_VOTER, UPVOTE, "+");
const MEMBER_VOTE_OFF = voteStatement(MEMBER_VOTER, UNVOTE, "-");

const NO_SUCH_PAPER = "This paper does not exist.";
const WITHDRAWN = "This paper was withdrawn by its authors; it takes no more votes.";

/** Why a vote on `paperId` found no paper to count on: gone or hidden (NOT_FOUND), or withdrawn. */
async function refusedPaper(paperId: string): Promise<AppError> {
  const paper = await prisma.paper.findFirst({
    where: { id: paperId, ...visiblePaper() },
    select: { withdrawnAt: true },
  });
  return paper?.withdrawnAt ? new AppError("PAPER_WITHDRAWN", WITHDRAWN) : new AppError("NOT_FOUND", NO_SUCH_PAPER);
}

/**
 * Sets whether the holder of session `sessionToken` upvotes `paperId`, in one statement of plain SQL:
 * votes come in bursts, and here a round trip, or Prisma's building of a query, costs this server more
 * than the database's work. The session must be unexpired, else nothing changes; the paper must exist and
 * be listed (lib/papers/visibility.ts), else nothing changes and the vote is refused, as NOT_FOUND or, for a
 * paper its authors withdrew, PAPER_WITHDRAWN (the count of such a paper must not move, and its caches must
 * not be refreshed on its account; taking a vote back is refused too, which keeps its count as it was). Idempotent: the primary key allows
 * one row per user and paper, a repeated "on" inserts nothing and a repeated "off" deletes nothing, and the
 * trigger on "Upvote" keeps the paper's count exact. The count answered is the paper's when the statement
 * began plus or minus the row it changed (the trigger's update is not visible inside the statement that
 * fires it). The foreign keys, not lookups first, refuse a user deleted while the vote ran.
 */
export async function voteWithSession(sessionToken: string, paperId: string, upvoted: boolean): Promise<VoteOutcome> {
  return vote(upvoted ? VOTE_ON : VOTE_OFF, sessionToken, paperId, upvoted);
}

/**
 * The same vote for member `userId` without a session: for a personal access token that may vote, which the
 * caller checked (lib/tokens/bearer.ts). Same statement but for who votes, so the same paper rules, count and
 * answers; a member deleted meanwhile is `signedIn: false`.
 */
export async function voteAsMember(userId: string, paperId: string, upvoted: boolean): Promise<VoteOutcome> {
  return vote(upvoted ? MEMBER_VOTE_ON : MEMBER_VOTE_OFF, userId, paperId, upvoted);
}

async function vote(statement: string, voter: string, paperId: string, upvoted: boolean): Promise<VoteOutcome> {
  let rows: { userId: string | null; count: number | null }[];
  try {
    rows = await sqlRows(statement, [voter, paperId]);
  } catch (error) {
    const violated = (error as { constraint?: unknown }).constraint;
    if (violated === "Upvote_paperId_fkey") throw new AppError("NOT_FOUND", NO_SUCH_PAPER);
    // The account was deleted between the session's lookup and the vote's row: signed out now.
    if (violated === "Upvote_userId_fkey") return { signedIn: false };
    throw error;
  }
  const row = rows[0];
  if (!row?.userId) return { signedIn: false };
  if (row.count === null) throw await refusedPaper(paperId);
  return { signedIn: true, upvoted, count: row.count };
}
