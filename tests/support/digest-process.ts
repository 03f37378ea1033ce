import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { TSX_NODE_ARGS } from "@/tools/tsx-node-args";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * `npm run digest -- --period daily --date <day>` as npm (or cron) runs it, in a process of its own, on
 * `databaseUrl`, sending through the SMTP server at `smtpUrl`. Its output is piped.
 */
export function spawnDigestRun(day: string, { databaseUrl, smtpUrl }: { databaseUrl: string; smtpUrl: string }) {
  return spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/digest.ts", "--period", "daily", "--date", day], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMTP_URL: smtpUrl,
      APP_URL: "https://papers.example.org",
      EMAIL_FROM: "Daily Papers <papers@example.org>",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** How a spawned process ended, with everything it printed. */
export function exitOf(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve({ code, signal, output }));
  });
}
