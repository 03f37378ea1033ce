import "server-only";
import { OUTSIDE_MAX, type CandidateIndex, type Database } from "@/lib/recommend/candidates";
import type { LikedVector } from "@/lib/recommend/rank";
import type { LikedPaper } from "@/lib/recommend/signals";
import { paperTerms, vectorize } from "@/lib/recommend/text";

/**
 * The vectors of a member's liked papers over `index`'s vocabulary: a candidate's from the index, another's from
 * the index's cache of papers outside the window, and only those in neither read (one query) and vectorised,
 * then kept. A liked paper no longer there (deleted) is left out.
 */
export async function likedVectors(
  db: Database,
  index: CandidateIndex,
  liked: readonly LikedPaper[],
): Promise<LikedVector[]> {
  const missing = liked.filter((paper) => !index.byId.has(paper.id) && !index.outside.has(paper.id));
  if (missing.length) {
    const rows = await db.$queryRawUnsafe<{ id: string; title: string; abstract: string }[]>(
      `SELECT id, title, abstract FROM "Paper" WHERE id = ANY($1::text[])`,
      missing.map((paper) => paper.id),
    );
    // A simple bound: past it the cache starts again rather than tracking what was used last.
    if (index.outside.size + rows.length > OUTSIDE_MAX) index.outside.clear();
    for (const row of rows) {
      index.outside.set(row.id, {
        title: row.title,
        vector: vectorize(paperTerms(row.title, row.abstract), index.vocabulary),
      });
    }
  }
  return liked.flatMap(({ id, collection }) => {
    const at = index.byId.get(id);
    const known = at === undefined ? index.outside.get(id) : index.candidates[at];
    return known ? [{ id, collection, title: known.title, vector: known.vector }] : [];
  });
}
