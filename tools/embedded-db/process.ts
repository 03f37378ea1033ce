import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import lockfile from "proper-lockfile";

const entry = fileURLToPath(new URL("../../scripts/embedded-db-server.ts", import.meta.url));

export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the server (and `release` stops it). */
  owned: boolean;
  release(): Promise<void>;
}

interface ServerState {
  pid: number;
  url: string;
}

function statePath(dataDir: string): string {
  return `${path.resolve(dataDir)}.server.json`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function runningServer(dataDir: string): Promise<ServerState | undefined> {
  try {
    const state = JSON.parse(fs.readFileSync(statePath(dataDir), "utf8")) as ServerState;
    if (isAlive(state.pid) && (await answers(state.url))) return state;
  } catch {
    // No state file, or a stale one from a server that is gone: start a new server.
  }
  return undefined;
}

function spawnServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(entry, [], {
    execArgv: ["--import", "tsx"],
    env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`The embedded database exited before it was ready (code ${code}).`)));
    child.on("message", (message: { type?: string; url?: string }) => {
      if (message.type === "ready" && message.url) resolve({ child, url: message.url });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.send("stop");
  });
}

/**
 * The embedded PGlite database kept in `dataDir`: the server another process of this checkout already
 * runs for it, or a new one in a child process. One data folder never has two servers: a lock guards
 * the start, and a state file next to the folder tells later processes where the running one listens.
 */
export async function ensureEmbeddedDatabase(options: { dataDir: string; port?: number }): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const existing = await runningServer(dataDir);
  if (existing) return { url: existing.url, owned: false, release: async () => {} };

  const unlock = await lockfile.lock(path.dirname(dataDir), {
    lockfilePath: `${dataDir}.start.lock`,
    retries: { retries: 60, minTimeout: 250, maxTimeout: 1000 },
  });
  try {
    const raced = await runningServer(dataDir);
    if (raced) return { url: raced.url, owned: false, release: async () => {} };
    const { child, url } = await spawnServer({
      ...process.env,
      EMBEDDED_DB_DIR: dataDir,
      EMBEDDED_DB_PORT: String(options.port ?? 0),
    });
    const state: ServerState = { pid: child.pid ?? 0, url };
    fs.writeFileSync(statePath(dataDir), JSON.stringify(state));
    return {
      url,
      owned: true,
      async release() {
        await stopChild(child);
        fs.rmSync(statePath(dataDir), { force: true });
      },
    };
  } finally {
    await unlock();
  }
}

/** A throw-away in-memory embedded server in a child process (tests, scratch databases). */
export async function startScratchDatabase(): Promise<EmbeddedDatabase> {
  const { EMBEDDED_DB_DIR: _ignored, ...env } = process.env;
  const { child, url } = await spawnServer({ ...env, EMBEDDED_DB_PORT: "0" });
  return { url, owned: true, release: () => stopChild(child) };
}
