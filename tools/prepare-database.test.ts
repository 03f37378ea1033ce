import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { createPrismaClient } from "@/lib/db/create-client";
import { demoPapers } from "@/prisma/seed/demo-papers";
import { scratchRoot } from "@/tools/embedded-db/postgres";
import { prepareDatabase } from "@/tools/prepare-database";

describe("what npm start does to the embedded database", () => {
  const dir = scratchRoot();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const env = parseEnv({ EMBEDDED_DB_DIR: path.join(dir, "postgres") });

  it("migrates and seeds on the first start, and keeps what happened in between on the second", async () => {
    const first = await prepareDatabase(env);
    const paperId = demoPapers[0]?.arxivId ?? "";
    let votes: number;
    try {
      expect(first.embeddedDir).toBe(env.EMBEDDED_DB_DIR);
      const prisma = createPrismaClient(first.url, 2);
      await prisma.user.create({ data: { id: "restart_voter", username: "restart-voter" } });
      await prisma.upvote.create({ data: { userId: "restart_voter", paperId } });
      votes = (await prisma.paper.findUniqueOrThrow({ where: { id: paperId } })).upvoteCount;
      await prisma.$disconnect();
    } finally {
      await first.release();
    }

    const second = await prepareDatabase(env);
    try {
      const prisma = createPrismaClient(second.url, 2);
      expect(await prisma.upvote.count({ where: { userId: "restart_voter" } })).toBe(1);
      expect((await prisma.paper.findUniqueOrThrow({ where: { id: paperId } })).upvoteCount).toBe(votes);
      expect(await prisma.paper.count()).toBe(demoPapers.length);
      await prisma.$disconnect();
    } finally {
      await second.release();
    }
  });
});
