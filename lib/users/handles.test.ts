import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseHfDaily } from "@/lib/ingest/hf-daily";
import { storeHfDaily } from "@/lib/ingest/store";
import { createPrismaClient } from "@/lib/db/create-client";
import { importedUsernameCandidates } from "@/lib/users/handles";
import { isReservedUsername, usernameSchema } from "@/lib/users/schema";
import { createFreshDatabase, type FreshDatabase } from "@/tests/support/databases";
import { deployMigrations } from "@/tools/migrate";

/** Issue 20: members imported from the Hugging Face mirror could take reserved handles (`admin`, `settings`). */

describe("reserved handles", () => {
  it("are reserved however an outside site spells them", () => {
    for (const name of ["admin", "Admin", "SETTINGS", "daily_papers", "Daily.Papers", " api "]) {
      expect(isReservedUsername(name), name).toBe(true);
    }
    for (const name of ["ada", "admin-hf", "administrators", "settings2"]) {
      expect(isReservedUsername(name), name).toBe(false);
    }
  });

  it("are never offered for an imported member", () => {
    expect(importedUsernameCandidates("admin")[0]).toBe("admin-hf");
    expect(importedUsernameCandidates("Settings")[0]).toBe("Settings-hf");
    expect(importedUsernameCandidates("ada")[0]).toBe("ada");
    for (const handle of ["admin", "Settings", "daily_papers", "ada"]) {
      expect(importedUsernameCandidates(handle).filter(isReservedUsername), handle).toEqual([]);
    }
    // Settings refuses them to members here alike.
    expect(usernameSchema.safeParse("admin").success).toBe(false);
  });
});

describe("the Hugging Face mirror's members", () => {
  let db: FreshDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createFreshDatabase();
    await deployMigrations(db.url);
    prisma = createPrismaClient(db.url, 2);
  });

  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it("get no reserved handle when the submitter on Hugging Face is called admin or settings", async () => {
    const fixture = path.resolve(
      import.meta.dirname,
      "../../tests/fixtures/ingest/hf-daily-papers_2026-06-12_sotawhat-fixture.json",
    );
    const parsed = parseHfDaily(JSON.parse(readFileSync(fixture, "utf8")) as unknown);
    if (parsed.kind !== "records") throw new Error(parsed.message);
    const handles = ["admin", "Settings", "daily_papers"];
    const records = parsed.records
      .slice(0, handles.length)
      .map((record, i) => ({ ...record, submitter: { username: handles[i]!, fullname: `Outsider ${i}` } }));
    await storeHfDaily(prisma, records);
    const members = await prisma.user.findMany({
      where: { name: { startsWith: "Outsider" } },
      select: { username: true },
    });
    expect(members.map((member) => member.username).sort()).toEqual(["Settings-hf", "admin-hf", "daily_papers-hf"]);
  });
});
