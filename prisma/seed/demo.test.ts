import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-client";
import { deployMigrations } from "@/tools/migrate";
import { demoPapers } from "@/prisma/seed/demo-papers";
import { seedDemoData } from "@/prisma/seed/demo";
import { createFreshDatabase } from "@/tests/support/databases";

describe("the demo data", () => {
  const fresh = createFreshDatabase();
  afterAll(async () => (await fresh).drop());

  it("keeps titles and abstracts verbatim, LaTeX escapes included", () => {
    expect(demoPapers.some((p) => p.abstract.includes("\\%"))).toBe(true);
    expect(new Set(demoPapers.map((p) => p.arxivId)).size).toBe(demoPapers.length);
    for (const paper of demoPapers) expect(paper.arxivId).toMatch(/^\d{4}\.\d{4,5}$/);
  });

  it("spreads the papers over several recent days, loads idempotently, and has exact vote counts", async () => {
    const db = await fresh;
    await deployMigrations(db.url);
    const prisma = createPrismaClient(db.url, 2);
    try {
      const today = new Date("2026-03-10T15:00:00Z");
      const first = await seedDemoData(prisma, today);
      expect(first.papers).toBe(demoPapers.length);
      expect(first.upvotes).toBeGreaterThan(0);
      const second = await seedDemoData(prisma, today);
      expect(second.upvotes).toBe(0);
      expect(await prisma.paper.count()).toBe(demoPapers.length);

      const days = await prisma.dailyPaper.groupBy({ by: ["day"], _count: true, orderBy: { day: "desc" } });
      expect(days.length).toBeGreaterThanOrEqual(3);
      expect(days[0]?.day.toISOString()).toBe("2026-03-10T00:00:00.000Z");

      const papers = await prisma.paper.findMany({
        select: { id: true, upvoteCount: true, _count: { select: { upvotes: true } } },
      });
      for (const paper of papers) expect(paper.upvoteCount).toBe(paper._count.upvotes);
    } finally {
      await prisma.$disconnect();
    }
  });
});
