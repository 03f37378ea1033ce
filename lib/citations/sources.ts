import "server-only";
import { prisma } from "@/lib/db/client";
import { citableSelect, type CitablePaper } from "@/lib/citations/records";
import { EXPORT_BATCH, inBatches } from "@/lib/citations/stream";
import { collectionPapersForExport, getReadableCollection } from "@/lib/collections/data";
import { collectionIdField } from "@/lib/collections/schema";
import { dayToDate, isPlausibleDay, parseDay } from "@/lib/dates/days";
import { idFromSegments } from "@/lib/papers/paper-route";
import { listedPaper, visiblePaper } from "@/lib/papers/visibility";

/**
 * What can be exported as citations, and who may: a paper, a day's featured list, a collection (whoever may
 * read it) and a member's upvoted papers (their reading list: whoever may see their profile). Each resolves to
 * a file name and its papers in batches, or to null: not there, or not for this reader (the same answer).
 */
export const CITATION_SOURCES = ["paper", "day", "collection", "upvoted"] as const;
export type CitationSource = (typeof CITATION_SOURCES)[number];

export interface CitationExport {
  /** The file's name without its extension. */
  filename: string;
  papers: AsyncIterable<CitablePaper[]>;
}

async function* once(papers: CitablePaper[]): AsyncGenerator<CitablePaper[]> {
  if (papers.length) yield papers;
}

async function paperExport(segments: string[]): Promise<CitationExport | null> {
  const parsed = idFromSegments(segments);
  if (!parsed?.canonical) return null;
  const paper = await prisma.paper.findFirst({ where: { id: parsed.id, ...visiblePaper() }, select: citableSelect });
  return paper ? { filename: paper.id.replace("/", "-"), papers: once([paper]) } : null;
}

async function dayExport(raw: string): Promise<CitationExport | null> {
  const day = parseDay(raw);
  if (!day || !isPlausibleDay(day)) return null;
  const papers = await prisma.dailyPaper.findMany({
    where: { day: dayToDate(day), paper: listedPaper() },
    orderBy: [{ paper: { upvoteCount: "desc" } }, { submittedAt: "asc" }],
    select: { paper: { select: citableSelect } },
  });
  return { filename: `daily-papers-${day}`, papers: once(papers.map((row) => row.paper)) };
}

async function collectionExport(id: string, viewerId: string | null): Promise<CitationExport | null> {
  if (!collectionIdField.safeParse(id).success) return null;
  const collection = await getReadableCollection(id, viewerId);
  if (!collection) return null;
  const slug =
    collection.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "collection";
  return { filename: slug, papers: collectionPapersForExport(id) };
}

async function upvotedExport(username: string, viewerId: string | null): Promise<CitationExport | null> {
  if (!/^[a-z0-9-]{1,40}$/.test(username)) return null;
  const user = await prisma.user.findUnique({ where: { username }, select: { id: true, profilePrivate: true } });
  if (!user || (user.profilePrivate && user.id !== viewerId)) return null;
  const papers = inBatches<Date>(async (after) => {
    const rows = await prisma.upvote.findMany({
      where: { userId: user.id, paper: listedPaper(), ...(after === null ? {} : { createdAt: { lt: after } }) },
      orderBy: { createdAt: "desc" },
      take: EXPORT_BATCH,
      select: { createdAt: true, paper: { select: citableSelect } },
    });
    return rows.map((row) => ({ paper: row.paper, cursor: row.createdAt }));
  });
  return { filename: `${username}-upvoted`, papers };
}

/** The export `source` + `key` names, if `viewerId` (null: a stranger) may have it. */
export async function findCitationExport(
  source: string,
  key: string[],
  viewerId: string | null,
): Promise<CitationExport | null> {
  switch (source) {
    case "paper":
      return paperExport(key);
    case "day":
      return key.length === 1 ? dayExport(key[0]!) : null;
    case "collection":
      return key.length === 1 ? collectionExport(key[0]!, viewerId) : null;
    case "upvoted":
      return key.length === 1 ? upvotedExport(key[0]!, viewerId) : null;
    default:
      return null;
  }
}
