import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureEmbeddedDatabase, startScratchDatabase, type EmbeddedDatabase } from "@/tools/embedded-db/process";
import { deployMigrations } from "@/tools/migrate";
import { createPrismaClient } from "@/lib/prisma-client";

describe("the embedded server under a connection pool", () => {
  let db: EmbeddedDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await startScratchDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 10 });
    await pool.query("create table counter (id int primary key, n int not null)");
    await pool.query("insert into counter values (1, 0)");
  });
  afterAll(async () => {
    await pool.end();
    await db.release();
  });

  it("serves many connections at once", async () => {
    const clients = await Promise.all(Array.from({ length: 10 }, () => pool.connect()));
    const pids = await Promise.all(
      clients.map((c) => c.query("select 1 as one").then((r) => r.rows[0] as { one: number })),
    );
    clients.forEach((c) => c.release());
    expect(pids).toHaveLength(10);
  });

  it("keeps each parameterised query's answer with its caller", async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        pool.query<{ v: number }>("select $1::int as v", [i]).then((r) => r.rows[0]?.v),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it("keeps each connection's extended-protocol messages together, whatever the other connections send", async () => {
    // Two different statements with the same parameter types: if one connection's Bind ran against the
    // other's Parse, the answer would come back from the wrong statement (silently wrong, or an error).
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        pool
          .query<{ v: number }>(i % 2 ? "select $1::int + 100000 as v" : "select $1::int as v", [i])
          .then((r) => r.rows[0]?.v),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 300 }, (_, i) => (i % 2 ? i + 100_000 : i)));
  });

  it("never interleaves concurrent read-modify-write transactions", async () => {
    const transactions = 60;
    await Promise.all(
      Array.from({ length: transactions }, async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query<{ n: number }>("select n from counter where id = 1");
          // Give other transactions every chance to run between the read and the write.
          await new Promise((resolve) => setTimeout(resolve, 2));
          await client.query("update counter set n = $1 where id = 1", [(rows[0]?.n ?? 0) + 1]);
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query<{ n: number }>("select n from counter where id = 1");
    expect(rows[0]?.n).toBe(transactions);
  });

  it("rolls back a failed transaction without leaking its writes to other connections", async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("update counter set n = -1 where id = 1");
      await expect(client.query("select no_such_column from counter")).rejects.toThrow();
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
    const { rows } = await pool.query<{ n: number }>("select n from counter where id = 1");
    expect(rows[0]?.n).toBeGreaterThanOrEqual(0);
  });

  it("never lets another connection's rolled-back transaction take an acknowledged write with it", async () => {
    // Autocommit inserts arrive as Parse/Bind/Execute/Sync, one message at a time. Were another connection's
    // BEGIN to run between an insert's Execute and its Sync, the insert would join that transaction and be
    // rolled back with it, after the client was told it was written.
    await pool.query("create table acknowledged (id int primary key)");
    const writes = Array.from({ length: 3000 }, (_, i) => i);
    const acknowledged: number[] = [];
    await Promise.all([
      ...writes.map((i) =>
        pool.query("insert into acknowledged values ($1)", [i]).then(() => {
          acknowledged.push(i);
        }),
      ),
      ...Array.from({ length: 600 }, async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await client.query("update counter set n = n where id = $1", [1]);
          await client.query("ROLLBACK");
        } finally {
          client.release();
        }
      }),
    ]);
    const { rows } = await pool.query<{ n: number }>("select count(*)::int as n from acknowledged");
    expect(acknowledged).toHaveLength(writes.length);
    expect(rows[0]?.n).toBe(acknowledged.length);
  });
});

describe("the embedded database on disk", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dailypapers-embedded-"));
  const dataDir = path.join(dir, "pglite");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps its data across restarts and is shared by a second process while running", async () => {
    const first = await ensureEmbeddedDatabase({ dataDir });
    expect(first.owned).toBe(true);
    await deployMigrations(first.url, { embeddedDir: dataDir });
    const prisma = createPrismaClient(first.url, 2);
    await prisma.user.create({ data: { id: "persisted", username: "persisted" } });
    await prisma.$disconnect();

    const second = await ensureEmbeddedDatabase({ dataDir });
    expect(second.owned).toBe(false);
    expect(second.url).toBe(first.url);
    await second.release();
    await first.release();
    expect(fs.existsSync(`${dataDir}.server.json`)).toBe(false);

    const again = await ensureEmbeddedDatabase({ dataDir });
    try {
      const reopened = createPrismaClient(again.url, 2);
      expect(await reopened.user.findUnique({ where: { id: "persisted" }, select: { username: true } })).toEqual({
        username: "persisted",
      });
      await reopened.$disconnect();
    } finally {
      await again.release();
    }
  });

  it("serialises two migration runs against the same embedded database", async () => {
    const db = await ensureEmbeddedDatabase({ dataDir: path.join(dir, "race") });
    try {
      const [a, b] = await Promise.all([
        deployMigrations(db.url, { embeddedDir: path.join(dir, "race") }),
        deployMigrations(db.url, { embeddedDir: path.join(dir, "race") }),
      ]);
      expect(a.length + b.length).toBeGreaterThan(0);
      expect(Math.min(a.length, b.length)).toBe(0);
    } finally {
      await db.release();
    }
  });
});
