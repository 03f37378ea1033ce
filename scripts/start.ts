/**
 * `npm start`: the whole app in one command. Uses DATABASE_URL, or the embedded PostgreSQL under
 * EMBEDDED_DB_DIR when it is unset; migrates; loads demo data into an empty database; meanwhile builds if
 * the sources changed; then serves the production app on PORT (Next.js behind the page cache, scripts/serve.ts),
 * with the digest worker beside it, until Ctrl-C.
 *
 * The embedded database is kept alive: if its server dies (the OOM killer's first pick), it is started
 * again on the same port within a second or so; if it cannot be, `npm start` stops the app and exits 1,
 * so a supervisor (systemd, Docker's restart policy) can step in rather than the site answering 503 forever.
 */
import { spawn, type StdioOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { loadEnv } from "@/lib/env";
import { buildIfChanged } from "@/tools/build-if-changed";
import { prepareDatabase } from "@/tools/prepare-database";
import { runScript } from "@/tools/run-script";
import { TSX_NODE_ARGS } from "@/tools/tsx-node-args";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const secretFile = path.resolve(import.meta.dirname, "../.data/auth-secret");

/** For the two-command demo: a random AUTH_SECRET made once and kept (git-ignored) in .data/. */
function localAuthSecret(): string {
  if (!fs.existsSync(secretFile)) {
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log("Made a session secret in .data/auth-secret (set AUTH_SECRET to use your own).");
  }
  return fs.readFileSync(secretFile, "utf8").trim();
}

await runScript(async () => {
  const env = loadEnv();
  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(mode === "start" ? { NODE_ENV: "production" } : {}),
  };
  // The build needs no database: it runs while the database starts, migrates and takes the demo data.
  const built = mode === "start" ? buildIfChanged(baseEnv) : Promise.resolve();
  // Marked as handled now; awaited (and so thrown) once the database is ready.
  built.catch(() => undefined);
  let lostDatabase: unknown;
  // Until the app runs, there is nothing to stop first.
  const app = { stop: (): void => process.exit(1) };
  const db = await prepareDatabase(env, {
    onUnrecoverable(error) {
      lostDatabase = error;
      console.error("The embedded PostgreSQL stopped and could not be started again; stopping the app.");
      console.error(error instanceof Error ? error.message : error);
      app.stop();
    },
  });
  try {
    await built;
  } catch (error) {
    await db.release();
    throw error;
  }
  const childEnv: NodeJS.ProcessEnv = {
    ...baseEnv,
    AUTH_SECRET: env.AUTH_SECRET ?? localAuthSecret(),
    DATABASE_URL: db.url,
  };

  // Production: Next.js behind the page cache (scripts/serve.ts); development: `next dev`, uncached.
  const next = path.resolve(import.meta.dirname, "../node_modules/next/dist/bin/next");
  const serve = path.resolve(import.meta.dirname, "serve.ts");
  // The server and the worker stop when this process goes away, even by `kill -9` (tools/exit-with-parent.js).
  const withParent = [
    "--import",
    pathToFileURL(path.resolve(import.meta.dirname, "../tools/exit-with-parent.js")).href,
  ];
  const stdio: StdioOptions = ["inherit", "inherit", "inherit", "ipc"];
  const serverArgs =
    mode === "start"
      ? [...withParent, ...TSX_NODE_ARGS, serve, "--port", String(env.PORT)]
      : [next, "dev", "--port", String(env.PORT)];
  // `next dev` keeps its own process tree and IPC: left as it was.
  const server = spawn(process.execPath, serverArgs, { env: childEnv, stdio: mode === "start" ? stdio : "inherit" });
  // The digest worker beside the app (in production it can run on its own: `npm run worker`).
  const worker = env.DIGEST_WORKER
    ? spawn(process.execPath, [...withParent, ...TSX_NODE_ARGS, path.resolve(import.meta.dirname, "worker.ts")], {
        env: childEnv,
        stdio,
      })
    : undefined;

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
    worker?.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  app.stop = stop;

  const exited = (child: typeof server) =>
    child.exitCode !== null
      ? Promise.resolve(child.exitCode)
      : new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 0)));
  const code = await exited(server);
  const askedToStop = stopping;
  stop();
  if (worker) await exited(worker);
  await db.release();
  if (lostDatabase !== undefined) process.exitCode = 1;
  else if (!askedToStop && code !== 0) process.exitCode = code;
});
