import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";

const root = path.resolve(import.meta.dirname, "..");
const inputs = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
/** A build that has printed nothing for this long gets a line saying it is still at work. */
const QUIET_MS = 10_000;

function* files(entry: string): Generator<string> {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isFile()) {
    yield entry;
    return;
  }
  for (const child of fs.readdirSync(full).sort()) {
    if (child === "generated" || child.endsWith(".test.ts")) continue;
    yield* files(path.join(entry, child));
  }
}

/** A hash of everything the production build is made from: the sources, and APP_URL (next.config.ts's HSTS header). */
function sourceHash(appUrl: string): string {
  const hash = createHash("sha256").update(appUrl).update("\0");
  for (const file of inputs.flatMap((entry) => [...files(entry)])) {
    hash
      .update(file)
      .update("\0")
      .update(fs.readFileSync(path.join(root, file)))
      .update("\0");
  }
  return hash.digest("hex");
}

/**
 * Runs `next build` (into `env.NEXT_DIST_DIR`, by default .next) unless the build there was made from the same
 * sources, so a second `npm start`, or `npm test`'s second database pass, starts in seconds. It needs no
 * database, so `npm start` runs it while the database starts. Next.js's own lines pass through; when it is
 * quiet for 10 s (compiling), a line says it is still building; with `logFile`, they go there instead, without
 * those lines. Rejects with an AppError when the build fails.
 */
export async function buildIfChanged(env: NodeJS.ProcessEnv, options: { logFile?: string } = {}): Promise<void> {
  const distDir = path.join(root, env.NEXT_DIST_DIR || ".next");
  const stampFile = path.join(distDir, "daily-papers-source.sha256");
  const hash = sourceHash(env.APP_URL ?? "");
  const built = fs.existsSync(path.join(distDir, "BUILD_ID")) && fs.existsSync(stampFile);
  if (built && fs.readFileSync(stampFile, "utf8") === hash) {
    console.log("Production build is up to date.");
    return;
  }
  console.log("Building the production app (next build, under a minute the first time)…");
  const started = Date.now();
  // No IPC channel (and so not tools/exit-with-parent.js): spawned with one, `next build` exited 0 halfway,
  // without a BUILD_ID, which is why the build is also checked for one below.
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    // Every page is rendered on demand, so the build opens no connection; but the database module wants a URL
    // when loaded, and `npm start` builds before the embedded database has one.
    env: { ...env, DATABASE_URL: env.DATABASE_URL ?? "postgresql://build@127.0.0.1:9/unused" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let lastLineAt = Date.now();
  const log = options.logFile ? fs.createWriteStream(options.logFile) : undefined;
  const passOn = (to: NodeJS.WritableStream) => (chunk: Buffer) => {
    lastLineAt = Date.now();
    to.write(chunk);
  };
  child.stdout?.on("data", passOn(log ?? process.stdout));
  child.stderr?.on("data", passOn(log ?? process.stderr));
  const ticker = log
    ? undefined
    : setInterval(() => {
        if (Date.now() - lastLineAt < QUIET_MS) return;
        lastLineAt = Date.now();
        console.log(`  …still building (${Math.round((Date.now() - started) / 1000)} s)`);
      }, 1000);
  const stopWithUs = () => child.kill("SIGTERM");
  process.once("exit", stopWithUs);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", resolve);
    });
    const output = options.logFile ?? "the output above";
    if (code !== 0) throw new AppError("BUILD_FAILED", `The production build failed; see ${output}.`);
    if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) {
      throw new AppError("BUILD_FAILED", `The production build ended without a BUILD_ID; see ${output}.`);
    }
  } finally {
    clearInterval(ticker);
    process.off("exit", stopWithUs);
    log?.end();
  }
  fs.writeFileSync(stampFile, hash);
  console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}
