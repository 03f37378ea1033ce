import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const stampFile = path.join(root, ".next", "daily-papers-source.sha256");
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
 * Runs `next build` unless the last build was made from the same sources, so a second `npm start`
 * starts in seconds. Exits the process when the build fails.
 */
export function buildIfChanged(env: NodeJS.ProcessEnv): void {
  const hash = sourceHash(env.APP_URL ?? "");
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile);
  if (built && fs.readFileSync(stampFile, "utf8") === hash) {
    console.log("Production build is up to date.");
    return;
  }
  console.log("Building the production app (next build)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (result.status !== 0) {
    console.error("The production build failed; see the output above.");
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(stampFile, hash);
}
