import "server-only";
import { isAdminAddress } from "@/lib/auth/roles";
import { sqlRows } from "@/lib/db/client";
import { paperMatchColumnsSql, topicMatchesPaperSql } from "@/lib/follows/match";
import type { DigestChoice } from "@/lib/settings/schema";
import type { ViewerQuery, ViewerState } from "@/lib/viewer/schema";

interface ViewerRow {
  id: string | null;
  name: string | null;
  username: string | null;
  email: string | null;
  emailVerified: Date | null;
  digest: DigestChoice | null;
  upvoted: string[] | null;
  ownComments: string[] | null;
  seen: string[] | null;
  muted: string[] | null;
  followsAuthor: boolean | null;
  counts: Record<string, number>;
}

/**
 * Everything a page asks about its reader, in one statement: the session `sessionToken` names (unexpired)
 * and its member, their digest, which of the papers they upvoted and their own comments in the
 * discussion, which of the papers their mutes hide (a few rows of the member's mutes, by primary key, against
 * at most a page's papers), whether they follow the author asked about, and the papers' counts (for
 * everyone, with or without a session).
 */
const VIEWER_SQL = `
SELECT u.id, u.name, u.username, u.email, u."emailVerified",
  (SELECT e.digest::text FROM "EmailPreference" e WHERE e."userId" = u.id) AS digest,
  ARRAY(SELECT v."paperId" FROM "Upvote" v WHERE v."userId" = u.id AND v."paperId" = ANY($2::text[])) AS upvoted,
  ARRAY(SELECT c.id FROM "Comment" c WHERE c."userId" = u.id AND c."paperId" = $3) AS "ownComments",
  ARRAY(SELECT s."paperId" FROM "PaperSeen" s WHERE s."userId" = u.id AND s."paperId" = ANY($2::text[])) AS seen,
  CASE WHEN EXISTS (SELECT 1 FROM "Mute" m WHERE m."userId" = u.id) THEN ARRAY(
    SELECT p.id FROM (SELECT ${paperMatchColumnsSql("p")} FROM "Paper" p WHERE p.id = ANY($2::text[]) OFFSET 0) p
    WHERE EXISTS (SELECT 1 FROM "Mute" m WHERE m."userId" = u.id AND ${topicMatchesPaperSql("m", "p")})
  ) END AS muted,
  CASE WHEN $4::text IS NULL THEN NULL ELSE EXISTS (
    SELECT 1 FROM "Follow" f WHERE f."userId" = u.id AND f.kind = 'AUTHOR' AND f.value = $4) END AS "followsAuthor",
  (SELECT COALESCE(json_object_agg(p.id, p."upvoteCount"), '{}'::json) FROM "Paper" p
    WHERE p.id = ANY($2::text[])) AS counts
FROM (SELECT 1) AS one
LEFT JOIN "Session" s ON s."sessionToken" = $1 AND s.expires > now()
LEFT JOIN "User" u ON u.id = s."userId"`;

/**
 * The reader of `GET /api/viewer` as the page needs them (lib/client/viewer-store.ts): who holds the session
 * `sessionToken`, their votes on and the counts of `query.papers` and which of them their mutes hide, their
 * digest, their own comments in `query.discussion`, and whether they follow `query.author`. Without a (live)
 * session, the counts only. One query, no Auth.js round: every member's page view asks this once.
 */
export async function getViewerState(sessionToken: string | null, query: ViewerQuery): Promise<ViewerState> {
  const [row] = await sqlRows<ViewerRow>(VIEWER_SQL, [
    sessionToken,
    query.papers,
    query.discussion ?? null,
    query.author ?? null,
  ]);
  const counts = row?.counts ?? {};
  if (!row?.id) {
    return {
      signedIn: false,
      user: null,
      isAdmin: false,
      digest: "OFF",
      upvoted: [],
      counts,
      ownComments: [],
      seen: [],
      muted: [],
      followsAuthor: null,
    };
  }
  return {
    signedIn: true,
    user: { label: row.name ?? row.username ?? row.email ?? "You", username: row.username },
    isAdmin: isAdminAddress({ email: row.email, emailVerified: row.emailVerified }),
    digest: row.digest ?? "OFF",
    upvoted: row.upvoted ?? [],
    counts,
    ownComments: row.ownComments ?? [],
    seen: row.seen ?? [],
    muted: row.muted ?? [],
    followsAuthor: row.followsAuthor,
  };
}
