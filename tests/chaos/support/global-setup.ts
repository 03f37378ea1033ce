/**
 * The chaos suite's world: a database (the one `npm test` made, or one of its own), a TCP fault proxy in
 * front of it, and the production server (scripts/serve.ts: Next.js behind the page cache) talking to the
 * database through that proxy.
 *
 * Tests find it in their environment (set by tests/chaos/support/env.ts before each file):
 *   CHAOS_BASE_URL      the server, e.g. http://127.0.0.1:41234
 *   CHAOS_FAULT_URL     the fault proxy's control: POST /stall, /refuse, /drop, /restore
 *   CHAOS_SERVER_LOG    the server's stdout and stderr
 *   CHAOS_DIST_DIR      the build the server runs (server actions' ids are read from its manifest)
 *   CHAOS_AUTH_SECRET   the server's AUTH_SECRET (a second server shares it: support/second-server.ts)
 *   DATABASE_URL        the database itself (not through the proxy), TEST_DATABASE_KIND server|embedded
 *
 * The build: NEXT_DIST_DIR when set (`npm test` passes its end-to-end build, `.next-test`), else
 * `.next-chaos`, built here first if it has no BUILD_ID.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startScratchDatabase } from "@/tools/embedded-db/process";
import { deployMigrations } from "@/tools/migrate";
import { createPrismaClient } from "@/lib/db/create-client";
import { seedDemoData } from "@/prisma/seed/demo";
import { createServerDatabase } from "@/tests/support/databases";
import { startFaultProxy, type FaultProxy } from "@/tests/chaos/support/fault-proxy";
import { TSX_NODE_ARGS } from "@/tools/tsx-node-args";

const root = path.resolve(import.meta.dirname, "../../..");
const AUTH_SECRET = "test-secret-that-is-long-enough-for-auth-js-0123456789";
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

interface Database {
  url: string;
  kind: "server" | "embedded";
  dispose(): Promise<void>;
}

/** `npm test` hands over its migrated, seeded database; run alone, the suite makes (and drops) its own. */
async function openDatabase(): Promise<Database> {
  const given = process.env.DATABASE_URL;
  if (given && process.env.TEST_DATABASE_KIND) {
    return {
      url: given,
      kind: process.env.TEST_DATABASE_KIND === "server" ? "server" : "embedded",
      dispose: async () => {},
    };
  }
  let db: Database;
  if (given) {
    const host = new URL(given).hostname;
    if (!LOCAL_HOSTS.has(host)) throw new Error(`Refusing to run the chaos suite against ${host}: use a local server.`);
    const created = await createServerDatabase(given, `dailypapers_chaos_${Date.now()}_${process.pid}`);
    db = { url: created.url, kind: "server", dispose: created.drop };
  } else {
    const scratch = await startScratchDatabase();
    db = { url: scratch.url, kind: "embedded", dispose: () => scratch.release() };
  }
  await deployMigrations(db.url);
  const prisma = createPrismaClient(db.url, 2);
  try {
    await seedDemoData(prisma);
  } finally {
    await prisma.$disconnect();
  }
  return db;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
  return new Promise((resolve, reject) =>
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`)),
    ),
  );
}

/** Serves the proxy's faults on loopback, so tests (in their own processes) can pull the plug. */
function startFaultControl(proxy: FaultProxy): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const action = request.url?.slice(1);
    let detail: unknown = null;
    if (action === "stall") proxy.stall();
    else if (action === "refuse") proxy.refuse();
    else if (action === "drop") detail = proxy.dropAll();
    else if (action === "restore") proxy.restore();
    else if (action !== "mode") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ mode: proxy.mode(), detail }));
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    }),
  );
}

async function waitUntilServing(baseUrl: string, server: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see ${log}`);
    try {
      const response = await fetch(`${baseUrl}/api/daily_papers`, { signal: AbortSignal.timeout(5000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`the server did not answer within 90 s; see ${log}`);
}

declare module "vitest" {
  export interface ProvidedContext {
    chaosEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const db = await openDatabase();
  const cleanups: (() => Promise<void>)[] = [() => db.dispose()];
  const teardown = async () => {
    const began = Date.now();
    for (const cleanup of cleanups.reverse()) await cleanup();
    console.log(`[chaos] server stopped, database released (${Date.now() - began} ms)`);
  };
  try {
    return await start(project, db, started, cleanups, teardown);
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function start(
  project: TestProject,
  db: Database,
  started: number,
  cleanups: (() => Promise<void>)[],
  teardown: () => Promise<void>,
): Promise<() => Promise<void>> {
  const distDir = process.env.NEXT_DIST_DIR || ".next-chaos";
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  // The server is no test process: without VITEST* it runs with the app's real timeouts (lib/db/client.ts).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")));
  const baseEnv: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: "production",
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET,
  };
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    console.log(`[chaos] no build in ${distDir}: building one (next build), once`);
    await runToEnd(process.execPath, [nextBin, "build"], { ...baseEnv, DATABASE_URL: db.url });
  }

  const proxy = await startFaultProxy(db.url);
  cleanups.push(() => proxy.stop());
  const control = await startFaultControl(proxy);
  cleanups.push(() => control.close());
  const port = Number(process.env.CHAOS_PORT) || (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  // One folder per run: the server's log and the figures (tests/chaos/support/world.ts `report`).
  const resultsDir = path.join(root, "test-results", `chaos-${db.kind}-${process.pid}`);
  fs.mkdirSync(resultsDir, { recursive: true });
  const log = path.join(resultsDir, "server.log");
  const logFd = fs.openSync(log, "w");
  // The production server as `npm start` runs it: Next.js behind the page cache.
  const serve = [
    ...TSX_NODE_ARGS,
    path.join(root, "scripts", "serve.ts"),
    "--port",
    String(port),
    "--hostname",
    "127.0.0.1",
  ];
  const server = spawn(process.execPath, serve, {
    cwd: root,
    env: {
      ...baseEnv,
      DATABASE_URL: proxy.url,
      APP_URL: baseUrl,
      // The vote load is many toggles a second from each reader; the limit is tested elsewhere.
      UPVOTE_RATE_LIMIT: "10000",
      // The suite plays the one trusted proxy: it names each client in X-Forwarded-For.
      TRUSTED_PROXY_HOPS: "1",
    },
    stdio: ["ignore", logFd, logFd],
  });
  cleanups.push(async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(logFd);
  });
  await waitUntilServing(baseUrl, server, log);
  console.log(
    `[chaos] ${db.kind} database, build ${distDir}, server ${baseUrl} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  // Test files run in their own processes: tests/chaos/support/env.ts copies these into theirs.
  project.provide("chaosEnv", {
    CHAOS_BASE_URL: baseUrl,
    CHAOS_FAULT_URL: control.url,
    CHAOS_PROXIED_DATABASE_URL: proxy.url,
    CHAOS_SERVER_LOG: log,
    CHAOS_DIST_DIR: path.join(root, distDir),
    CHAOS_AUTH_SECRET: AUTH_SECRET,
    DATABASE_URL: db.url,
    TEST_DATABASE_KIND: db.kind,
  });

  return teardown;
}
