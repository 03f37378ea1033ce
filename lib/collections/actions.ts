"use server";

import type { ActionResult } from "@/lib/actions/result";
import { authAction } from "@/lib/actions/safe-action";
import { readLibrary } from "@/lib/citations/library";
import { getSaveTargets } from "@/lib/collections/data";
import {
  addToCollection,
  createCollection,
  deleteCollection,
  importCollection,
  moveItem,
  removeFromCollection,
  setItemNote,
  shareCollection,
  unshareCollection,
  updateCollection,
} from "@/lib/collections/mutations";
import {
  collectionItemSchema,
  collectionRefSchema,
  createCollectionSchema,
  importLibrarySchema,
  itemNoteSchema,
  moveItemSchema,
  shareSchema,
  unshareSchema,
  updateCollectionSchema,
  type SaveTarget,
  type Visibility,
} from "@/lib/collections/schema";
import { paperIdSchema } from "@/lib/papers/id-schema";
import { rateLimit, tryAgainIn } from "@/lib/rate-limits";
import { z } from "zod";

/** The member's own collections, signed in: every action below checks that they own what they change. */

const itemLimit = {
  rateLimit: () => rateLimit("collection-item"),
  rateLimitedMessage: (seconds: number) => `That is a lot of changes at once. ${tryAgainIn(seconds)}`,
  signedOutMessage: "Sign in to keep collections.",
};
const changeLimit = {
  rateLimit: () => rateLimit("collection-change"),
  rateLimitedMessage: (seconds: number) => `That is a lot of collection changes at once. ${tryAgainIn(seconds)}`,
  signedOutMessage: "Sign in to keep collections.",
};

const saveTargets = authAction(
  { schema: z.object({ paperId: paperIdSchema }), signedOutMessage: itemLimit.signedOutMessage },
  async ({ user, input }) => ({ collections: await getSaveTargets(user.id, input.paperId) }),
);
/** The member's collections for a paper's Save menu, each saying whether the paper is in it. */
export async function saveTargetsAction(input: {
  paperId: string;
}): Promise<ActionResult<{ collections: SaveTarget[] }>> {
  return saveTargets(input);
}

const create = authAction({ schema: createCollectionSchema, ...changeLimit }, async ({ user, input }) =>
  createCollection(user.id, input),
);
/** A new collection (with `paperId` in it, from a Save menu). */
export async function createCollectionAction(input: {
  name: string;
  visibility?: Visibility;
  paperId?: string;
}): Promise<ActionResult<{ id: string }>> {
  return create(input);
}

const importLibrary = authAction({ schema: importLibrarySchema, ...changeLimit }, async ({ user, input }) => {
  const library = readLibrary(input.text, input.filename);
  const imported = await importCollection(user.id, input.name, library.arxivIds);
  return { ...imported, entries: library.entries, arxivEntries: library.arxivIds.length };
});
/**
 * A new private collection from a reference manager's export (BibTeX, RIS or CSL-JSON, read in the browser and
 * sent as text): the file's arXiv papers that are here. The answer says how many entries, arXiv papers, papers
 * added, and which arXiv ids are not here.
 */
export async function importLibraryAction(input: {
  name: string;
  filename: string;
  text: string;
}): Promise<ActionResult<{ id: string; added: number; notHere: string[]; entries: number; arxivEntries: number }>> {
  return importLibrary(input);
}

const update = authAction({ schema: updateCollectionSchema, ...changeLimit }, async ({ user, input }) => {
  await updateCollection(user.id, input);
  return {};
});
export async function updateCollectionAction(input: {
  collectionId: string;
  name: string;
  description: string;
  visibility: Visibility;
}): Promise<ActionResult> {
  return update(input);
}

const remove = authAction({ schema: collectionRefSchema, ...changeLimit }, async ({ user, input }) => {
  await deleteCollection(user.id, input.collectionId);
  return {};
});
export async function deleteCollectionAction(input: { collectionId: string }): Promise<ActionResult> {
  return remove(input);
}

const add = authAction({ schema: collectionItemSchema, ...itemLimit }, async ({ user, input }) => ({
  added: await addToCollection(user.id, input.collectionId, input.paperId),
}));
export async function addToCollectionAction(input: {
  collectionId: string;
  paperId: string;
}): Promise<ActionResult<{ added: boolean }>> {
  return add(input);
}

const takeOut = authAction({ schema: collectionItemSchema, ...itemLimit }, async ({ user, input }) => ({
  removed: await removeFromCollection(user.id, input.collectionId, input.paperId),
}));
export async function removeFromCollectionAction(input: {
  collectionId: string;
  paperId: string;
}): Promise<ActionResult<{ removed: boolean }>> {
  return takeOut(input);
}

const note = authAction({ schema: itemNoteSchema, ...itemLimit }, async ({ user, input }) => {
  await setItemNote(user.id, input.collectionId, input.paperId, input.note);
  return {};
});
export async function setItemNoteAction(input: {
  collectionId: string;
  paperId: string;
  note: string;
}): Promise<ActionResult> {
  return note(input);
}

const move = authAction({ schema: moveItemSchema, ...itemLimit }, async ({ user, input }) => {
  await moveItem(user.id, input.collectionId, input.paperId, input.move);
  return {};
});
export async function moveItemAction(input: {
  collectionId: string;
  paperId: string;
  move: "up" | "down" | "top" | "bottom";
}): Promise<ActionResult> {
  return move(input);
}

const share = authAction({ schema: shareSchema, ...changeLimit }, async ({ user, input }) =>
  shareCollection(user.id, input.collectionId, input.username),
);
export async function shareCollectionAction(input: {
  collectionId: string;
  username: string;
}): Promise<ActionResult<{ name: string; visibility: Visibility }>> {
  return share(input);
}

const unshare = authAction({ schema: unshareSchema, ...changeLimit }, async ({ user, input }) => {
  await unshareCollection(user.id, input.collectionId, input.userId);
  return {};
});
export async function unshareCollectionAction(input: { collectionId: string; userId: string }): Promise<ActionResult> {
  return unshare(input);
}
