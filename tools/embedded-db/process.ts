import { setTimeout as sleep } from "node:timers/promises";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import lockfile from "proper-lockfile";
import { AppError } from "@/lib/errors";
import {
  connectionUrl,
  freePort,
  initialise,
  isAlive,
  isInitialised,
  readPostmaster,
  scratchRoot,
  startPostgres,
  stopPostgres,
} from "@/tools/embedded-db/postgres";

export interface EmbeddedDatabase {
  url: string;
  /** True when this process started the server, or took over one a killed process left (`release` stops it). */
  owned: boolean;
  release(): Promise<void>;
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
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

/** The server running on `dataDir` and accepting connections, per its `postmaster.pid`. */
async function runningServer(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  const state = readPostmaster(dataDir);
  if (!state || !isAlive(state.pid)) return undefined;
  // Starting up, or recovering after a crash: give it the time crash recovery takes.
  for (let waited = 0; !state.ready && waited < 30_000; waited += 100) {
    await sleep(100);
    const now = readPostmaster(dataDir);
    if (!now || now.pid !== state.pid || !isAlive(state.pid)) return undefined;
    state.ready = now.ready;
  }
  return state.ready && (await answers(state.port)) ? state : undefined;
}

/** The file naming the process that keeps the server alive (`npm start`), beside the data folder. */
function keeperFile(dataDir: string): string {
  return `${dataDir}.keeper`;
}

function keeperPid(dataDir: string): number {
  try {
    return Number(fs.readFileSync(keeperFile(dataDir), "utf8")) || 0;
  } catch {
    return 0;
  }
}

function withStartLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  return lockfile
    .lock(path.dirname(dataDir), {
      lockfilePath: `${dataDir}.start.lock`,
      retries: { retries: 120, minTimeout: 250, maxTimeout: 1000 },
    })
    .then(async (unlock) => {
      try {
        return await fn();
      } finally {
        await unlock();
      }
    });
}

/**
 * Starts the server on `dataDir` (making the cluster first when the folder holds none), on `port`, or on a
 * free port when 0. Retries for a while: after a `kill -9` of the server, its backends may still hold the
 * shared memory for a moment, and Postgres refuses to start until they are gone.
 */
async function startServer(dataDir: string, port: number): Promise<{ pid: number; port: number }> {
  if (!isInitialised(dataDir)) {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      throw new AppError(
        "UNAVAILABLE",
        `${dataDir} holds files but no PostgreSQL cluster (no PG_VERSION; an interrupted first start?): move it away or delete it, and start again.`,
      );
    }
    await initialise(dataDir, { durable: true });
  }
  const deadline = Date.now() + 10_000;
  for (;;) {
    const chosen = port || (await freePort());
    try {
      return { pid: await startPostgres(dataDir, chosen, { durable: true }), port: chosen };
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(250);
    }
  }
}

export interface EnsureOptions {
  dataDir: string;
  /** 0 or omitted: a free port (kept across restarts by the supervisor). */
  port?: number;
  /**
   * Keep the server alive (`npm start`): when it dies, start it again on the same port, so the app's
   * connection pools find it where it was. Called when it cannot be started again (the caller should exit
   * non-zero, so a supervisor of its own can step in).
   */
  onUnrecoverable?: (error: unknown) => void;
}

/**
 * The embedded PostgreSQL kept in `dataDir`: the server already running on it (another command's, or one
 * a `kill -9` of its Node process left behind, found by `postmaster.pid`), or a new one. One data folder
 * never has two servers: a lock guards the start (and Postgres's own `postmaster.pid` refuses a second).
 */
export async function ensureEmbeddedDatabase(options: EnsureOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const supervise = options.onUnrecoverable;

  const found = await runningServer(dataDir);
  if (found && !supervise) return { url: connectionUrl(dataDir, found.port), owned: false, release: async () => {} };
  let server =
    found ??
    (await withStartLock(
      dataDir,
      async () => (await runningServer(dataDir)) ?? startServer(dataDir, options.port ?? 0),
    ));
  const url = connectionUrl(dataDir, server.port);
  // A server left without its keeper (its `npm start` was killed) is taken over by the next one. One whose
  // keeper lives is shared, and watched all the same: that keeper may be stopping (its parent was killed),
  // and once it has stopped the server, this one starts it again and keeps it.
  let owned = !found || (supervise !== undefined && !isAlive(keeperPid(dataDir)));

  let releasing = false;
  let watch: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;
  if (supervise) {
    if (owned) fs.writeFileSync(keeperFile(dataDir), String(process.pid));
    watch = setInterval(() => {
      if (releasing || restarting || isAlive(server.pid)) return;
      console.error(`The embedded PostgreSQL (pid ${server.pid}) stopped; starting it again.`);
      restarting = withStartLock(dataDir, async () => {
        const running = await runningServer(dataDir);
        if (running) return running;
        const started = await startServer(dataDir, server.port);
        owned = true;
        fs.writeFileSync(keeperFile(dataDir), String(process.pid));
        return started;
      })
        .then((restarted) => {
          server = restarted;
          console.error(`The embedded PostgreSQL is back (pid ${restarted.pid}).`);
        })
        .catch((error: unknown) => {
          if (watch) clearInterval(watch);
          if (!releasing) supervise(error);
        })
        .finally(() => (restarting = undefined));
    }, 250);
    watch.unref();
  }

  return {
    url,
    get owned() {
      return owned;
    },
    async release() {
      releasing = true;
      if (watch) clearInterval(watch);
      // A restart under way finishes first, so the server it starts is the one stopped.
      await restarting;
      if (!owned) return;
      // The keeper goes first: a command that looks meanwhile takes the stopping server over.
      if (keeperPid(dataDir) === process.pid) fs.rmSync(keeperFile(dataDir), { force: true });
      await stopPostgres(server.pid);
    },
  };
}

/**
 * A throw-away embedded PostgreSQL in a temporary folder, removed by `release` (tests, shadow databases).
 * Not durable (fsync off): nothing in it outlives the run.
 */
export async function startScratchDatabase(): Promise<EmbeddedDatabase> {
  const root = scratchRoot();
  const dataDir = path.join(root, "data");
  try {
    await initialise(dataDir, { durable: false });
    let pid: number | undefined;
    let port = 0;
    for (let attempt = 0; pid === undefined; attempt++) {
      port = await freePort();
      try {
        pid = await startPostgres(dataDir, port, { durable: false });
      } catch (error) {
        // Another process took the free port between our look and the server's bind.
        if (attempt >= 3) throw error;
      }
    }
    const serverPid = pid;
    return {
      url: connectionUrl(dataDir, port),
      owned: true,
      async release() {
        await stopPostgres(serverPid);
        fs.rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
