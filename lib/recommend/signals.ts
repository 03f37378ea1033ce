import "server-only";
import type { Database } from "@/lib/recommend/candidates";

/**
 * What a member's For you is ranked from, read fresh on every request: the papers they upvoted and saved (the
 * most recent `MAX_LIKED` of each stand for their taste; all of them are left out of the results), what they
 * follow and what they mute.
 */

/** How many of a member's most recent upvotes, and of their most recently saved papers, make their profile. */
export const MAX_LIKED = 100;

export type TopicKind = "AUTHOR" | "CATEGORY" | "KEYWORD";

export interface Topic {
  kind: TopicKind;
  value: string;
}

/** A paper the member liked: upvoted, or saved in one of their collections (named, then). */
export interface LikedPaper {
  id: string;
  collection: string | null;
}

export interface MemberSignals {
  liked: LikedPaper[];
  /** Every paper the member upvoted or saved: never recommended back to them. */
  excluded: Set<string>;
  follows: Topic[];
  mutes: Topic[];
}

interface SignalsRow {
  upvoted: string[] | null;
  saved: string[] | null;
  liked: LikedPaper[] | null;
  follows: Topic[] | null;
  mutes: Topic[] | null;
}

/**
 * One statement: all upvoted and saved ids, the most recent `MAX_LIKED` of each (a saved paper named by its
 * most recently added-to collection), and the follows and mutes. Ids only: the liked papers' vectors are
 * mostly in memory already (liked.ts).
 */
const SIGNALS_SQL = `
WITH recent_upvotes AS (
  SELECT v."paperId" AS id, NULL::text AS collection FROM "Upvote" v
  WHERE v."userId" = $1 ORDER BY v."createdAt" DESC LIMIT $2::int
), recent_saved AS (
  SELECT DISTINCT ON (i."paperId") i."paperId" AS id, c.name AS collection, i."addedAt"
  FROM "CollectionItem" i JOIN "Collection" c ON c.id = i."collectionId"
  WHERE c."ownerId" = $1 ORDER BY i."paperId", i."addedAt" DESC
), liked AS (
  SELECT id, collection FROM recent_upvotes
  UNION ALL
  SELECT id, collection FROM (SELECT * FROM recent_saved ORDER BY "addedAt" DESC LIMIT $2::int) s
  WHERE s.id NOT IN (SELECT id FROM recent_upvotes)
)
SELECT
  ARRAY(SELECT v."paperId" FROM "Upvote" v WHERE v."userId" = $1) AS upvoted,
  ARRAY(SELECT i."paperId" FROM "CollectionItem" i JOIN "Collection" c ON c.id = i."collectionId"
    WHERE c."ownerId" = $1) AS saved,
  (SELECT json_agg(json_build_object('id', l.id, 'collection', l.collection)) FROM liked l) AS liked,
  (SELECT json_agg(json_build_object('kind', f.kind, 'value', f.value)) FROM "Follow" f
    WHERE f."userId" = $1) AS follows,
  (SELECT json_agg(json_build_object('kind', m.kind, 'value', m.value)) FROM "Mute" m
    WHERE m."userId" = $1) AS mutes`;

/** The signals of member `userId` (empty for a member with none, or an unknown id). */
export async function memberSignals(db: Database, userId: string): Promise<MemberSignals> {
  const [row] = await db.$queryRawUnsafe<SignalsRow[]>(SIGNALS_SQL, userId, MAX_LIKED);
  return {
    liked: row?.liked ?? [],
    excluded: new Set([...(row?.upvoted ?? []), ...(row?.saved ?? [])]),
    follows: row?.follows ?? [],
    mutes: row?.mutes ?? [],
  };
}

/** Whether the member gave For you anything to go on. */
export function hasSignal(signals: MemberSignals): boolean {
  return signals.liked.length > 0 || signals.follows.length > 0;
}
