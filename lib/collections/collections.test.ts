import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import {
  collectionPapersForExport,
  getCollectionEntries,
  getReadableCollection,
  getSaveTargets,
} from "@/lib/collections/data";
import {
  addToCollection,
  createCollection,
  importCollection,
  moveItem,
  removeFromCollection,
  setItemNote,
  shareCollection,
  updateCollection,
} from "@/lib/collections/mutations";
import { collectionNameField, createCollectionSchema, shareSchema } from "@/lib/collections/schema";
import { citationStream } from "@/lib/citations/stream";
import { findCitationExport } from "@/lib/citations/sources";
import { deleteUser } from "@/lib/settings/mutations";
import { MEMBER_CAPS } from "@/lib/rate-limits";

const run = randomUUID().slice(0, 8);
const base = Date.now() % 80_000;
const paperIds = Array.from({ length: 6 }, (_, i) => `2610.${String(base + i).padStart(5, "0")}`);
const hiddenId = `2610.${String(base + 6).padStart(5, "0")}`;
const [owner, reader, stranger, leaving] = ["owner", "reader", "stranger", "leaving"].map(
  (who) => `col_${run}_${who}`,
) as [string, string, string, string];
const readerHandle = `col-${run}-reader`;

const order = async (collectionId: string) => (await getCollectionEntries(collectionId)).map((entry) => entry.paper.id);

beforeAll(async () => {
  await prisma.paper.createMany({
    data: [...paperIds, hiddenId].map((id, index) => ({
      id,
      title: `Paper ${index} on $x^2$ and LLMs`,
      abstract: "Abstract.",
      authors: ["Ada Lovelace", "Alan Turing"],
      categories: ["cs.CL"],
      publishedAt: new Date(Date.UTC(2025, 0, 1 + index)),
      hiddenAt: id === hiddenId ? new Date() : null,
    })),
  });
  await prisma.user.createMany({
    data: [{ id: owner }, { id: reader, username: readerHandle }, { id: stranger }, { id: leaving }],
  });
});

afterAll(async () => {
  await prisma.user.deleteMany({ where: { id: { in: [owner, reader, stranger, leaving] } } });
  await prisma.paper.deleteMany({ where: { id: { in: [...paperIds, hiddenId] } } });
});

