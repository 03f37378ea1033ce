import { setTimeout as sleep } from "node:timers/promises";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ensureEmbeddedDatabase, startScratchDatabase } from "@/tools/embedded-db/process";
import { isAlive, readPostmaster, scratchRoot } from "@/tools/embedded-db/postgres";
import { deployMigrations } from "@/tools/migrate";
import { createPrismaClient } from "@/lib/db/create-client";
import { TSX_NODE_ARGS } from "@/tools/tsx-node-args";

const root = path.resolve(import.meta.dirname, "../..");

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A process that has exited but not been reaped (its parent, killed, cannot; init may be slow to). */
function isZombie(pid: number): boolean {
  try {
    return /^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function postmasterPid(dataDir: string): number {
  const state = readPostmaster(dataDir);
  if (!state) throw new Error(`no postmaster.pid in ${dataDir}`);
  return state.pid;
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await sleep(50);
  }
  return Date.now() - started;
}

/** The durability writer (durability-writer.ts) in a Node process of its own, with the ids it was told are committed. */
function startWriter(dataDir: string): { child: ChildProcess; acknowledged: number[]; ready: Promise<void> } {
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, path.join(import.meta.dirname, "durability-writer.ts")], {
    cwd: root,
    env: { ...process.env, EMBEDDED_DB_DIR: dataDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const acknowledged: number[] = [];
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    if (line.startsWith("ready")) ready();
    else acknowledged.push(Number(line));
  });
  return { child, acknowledged, ready: readyPromise };
}

async function storedIds(url: string): Promise<Set<number>> {
  const rows = await withClient(url, (c) => c.query<{ id: number }>("select id from acknowledged"));
  return new Set(rows.rows.map((r) => r.id));
}

