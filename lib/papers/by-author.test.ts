import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { authorNameOf, getAuthorPapers, MAX_AUTHOR_NAME } from "@/lib/papers/by-author";

const run = randomUUID().slice(0, 8);
const author = `Ada Byauthor ${run}`;
const base = Date.now() % 90_000;
const ids = [0, 1, 2, 3].map((i) => `2610.${String(base + i).padStart(5, "0")}`) as [string, string, string, string];
const [older, newer, hidden, namesake] = ids;

beforeAll(async () => {
  const paper = (id: string, authors: string[], day: string, hiddenAt: Date | null = null) => ({
    id,
    title: `By author ${id}`,
    abstract: "x",
    authors,
    publishedAt: new Date(`${day}T00:00:00Z`),
    hiddenAt,
  });
  await prisma.paper.createMany({
    data: [
      paper(older, [author, "B. Other"], "2024-01-01"),
      paper(newer, ["C. First", author], "2024-06-01"),
      paper(hidden, [author], "2024-07-01", new Date()),
      // A longer name that contains the author's: not theirs.
      paper(namesake, [`${author} Jr.`], "2024-08-01"),
    ],
  });
});

afterAll(async () => {
  await prisma.paper.deleteMany({ where: { id: { in: ids } } });
});

describe("an author's papers", () => {
  it("are those with the name among the authors exactly, visible ones, the most recent first", async () => {
    const { papers, total } = await getAuthorPapers(author);
    expect(papers.map((p) => p.id)).toEqual([newer, older]);
    expect(total).toBe(2);
  });

  it("are none for a name no paper has, which is not an error", async () => {
    expect(await getAuthorPapers(`Nobody ${run}`)).toEqual({ papers: [], total: 0 });
  });
});

describe("the name in an author's address", () => {
  it.each([
    ["Daya%20Guo", "Daya Guo"],
    ["%20%20Daya%20Guo%20", "Daya Guo"],
    ["Jos%C3%A9%20Garc%C3%ADa", "José García"],
    ["O%27Brien%2C%20J.", "O'Brien, J."],
  ])("reads %s as %s", (segment, name) => {
    expect(authorNameOf(segment)).toBe(name);
  });

  it.each([
    ["a broken escape", "Daya%2"],
    ["nothing but spaces", "%20%20"],
    ["a control character", "Daya%00Guo"],
    ["a direction override", "Daya%E2%80%AEGuo"],
    ["a name too long", "a".repeat(MAX_AUTHOR_NAME + 1)],
  ])("refuses %s", (_, segment) => {
    expect(authorNameOf(segment)).toBeNull();
  });
});
