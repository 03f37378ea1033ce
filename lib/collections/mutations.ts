import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { renderCommentHtml } from "@/lib/comments/render";
import { AppError } from "@/lib/errors";
import type { Move, Visibility } from "@/lib/collections/schema";
import { visiblePaper } from "@/lib/papers/visibility";
import { MEMBER_CAPS } from "@/lib/rate-limits";

/**
 * Changing collections. Only a collection's owner changes it: every change first locks the collection's row
 * as its owner's (`lockOwned`), which both checks the owner and makes concurrent changes of one collection
 * (two adds, a move and a remove) take turns, so positions stay distinct and caps hold.
 */

type Tx = Prisma.TransactionClient;

const NOT_FOUND = "That collection does not exist, or it is not yours.";

/**
 * Locks collection `collectionId` if `ownerId` owns it, and says who may read it; otherwise NOT_FOUND (to others
 * it does not exist).
 */
async function lockOwned(tx: Tx, ownerId: string, collectionId: string): Promise<{ visibility: Visibility }> {
  const [row] = await tx.$queryRaw<{ visibility: Visibility }[]>`
    SELECT visibility::text AS visibility FROM "Collection"
    WHERE id = ${collectionId} AND "ownerId" = ${ownerId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND);
  return row;
}

/** A note's or description's HTML, rendered once when written (the comment pipeline: sanitised, math typeset). */
function htmlOf(markdown: string): string {
  return markdown ? renderCommentHtml(markdown) : "";
}

/** Marks the collection changed (its owner's list puts it first). */
function touch(tx: Tx, collectionId: string) {
  return tx.collection.update({ where: { id: collectionId }, data: { updatedAt: new Date() } });
}

/** Creates a collection for `ownerId` (at most MEMBER_CAPS.collections), with `paperId` in it if given. */
export async function createCollection(
  ownerId: string,
  input: { name: string; visibility: Visibility; paperId?: string },
): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const created = await createIn(tx, ownerId, input.name, input.visibility);
    if (input.paperId) await insertItem(tx, created.id, input.paperId);
    return created;
  });
}

async function createIn(tx: Tx, ownerId: string, name: string, visibility: Visibility): Promise<{ id: string }> {
  // One member's creations take turns, so two at once cannot both pass the cap.
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${ownerId} FOR UPDATE`;
  const owned = await tx.collection.count({ where: { ownerId } });
  if (owned >= MEMBER_CAPS.collections) {
    throw new AppError(
      "CONFLICT",
      `You have ${MEMBER_CAPS.collections} collections, the most one member may keep. Delete one first.`,
    );
  }
  return tx.collection.create({ data: { ownerId, name, visibility }, select: { id: true } });
}

/**
 * A new collection of `ownerId` named `name` holding the papers of `arxivIds` that are here, in that order (an
 * imported library); at most MEMBER_CAPS.collectionItems of them. Says which ids are not papers here.
 */
export async function importCollection(
  ownerId: string,
  name: string,
  arxivIds: string[],
): Promise<{ id: string; added: number; notHere: string[] }> {
  const found = await prisma.paper.findMany({
    where: { id: { in: arxivIds }, ...visiblePaper() },
    select: { id: true },
  });
  const here = new Set(found.map((paper) => paper.id));
  const kept = arxivIds.filter((id) => here.has(id)).slice(0, MEMBER_CAPS.collectionItems);
  // All or nothing: no empty collection is left behind by a failed import.
  const { id } = await prisma.$transaction(async (tx) => {
    const created = await createIn(tx, ownerId, name, "PRIVATE");
    await tx.collectionItem.createMany({
      data: kept.map((paperId, index) => ({ collectionId: created.id, paperId, position: index + 1 })),
    });
    return created;
  });
  return { id, added: kept.length, notHere: arxivIds.filter((paperId) => !here.has(paperId)) };
}

export async function updateCollection(
  ownerId: string,
  input: { collectionId: string; name: string; description: string; visibility: Visibility },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockOwned(tx, ownerId, input.collectionId);
    await tx.collection.update({
      where: { id: input.collectionId },
      data: {
        name: input.name,
        description: input.description,
        descriptionHtml: htmlOf(input.description),
        visibility: input.visibility,
      },
    });
  });
}

export async function deleteCollection(ownerId: string, collectionId: string): Promise<void> {
  const { count } = await prisma.collection.deleteMany({ where: { id: collectionId, ownerId } });
  if (count === 0) throw new AppError("NOT_FOUND", NOT_FOUND);
}

