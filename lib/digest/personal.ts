import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DayRange } from "@/lib/dates/days";
import { DIGEST_SIZE, type DigestPaper } from "@/lib/digest/data";
import { paperMatchColumnsSql, topicMatchesPaperSql } from "@/lib/follows/match";
import type { TopicKind } from "@/lib/follows/schema";
import { listedPaperCondition } from "@/lib/papers/visibility";

/**
 * The member's own part of a digest: their mutes take papers out of the main section, and what they follow
 * fills sections of its own ("From authors you follow", …) from the period's papers — those featured in it
 * and those arXiv announced in it — never a muted one, never one the main section already lists.
 */

/** A paper of a member's own section, and the followed names it matched ("Ada Lovelace", "cs.CL", "llm"). */
export interface FollowedPaper extends DigestPaper {
  matched: string[];
}

export interface PersonalSection {
  kind: TopicKind;
  papers: FollowedPaper[];
}

/** The sections in the order a digest shows them; a paper matching several goes in the first. */
const SECTION_ORDER: readonly TopicKind[] = ["AUTHOR", "CATEGORY", "KEYWORD"];

/** What one batch of members' follows and mutes match among a period's papers. */
export interface PersonalMatches {
  /** Per member, the period's papers their mutes match. */
  muted: Map<string, Set<string>>;
  /** Per member, the period's papers their follows match, and by which topics. */
  followed: Map<string, { kind: TopicKind; value: string; paperId: string }[]>;
  /** The followed papers' own fields. */
  papers: Map<string, DigestPaper>;
}

interface MatchRow {
  list: "follow" | "mute";
  userId: string;
  kind: TopicKind;
  value: string;
  paperId: string;
}

/**
 * One statement per batch of members, whatever its size: the distinct topics the batch follows and mutes
 * are matched once each against the period's papers (made once, `MATERIALIZED`), then joined back to the
 * members who hold them. Featured days come through the DailyPaper primary key, arXiv's announcement days
 * through `announcedOn`.
 */
const MATCH_SQL = `
WITH pool AS MATERIALIZED (
  SELECT ${paperMatchColumnsSql("p")} FROM "Paper" p
  WHERE ${listedPaperCondition("p")}
    AND p.id IN (SELECT d."paperId" FROM "DailyPaper" d WHERE d.day BETWEEN $2::date AND $3::date
      UNION SELECT a.id FROM "Paper" a WHERE a."announcedOn" BETWEEN $2::date AND $3::date)
),
follow_hits AS (
  SELECT t.kind, t.value, p.id FROM (SELECT DISTINCT kind, value FROM "Follow" WHERE "userId" = ANY($1::text[])) t
  JOIN pool p ON ${topicMatchesPaperSql("t", "p")}
),
mute_hits AS (
  SELECT t.kind, t.value, p.id FROM (SELECT DISTINCT kind, value FROM "Mute" WHERE "userId" = ANY($1::text[])) t
  JOIN pool p ON ${topicMatchesPaperSql("t", "p")}
)
SELECT 'follow' AS list, f."userId", f.kind::text AS kind, f.value, h.id AS "paperId"
FROM "Follow" f JOIN follow_hits h ON h.kind = f.kind AND h.value = f.value
WHERE f."userId" = ANY($1::text[])
UNION ALL
SELECT 'mute', m."userId", m.kind::text, m.value, h.id
FROM "Mute" m JOIN mute_hits h ON h.kind = m.kind AND h.value = m.value
WHERE m."userId" = ANY($1::text[])`;

/**
 * What the follows and mutes of `userIds` match among the papers of `range`: two statements for the whole
 * batch (the matches, then the followed papers' fields), not one per member.
 */
