import "server-only";
import { sqlRows } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A vote's outcome: not signed in (nothing changed), or the vote and the count it left. */
export type VoteOutcome = { signedIn: false } | { signedIn: true; upvoted: boolean; count: number };

/** The voter: the user of the unexpired session $1. Then the change to their row for paper $2. */
const VOTER = `SELECT "userId" FROM "Session" WHERE "sessionToken" = $1 AND expires > now()`;
const UPVOTE = `INSERT INTO "Upvote" ("userId", "paperId") SELECT "userId", $2 FROM voter ON CONFLICT DO NOTHING RETURNING 1`;
const UNVOTE = `DELETE FROM "Upvote" WHERE "userId" = (SELECT "userId" FROM voter) AND "paperId" = $2 RETURNING 1`;
/** The voter (null when signed out) and the count the vote left (null when there is no such paper). */
const voteStatement = (change: string, sign: "+" | "-") => `
  WITH voter AS (${VOTER}), changed AS (${change})
  SELECT (SELECT "userId" FROM voter) AS "userId",
         ((SELECT "upvoteCount" FROM "Paper" WHERE id = $2) ${sign} (SELECT count(*) FROM changed))::int AS count`;
const VOTE_ON = voteStatement(UPVOTE, "+");
const VOTE_OFF = voteStatement(UNVOTE, "-");

/**
 * Sets whether the holder of session `sessionToken` upvotes `paperId`, in one statement of plain SQL:
 * votes come in bursts, and here a round trip, or Prisma's building of a query, costs this server more
 * than the database's work. The session must be unexpired, else nothing changes. Idempotent: the primary
 * key allows one row per user and paper, a repeated "on" inserts nothing and a repeated "off" deletes
 * nothing, and the trigger on "Upvote" keeps the paper's count exact. The count answered is the paper's
 * when the statement began plus or minus the row it changed (the trigger's update is not visible inside
 * the statement that fires it). The foreign keys, not lookups first, refuse an unknown paper and a user
 * deleted while the vote ran.
 */
export async function voteWithSession(sessionToken: string, paperId: string, upvoted: boolean): Promise<VoteOutcome> {
  let rows: { userId: string | null; count: number | null }[];
  try {
    rows = await sqlRows(upvoted ? VOTE_ON : VOTE_OFF, [sessionToken, paperId]);
  } catch (error) {
    const violated = (error as { constraint?: unknown }).constraint;
    if (violated === "Upvote_paperId_fkey") throw new AppError("NOT_FOUND", "This paper does not exist.");
    // The account was deleted between the session's lookup and the vote's row: signed out now.
    if (violated === "Upvote_userId_fkey") return { signedIn: false };
    throw error;
  }
  const row = rows[0];
  if (!row?.userId) return { signedIn: false };
  if (row.count === null) throw new AppError("NOT_FOUND", "This paper does not exist.");
  return { signedIn: true, upvoted, count: row.count };
}
