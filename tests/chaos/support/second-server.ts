import { setTimeout as sleep } from "node:timers/promises";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { world } from "@/tests/chaos/support/world";
import { TSX_NODE_ARGS } from "@/tools/tsx-node-args";

const root = path.resolve(import.meta.dirname, "../../..");

export interface SecondServer {
  url: string;
  stop(): Promise<void>;
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

/**
 * Another production server (scripts/serve.ts) on the suite's database and build, as a second app server
 * behind a load balancer would be: its own page cache and Next.js data cache, the database shared. On
 * CHAOS_SECOND_PORT, else a free port; its log beside the first server's. `options.throughFaults`: it reaches the
 * database through the fault proxy, as the first server does; `options.env` adds to its environment.
 */
export async function startSecondServer(
  options: { throughFaults?: boolean; env?: Record<string, string>; name?: string } = {},
): Promise<SecondServer> {
  const port = Number(process.env.CHAOS_SECOND_PORT) || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const log = path.join(path.dirname(world.serverLog), `${options.name ?? "second-server"}.log`);
  const logFd = fs.openSync(log, "w");
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST")));
  const server = spawn(
    process.execPath,
    [...TSX_NODE_ARGS, path.join(root, "scripts", "serve.ts"), "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: root,
      env: {
        ...inherited,
        NODE_ENV: "production",
        NEXT_DIST_DIR: path.relative(root, world.distDir),
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_SECRET: process.env.CHAOS_AUTH_SECRET,
        DATABASE_URL: options.throughFaults ? world.proxiedDatabaseUrl : world.databaseUrl,
        APP_URL: url,
        UPVOTE_RATE_LIMIT: "10000",
        TRUSTED_PROXY_HOPS: "1",
        ...options.env,
      },
      stdio: ["ignore", logFd, logFd],
    },
  );
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.closeSync(logFd);
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    // Up when it answers: a members-only site's sign-in page is what a stranger can ask for.
    const response = await fetch(`${url}/signin`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
    if (response?.status === 200) return { url, stop };
    await sleep(250);
  }
  await stop();
  throw new Error(`the second server did not start; see ${log}`);
}