describe("a collection's papers", () => {
  it("keeps papers in the order they were added, each once, and refuses hidden papers and other members", async () => {
    const { id } = await createCollection(owner, { name: "Reading", visibility: "PRIVATE", paperId: paperIds[0] });
    expect(await addToCollection(owner, id, paperIds[1]!)).toBe(true);
    expect(await addToCollection(owner, id, paperIds[2]!)).toBe(true);
    expect(await addToCollection(owner, id, paperIds[1]!)).toBe(false);
    expect(await order(id)).toEqual(paperIds.slice(0, 3));
    await expect(addToCollection(owner, id, hiddenId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addToCollection(owner, id, "2610.99999")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addToCollection(stranger, id, paperIds[3]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeFromCollection(stranger, id, paperIds[0]!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await removeFromCollection(owner, id, paperIds[1]!)).toBe(true);
    expect(await removeFromCollection(owner, id, paperIds[1]!)).toBe(false);
    expect(await order(id)).toEqual([paperIds[0], paperIds[2]]);
    expect(await getSaveTargets(owner, paperIds[2]!)).toEqual([{ id, name: "Reading", contains: true }]);
    expect(await getSaveTargets(owner, paperIds[1]!)).toEqual([{ id, name: "Reading", contains: false }]);
  });

  it("gives papers added at once distinct places, and loses none", async () => {
    const { id } = await createCollection(owner, { name: "Burst", visibility: "PRIVATE" });
    await Promise.all(paperIds.map((paperId) => addToCollection(owner, id, paperId)));
    const rows = await prisma.collectionItem.findMany({ where: { collectionId: id }, select: { position: true } });
    expect(rows).toHaveLength(paperIds.length);
    expect(new Set(rows.map((row) => row.position)).size).toBe(paperIds.length);
  });

  it("moves a paper up, down, to the top and to the bottom", async () => {
    const { id } = await createCollection(owner, { name: "Order", visibility: "PRIVATE" });
    for (const paperId of paperIds.slice(0, 4)) await addToCollection(owner, id, paperId);
    const [a, b, c, d] = paperIds as [string, string, string, string];
    await moveItem(owner, id, c, "up");
    expect(await order(id)).toEqual([a, c, b, d]);
    await moveItem(owner, id, a, "down");
    expect(await order(id)).toEqual([c, a, b, d]);
    await moveItem(owner, id, d, "top");
    expect(await order(id)).toEqual([d, c, a, b]);
    await moveItem(owner, id, d, "bottom");
    expect(await order(id)).toEqual([c, a, b, d]);
    await moveItem(owner, id, c, "up");
    await moveItem(owner, id, d, "down");
    expect(await order(id)).toEqual([c, a, b, d]);
    await expect(moveItem(stranger, id, c, "down")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps a note as Markdown and its sanitised HTML", async () => {
    const { id } = await createCollection(owner, { name: "Notes", visibility: "PRIVATE", paperId: paperIds[0] });
    await setItemNote(owner, id, paperIds[0]!, "**Key** result: $O(n)$ <script>alert(1)</script>");
    const [entry] = await getCollectionEntries(id);
    expect(entry!.note).toContain("<script>");
    expect(entry!.noteHtml).toContain("<strong>Key</strong>");
    expect(entry!.noteHtml).toContain("katex");
    expect(entry!.noteHtml).not.toContain("<script>");
    await expect(setItemNote(owner, id, paperIds[5]!, "x")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("who may read a collection", () => {
  it("shows a private one to its owner only, a shared one to those it is shared with, a public one to all", async () => {
    const { id } = await createCollection(owner, { name: "Secret", visibility: "PRIVATE", paperId: paperIds[0] });
    expect(await getReadableCollection(id, owner)).toMatchObject({ name: "Secret", itemCount: 1 });
    expect(await getReadableCollection(id, reader)).toBeNull();
    expect(await getReadableCollection(id, null)).toBeNull();
    expect(await findCitationExport("collection", [id], null)).toBeNull();

    expect(await shareCollection(owner, id, readerHandle)).toMatchObject({ visibility: "SHARED" });
    expect(await getReadableCollection(id, reader)).toMatchObject({ name: "Secret", shares: [] });
    expect((await getReadableCollection(id, owner))!.shares.map((share) => share.userId)).toEqual([reader]);
    expect(await getReadableCollection(id, stranger)).toBeNull();
    await expect(shareCollection(owner, id, "no-such-handle-x")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(shareCollection(reader, id, readerHandle)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await updateCollection(owner, { collectionId: id, name: "Open", description: "Hi *all*", visibility: "PUBLIC" });
    expect(await getReadableCollection(id, null)).toMatchObject({
      name: "Open",
      descriptionHtml: expect.stringContaining("<em>all</em>"),
    });
    await updateCollection(owner, { collectionId: id, name: "Open", description: "", visibility: "PRIVATE" });
    expect(await getReadableCollection(id, reader)).toBeNull();
    await expect(
      updateCollection(stranger, { collectionId: id, name: "Mine", description: "", visibility: "PUBLIC" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("goes with its owner's account", async () => {
    const { id } = await createCollection(leaving, { name: "Gone", visibility: "PUBLIC", paperId: paperIds[0] });
    await deleteUser(leaving);
    expect(await prisma.collection.findUnique({ where: { id } })).toBeNull();
    expect(await prisma.collectionItem.count({ where: { collectionId: id } })).toBe(0);
  });

  it("refuses a collection past the cap, with a sentence", async () => {
    const many = `col_${run}_many`;
    await prisma.user.create({ data: { id: many } });
    try {
      await prisma.collection.createMany({
        data: Array.from({ length: MEMBER_CAPS.collections }, (_, i) => ({ ownerId: many, name: `C${i}` })),
      });
      await expect(createCollection(many, { name: "One more", visibility: "PRIVATE" })).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining(`${MEMBER_CAPS.collections} collections`),
      });
    } finally {
      await prisma.user.delete({ where: { id: many } });
    }
  });
});

describe("collection input", () => {
  it("trims names and refuses empty, overlong, control and direction characters", () => {
    expect(collectionNameField.parse("  Reading\n list ")).toBe("Reading list");
    for (const bad of ["", "   ", "x".repeat(81), "a\u0000b", "a\u202Eb"]) {
      expect(collectionNameField.safeParse(bad).success).toBe(false);
    }
    expect(createCollectionSchema.safeParse({ name: "A", visibility: "EVERYONE" }).success).toBe(false);
    expect(createCollectionSchema.safeParse({ name: "A", paperId: "../etc" }).success).toBe(false);
    expect(shareSchema.parse({ collectionId: "abc", username: " @Ada-L " }).username).toBe("ada-l");
  });
});

describe("exports", () => {
  it("streams a collection of more than one batch, in its order, as BibTeX, RIS and CSL-JSON", async () => {
    const many = Array.from({ length: 1_203 }, (_, i) => `2610.${String((base + 100 + i) % 100_000).padStart(5, "0")}`);
    await prisma.paper.createMany({
      data: many.map((id, i) => ({
        id,
        title: `Bulk ${i}`,
        abstract: "A.",
        authors: ["Bo Li"],
        publishedAt: new Date(),
      })),
    });
    try {
      const { id } = await createCollection(owner, { name: "Bulk", visibility: "PRIVATE" });
      await prisma.collectionItem.createMany({
        data: many.map((paperId, i) => ({ collectionId: id, paperId, position: many.length - i })),
      });
      const read = async (format: "bibtex" | "ris" | "csl-json") =>
        new Response(citationStream(format, collectionPapersForExport(id))).text();
      const csl = JSON.parse(await read("csl-json")) as { id: string }[];
      expect(csl.map((item) => item.id)).toEqual([...many].reverse());
      const bib = await read("bibtex");
      expect(bib.match(/^@misc\{/gm)).toHaveLength(many.length);
      expect(new Set(bib.match(/^@misc\{[^,]+,/gm)).size).toBe(many.length);
      expect((await read("ris")).match(/^ER {2}-/gm)).toHaveLength(many.length);
    } finally {
      await prisma.paper.deleteMany({ where: { id: { in: many } } });
    }
  });
});

describe("importing a library", () => {
  it("makes a private collection of the papers here, in the file's order, and names those that are not", async () => {
    const wanted = [paperIds[2]!, "2610.99998", paperIds[0]!, hiddenId];
    const imported = await importCollection(owner, "From Zotero", wanted);
    expect(imported).toMatchObject({ added: 2, notHere: ["2610.99998", hiddenId] });
    expect(await order(imported.id)).toEqual([paperIds[2], paperIds[0]]);
    expect(await getReadableCollection(imported.id, owner)).toMatchObject({
      name: "From Zotero",
      visibility: "PRIVATE",
    });
  });
});
