import "server-only";
import { prisma } from "@/lib/db/client";
import { citableSelect, type CitablePaper } from "@/lib/citations/records";
import { EXPORT_BATCH, inBatches } from "@/lib/citations/stream";
import type { CollectionSummary, SaveTarget, Visibility } from "@/lib/collections/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visiblePaper } from "@/lib/papers/visibility";
import { summarySelect, toSummary } from "@/lib/papers/summary";
import type { PaperSummary } from "@/lib/papers/schema";

/**
 * Reading collections, and who may: its owner always; the members it is shared with while it is SHARED;
 * anyone while it is PUBLIC. To everyone else a collection does not exist (the same 404 as a wrong id), so
 * a private collection's name or size never leaks. Hidden papers are left out of every collection; a
 * withdrawn one stays (its owner saved it; its page says it was withdrawn).
 */

/** The condition "`viewerId` may read the collection". */
function readableBy(viewerId: string | null): Prisma.CollectionWhereInput {
  const or: Prisma.CollectionWhereInput[] = [{ visibility: "PUBLIC" }];
  if (viewerId) {
    or.push({ ownerId: viewerId }, { visibility: "SHARED", shares: { some: { userId: viewerId } } });
  }
  return { OR: or };
}

export interface CollectionHeader {
  id: string;
  name: string;
  description: string;
  /** The description as sanitised HTML. */
  descriptionHtml: string;
  visibility: Visibility;
  owner: { id: string; username: string | null; name: string | null };
  itemCount: number;
  createdAt: Date;
  updatedAt: Date;
  /** The members it is shared with: only filled for its owner. */
  shares: { userId: string; username: string | null; name: string | null }[];
}

/** The collection `id` if `viewerId` (null: a stranger) may read it, else null. */
export async function getReadableCollection(id: string, viewerId: string | null): Promise<CollectionHeader | null> {
  const row = await prisma.collection.findFirst({
    where: { id, ...readableBy(viewerId) },
    select: {
      id: true,
      name: true,
      description: true,
      descriptionHtml: true,
      visibility: true,
      createdAt: true,
      updatedAt: true,
      owner: { select: { id: true, username: true, name: true } },
      shares: {
        select: { userId: true, user: { select: { username: true, name: true } } },
        orderBy: { createdAt: "asc" },
      },
      _count: { select: { items: { where: { paper: visiblePaper() } } } },
    },
  });
  if (!row) return null;
  const isOwner = row.owner.id === viewerId;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    descriptionHtml: row.descriptionHtml,
    visibility: row.visibility,
    owner: row.owner,
    itemCount: row._count.items,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    shares: isOwner ? row.shares.map((share) => ({ userId: share.userId, ...share.user })) : [],
  };
}

export interface CollectionEntry {
  paper: PaperSummary;
  note: string;
  /** The note as sanitised HTML. */
  noteHtml: string;
  position: number;
}

/** Most papers a collection's page shows; its exports hold them all. */
export const COLLECTION_PAGE_SIZE = 200;

/** The papers of collection `id` in its owner's order, with their notes (the caller checked who may read it). */
export async function getCollectionEntries(id: string, limit = COLLECTION_PAGE_SIZE): Promise<CollectionEntry[]> {
  const rows = await prisma.collectionItem.findMany({
    where: { collectionId: id, paper: visiblePaper() },
    orderBy: { position: "asc" },
    take: limit,
    select: { note: true, noteHtml: true, position: true, paper: { select: summarySelect } },
  });
  return rows.map(({ paper, ...item }) => ({ paper: toSummary(paper), ...item }));
}

/** What a list of collections reads of each: its name, who may read it, when it changed, how many papers. */
const summaryFields = {
  id: true,
  name: true,
  visibility: true,
  updatedAt: true,
  _count: { select: { items: { where: { paper: visiblePaper() } } } },
} satisfies Prisma.CollectionSelect;

/** The collections `ownerId` owns (only those of `visibility`, when given), most recently changed first. */
export async function getOwnCollections(ownerId: string, visibility?: Visibility): Promise<CollectionSummary[]> {
  const rows = await prisma.collection.findMany({
    where: { ownerId, visibility },
    orderBy: { updatedAt: "desc" },
    select: summaryFields,
  });
  return rows.map(({ _count, ...row }) => ({ ...row, itemCount: _count.items }));
}

/** Collections shared with `userId` (still SHARED), and whose they are. */
export async function getCollectionsSharedWith(
  userId: string,
): Promise<(CollectionSummary & { owner: { username: string | null; name: string | null } })[]> {
  const rows = await prisma.collection.findMany({
    where: { visibility: "SHARED", shares: { some: { userId } } },
    orderBy: { updatedAt: "desc" },
    select: { ...summaryFields, owner: { select: { username: true, name: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, itemCount: _count.items }));
}

/** `userId`'s collections as a paper's Save menu lists them: whether `paperId` is in each. */
export async function getSaveTargets(userId: string, paperId: string): Promise<SaveTarget[]> {
  const rows = await prisma.collection.findMany({
    where: { ownerId: userId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, name: true, items: { where: { paperId }, select: { paperId: true } } },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, contains: row.items.length > 0 }));
}

/** Every paper of collection `id` for an export, in its order, read a batch at a time. */
export function collectionPapersForExport(id: string): AsyncGenerator<CitablePaper[]> {
  return inBatches<number>(async (after) => {
    const rows = await prisma.collectionItem.findMany({
      where: { collectionId: id, paper: visiblePaper(), ...(after === null ? {} : { position: { gt: after } }) },
      orderBy: { position: "asc" },
      take: EXPORT_BATCH,
      select: { position: true, paper: { select: citableSelect } },
    });
    return rows.map((row) => ({ paper: row.paper, cursor: row.position }));
  });
}