export async function matchPersonalTopics(
  prisma: PrismaClient,
  userIds: string[],
  range: DayRange,
): Promise<PersonalMatches> {
  const matches: PersonalMatches = { muted: new Map(), followed: new Map(), papers: new Map() };
  if (userIds.length === 0) return matches;
  const rows = await prisma.$queryRawUnsafe<MatchRow[]>(MATCH_SQL, userIds, range.from, range.to);
  for (const row of rows) {
    if (row.list === "mute") {
      const muted = matches.muted.get(row.userId) ?? new Set<string>();
      matches.muted.set(row.userId, muted.add(row.paperId));
    } else {
      const followed = matches.followed.get(row.userId) ?? [];
      followed.push({ kind: row.kind, value: row.value, paperId: row.paperId });
      matches.followed.set(row.userId, followed);
    }
  }
  const ids = [...new Set(rows.filter((row) => row.list === "follow").map((row) => row.paperId))];
  if (ids.length > 0) {
    const papers = await prisma.paper.findMany({
      where: { id: { in: ids } },
      select: { id: true, title: true, abstract: true, authors: true, upvoteCount: true },
    });
    for (const paper of papers) matches.papers.set(paper.id, paper);
  }
  return matches;
}

/** The papers of a member's digest: the main section as their threshold and mutes leave it, and their own. */
export interface MemberDigest {
  main: DigestPaper[];
  sections: PersonalSection[];
}

/**
 * One member's digest from the period's most upvoted papers (`top`, more than a digest lists), their
 * threshold and what their follows and mutes matched. The main section is the first `DIGEST_SIZE` that pass
 * the threshold and no mute (a muted one makes room for the next). Then the member's own sections, each only
 * when it has papers: a followed paper goes in the first it fits (authors, categories, keywords), never when
 * muted or already listed above.
 */
export function composeMemberDigest(
  top: DigestPaper[],
  member: { userId: string; minUpvotes: number },
  matches: PersonalMatches,
): MemberDigest {
  const muted = matches.muted.get(member.userId) ?? new Set<string>();
  const main = top
    .filter((paper) => paper.upvoteCount >= member.minUpvotes && !muted.has(paper.id))
    .slice(0, DIGEST_SIZE);
  const placed = new Set(main.map((paper) => paper.id));
  const hits = (matches.followed.get(member.userId) ?? []).filter((hit) => !muted.has(hit.paperId));
  const sections: PersonalSection[] = [];
  for (const kind of SECTION_ORDER) {
    const papers = sectionPapers(
      hits.filter((hit) => hit.kind === kind && !placed.has(hit.paperId)),
      matches.papers,
    );
    for (const paper of papers) placed.add(paper.id);
    if (papers.length > 0) sections.push({ kind, papers });
  }
  return { main, sections };
}

/**
 * One section's papers from its hits: each paper once, with every name it matched, the most upvoted first, at
 * most `DIGEST_SIZE`.
 */
function sectionPapers(hits: { value: string; paperId: string }[], papers: Map<string, DigestPaper>): FollowedPaper[] {
  const matched = new Map<string, string[]>();
  for (const hit of hits) matched.set(hit.paperId, [...(matched.get(hit.paperId) ?? []), hit.value]);
  return [...matched]
    .flatMap(([id, values]) => {
      const paper = papers.get(id);
      return paper ? [{ ...paper, matched: values.sort() }] : [];
    })
    .sort((a, b) => b.upvoteCount - a.upvoteCount || a.id.localeCompare(b.id))
    .slice(0, DIGEST_SIZE);
}

/** Whether a member's digest has anything to send. */
export function hasPapers(digest: MemberDigest): boolean {
  return digest.main.length > 0 || digest.sections.length > 0;
}

/**
 * Whether the period has any paper a follow could match (featured or announced in it, listed): when it has
 * none and nothing was featured, a run has nothing to send anybody.
 */
export async function periodHasPapers(prisma: PrismaClient, range: DayRange): Promise<boolean> {
  const rows = await prisma.$queryRawUnsafe<{ any: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM "Paper" p WHERE ${listedPaperCondition("p")}
       AND p."announcedOn" BETWEEN $1::date AND $2::date) AS any`,
    range.from,
    range.to,
  );
  return rows[0]?.any ?? false;
}