describe("the embedded PostgreSQL", () => {
  const dir = scratchRoot();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is a real PostgreSQL: a backend per connection, pg_trgm, and durable commits (an fsync per commit)", async () => {
    const dataDir = path.join(dir, "durable");
    const db = await ensureEmbeddedDatabase({ dataDir });
    try {
      await withClient(db.url, async (client) => {
        const settings = await client.query<{ fsync: string; sync: string; fpw: string }>(
          "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sync, current_setting('full_page_writes') as fpw",
        );
        expect(settings.rows[0]).toEqual({ fsync: "on", sync: "on", fpw: "on" });
        await client.query("create extension if not exists pg_trgm");
        await client.query("create table votes (id serial primary key)");
        const walFsyncs = async () => {
          await client.query("select pg_stat_force_next_flush()");
          const { rows } = await client.query<{ n: number }>(
            "select coalesce(sum(fsyncs), 0)::int as n from pg_stat_io where object = 'wal'",
          );
          return rows[0]?.n ?? 0;
        };
        const before = await walFsyncs();
        for (let i = 0; i < 40; i++) await client.query("insert into votes default values");
        // Each autocommit insert waits for its WAL to reach the disk before it is acknowledged.
        expect((await walFsyncs()) - before).toBeGreaterThanOrEqual(40);
      });
      const pids = await Promise.all(
        Array.from({ length: 5 }, () =>
          withClient(db.url, async (c) => {
            const { rows } = await c.query<{ pid: number }>("select pg_backend_pid() as pid, pg_sleep(0.2)");
            return rows[0]?.pid;
          }),
        ),
      );
      expect(new Set(pids).size).toBe(5);
    } finally {
      await db.release();
    }
  });

  it("keeps its data across restarts, and a second command shares the running server", async () => {
    const dataDir = path.join(dir, "restarts");
    const first = await ensureEmbeddedDatabase({ dataDir });
    expect(first.owned).toBe(true);
    await deployMigrations(first.url);
    const prisma = createPrismaClient(first.url, 2);
    await prisma.user.create({ data: { id: "persisted", username: "persisted" } });
    await prisma.$disconnect();

    const second = await ensureEmbeddedDatabase({ dataDir });
    expect(second.owned).toBe(false);
    expect(second.url).toBe(first.url);
    await second.release();
    await first.release();
    expect(readPostmaster(dataDir)).toBeUndefined();

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

  it("loses no acknowledged write when its server is killed (kill -9) mid-load", async () => {
    const dataDir = path.join(dir, "kill-server");
    const writer = startWriter(dataDir);
    await writer.ready;
    await waitFor(() => writer.acknowledged.length >= 200, 30_000);
    process.kill(postmasterPid(dataDir), "SIGKILL");
    const writerExited = new Promise((resolve) => writer.child.once("exit", resolve));
    await writerExited; // its connection broke: the insert in flight was never acknowledged
    const db = await ensureEmbeddedDatabase({ dataDir, onUnrecoverable: () => {} });
    try {
      const stored = await storedIds(db.url);
      expect(writer.acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await db.release();
    }
  });

  it("loses no acknowledged write when the Node process that started it is killed (kill -9), then the server too", async () => {
    const dataDir = path.join(dir, "kill-node");
    const writer = startWriter(dataDir);
    await writer.ready;
    await waitFor(() => writer.acknowledged.length >= 200, 30_000);
    writer.child.kill("SIGKILL");
    await new Promise((resolve) => writer.child.once("exit", resolve));
    // The server outlives its Node process; the next command finds it by postmaster.pid and uses it.
    const orphan = postmasterPid(dataDir);
    expect(isAlive(orphan)).toBe(true);
    const reused = await ensureEmbeddedDatabase({ dataDir });
    expect(reused.owned).toBe(false);
    let stored = await storedIds(reused.url);
    expect(writer.acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    process.kill(orphan, "SIGKILL");
    await waitFor(() => !isAlive(orphan), 5000);
    const restarted = await ensureEmbeddedDatabase({ dataDir, onUnrecoverable: () => {} });
    try {
      stored = await storedIds(restarted.url);
      expect(writer.acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await restarted.release();
    }
  });

  it("is started again on the same port when it dies while npm start keeps it (the site is back within 10 s)", async () => {
    const dataDir = path.join(dir, "supervised");
    const failures: unknown[] = [];
    const db = await ensureEmbeddedDatabase({ dataDir, onUnrecoverable: (error) => failures.push(error) });
    try {
      await withClient(db.url, (c) => c.query("create table kept (id int primary key); insert into kept values (1)"));
      const first = postmasterPid(dataDir);
      process.kill(first, "SIGKILL");
      const backAfterMs = await waitFor(async () => {
        const state = readPostmaster(dataDir);
        if (!state?.ready || state.pid === first) return false;
        return withClient(db.url, () => Promise.resolve(true)).catch(() => false);
      }, 10_000);
      const { rows } = await withClient(db.url, (c) => c.query<{ id: number }>("select id from kept"));
      expect(rows).toEqual([{ id: 1 }]);
      expect(failures).toEqual([]);
      expect(backAfterMs).toBeLessThan(10_000);
    } finally {
      await db.release();
    }
    expect(readPostmaster(dataDir)).toBeUndefined();
  });

  it("is kept alive by a second npm start when the first one, stopping, stops it", async () => {
    // The first npm start's parent was killed: it stops gracefully, its server with it, while the next one
    // has just found that server running under a live keeper and shares it.
    const dataDir = path.join(dir, "handover");
    const failures: unknown[] = [];
    const first = await ensureEmbeddedDatabase({ dataDir, onUnrecoverable: (error) => failures.push(error) });
    await withClient(first.url, (c) => c.query("create table kept (id int primary key); insert into kept values (1)"));
    const next = await ensureEmbeddedDatabase({ dataDir, onUnrecoverable: (error) => failures.push(error) });
    expect(next.owned).toBe(false);
    await first.release();
    try {
      const backAfterMs = await waitFor(
        () => withClient(next.url, () => Promise.resolve(true)).catch(() => false),
        10_000,
      );
      const { rows } = await withClient(next.url, (c) => c.query<{ id: number }>("select id from kept"));
      expect(rows).toEqual([{ id: 1 }]);
      expect(next.owned).toBe(true);
      expect(failures).toEqual([]);
      expect(backAfterMs).toBeLessThan(5_000);
    } finally {
      await next.release();
    }
    expect(readPostmaster(dataDir)).toBeUndefined();
  });

  it.runIf(process.platform === "linux")(
    "stops a script run by scripts/run.mjs (npm start and the rest) when run.mjs is killed (kill -9)",
    async () => {
      const dataDir = path.join(dir, "run-killed");
      const launcher = spawn(process.execPath, ["scripts/run.mjs", "tools/embedded-db/durability-writer.ts"], {
        cwd: root,
        env: { ...process.env, EMBEDDED_DB_DIR: dataDir },
        stdio: ["ignore", "pipe", "inherit"],
      });
      await new Promise<void>((resolve) =>
        readline.createInterface({ input: launcher.stdout! }).on("line", (line) => {
          if (line.startsWith("ready")) resolve();
        }),
      );
      const children = fs.readFileSync(`/proc/${launcher.pid}/task/${launcher.pid}/children`, "utf8");
      const script = Number(children.trim().split(/\s+/)[0]);
      expect(isAlive(script)).toBe(true);
      launcher.kill("SIGKILL");
      // Before, the script ran on without its parent: `npm start`'s app kept its port, and the next
      // `npm start` failed with EADDRINUSE.
      const goneAfterMs = await waitFor(() => !isAlive(script) || isZombie(script), 5_000);
      expect(goneAfterMs).toBeLessThan(5_000);
      const orphan = readPostmaster(dataDir)?.pid;
      if (orphan) process.kill(orphan, "SIGINT");
      if (orphan) await waitFor(() => !isAlive(orphan), 10_000);
    },
  );

  it("reports a server it cannot start again, so npm start exits non-zero instead of serving 503 forever", async () => {
    const dataDir = path.join(dir, "unrecoverable");
    const failures: unknown[] = [];
    const db = await ensureEmbeddedDatabase({ dataDir, onUnrecoverable: (error) => failures.push(error) });
    try {
      const pid = postmasterPid(dataDir);
      // A data folder the server no longer accepts: a restart fails every time.
      fs.writeFileSync(path.join(dataDir, "PG_VERSION"), "9\n");
      process.kill(pid, "SIGKILL");
      await waitFor(() => failures.length > 0, 30_000);
      expect(String(failures[0])).toMatch(/did not start/);
    } finally {
      await db.release();
    }
  });

  it("refuses a folder that holds files but no cluster, and leaves them alone", async () => {
    const dataDir = path.join(dir, "not-a-cluster");
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, "notes.txt"), "mine");
    await expect(ensureEmbeddedDatabase({ dataDir })).rejects.toThrow(/no PostgreSQL cluster/);
    expect(fs.readFileSync(path.join(dataDir, "notes.txt"), "utf8")).toBe("mine");
  });

  it("gives throw-away scratch servers their own folder, removed on release", async () => {
    const scratch = await startScratchDatabase();
    const port = Number(new URL(scratch.url).port);
    const dataDir = await withClient(scratch.url, async (c) => {
      const { rows } = await c.query<{ dir: string; port: string }>(
        "select current_setting('data_directory') as dir, current_setting('port') as port",
      );
      expect(Number(rows[0]?.port)).toBe(port);
      return rows[0]?.dir ?? "";
    });
    expect(fs.existsSync(dataDir)).toBe(true);
    await scratch.release();
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