/** Puts `paperId` last in the (locked) collection, unless it is there already; refuses past the cap. */
async function insertItem(tx: Tx, collectionId: string, paperId: string): Promise<boolean> {
  const paper = await tx.paper.findFirst({ where: { id: paperId, ...visiblePaper() }, select: { id: true } });
  if (!paper) throw new AppError("NOT_FOUND", "That paper is not here.");
  const { _count, _max } = await tx.collectionItem.aggregate({
    where: { collectionId },
    _count: { _all: true },
    _max: { position: true },
  });
  if (_count._all >= MEMBER_CAPS.collectionItems) {
    throw new AppError(
      "CONFLICT",
      `A collection holds at most ${MEMBER_CAPS.collectionItems.toLocaleString("en-US")} papers; this one is full.`,
    );
  }
  const added = await tx.collectionItem.createMany({
    data: [{ collectionId, paperId, position: (_max.position ?? 0) + 1 }],
    skipDuplicates: true,
  });
  return added.count === 1;
}

/** Adds `paperId` to `ownerId`'s collection (at its end); adding it again changes nothing. */
export async function addToCollection(ownerId: string, collectionId: string, paperId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    await lockOwned(tx, ownerId, collectionId);
    const added = await insertItem(tx, collectionId, paperId);
    if (added) await touch(tx, collectionId);
    return added;
  });
}

/** Takes `paperId` out of `ownerId`'s collection, with its note; taking it out again changes nothing. */
export async function removeFromCollection(ownerId: string, collectionId: string, paperId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    await lockOwned(tx, ownerId, collectionId);
    const { count } = await tx.collectionItem.deleteMany({ where: { collectionId, paperId } });
    if (count) await touch(tx, collectionId);
    return count === 1;
  });
}

/** Sets the owner's note on a paper of their collection ("" clears it). */
export async function setItemNote(ownerId: string, collectionId: string, paperId: string, note: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockOwned(tx, ownerId, collectionId);
    const { count } = await tx.collectionItem.updateMany({
      where: { collectionId, paperId },
      data: { note, noteHtml: htmlOf(note) },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "That paper is not in the collection.");
  });
}

/**
 * Moves a paper of the collection one place up or down (it swaps places with its neighbour), or to the top
 * or the bottom. A move past either end changes nothing.
 */
export async function moveItem(ownerId: string, collectionId: string, paperId: string, move: Move): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockOwned(tx, ownerId, collectionId);
    const item = await tx.collectionItem.findUnique({
      where: { collectionId_paperId: { collectionId, paperId } },
      select: { position: true },
    });
    if (!item) throw new AppError("NOT_FOUND", "That paper is not in the collection.");
    if (move === "top" || move === "bottom") {
      const { _min, _max } = await tx.collectionItem.aggregate({
        where: { collectionId },
        _min: { position: true },
        _max: { position: true },
      });
      const end = move === "top" ? _min.position! : _max.position!;
      if (end === item.position) return;
      const position = move === "top" ? end - 1 : end + 1;
      await tx.collectionItem.update({
        where: { collectionId_paperId: { collectionId, paperId } },
        data: { position },
      });
      return;
    }
    const neighbour = await tx.collectionItem.findFirst({
      where: { collectionId, position: move === "up" ? { lt: item.position } : { gt: item.position } },
      orderBy: { position: move === "up" ? "desc" : "asc" },
      select: { paperId: true, position: true },
    });
    if (!neighbour) return;
    await tx.collectionItem.update({
      where: { collectionId_paperId: { collectionId, paperId } },
      data: { position: neighbour.position },
    });
    await tx.collectionItem.update({
      where: { collectionId_paperId: { collectionId, paperId: neighbour.paperId } },
      data: { position: item.position },
    });
  });
}

/**
 * Shares `ownerId`'s collection with the member whose handle is `username` (read only); a private collection
 * becomes SHARED, as sharing it is the point. Refuses unknown handles, the owner themself, and past the cap.
 */
export async function shareCollection(
  ownerId: string,
  collectionId: string,
  username: string,
): Promise<{ name: string; visibility: Visibility }> {
  return prisma.$transaction(async (tx) => {
    const { visibility: current } = await lockOwned(tx, ownerId, collectionId);
    const member = await tx.user.findUnique({ where: { username }, select: { id: true, name: true } });
    if (!member) throw new AppError("NOT_FOUND", `No member here has the handle @${username}.`);
    if (member.id === ownerId)
      throw new AppError("INVALID_INPUT", "It is your own collection: you can always read it.");
    const shares = await tx.collectionShare.count({ where: { collectionId } });
    if (shares >= MEMBER_CAPS.collectionShares) {
      throw new AppError(
        "CONFLICT",
        `A collection can be shared with at most ${MEMBER_CAPS.collectionShares} members.`,
      );
    }
    await tx.collectionShare.createMany({ data: [{ collectionId, userId: member.id }], skipDuplicates: true });
    const visibility = current === "PRIVATE" ? "SHARED" : current;
    if (visibility !== current) await tx.collection.update({ where: { id: collectionId }, data: { visibility } });
    return { name: member.name ?? `@${username}`, visibility };
  });
}

export async function unshareCollection(ownerId: string, collectionId: string, userId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await lockOwned(tx, ownerId, collectionId);
    await tx.collectionShare.deleteMany({ where: { collectionId, userId } });
  });
}
