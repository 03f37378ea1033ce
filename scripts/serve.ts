/**
 * The production server: Next.js behind the page cache (lib/page-cache/front-server.ts), on PORT or
 * `--port`, on every interface or `--hostname`. `npm start` runs it; so do the end-to-end suite, the chaos
 * suite and the benchmark. Expects a build (NEXT_DIST_DIR or .next) and NODE_ENV=production.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadEnv } from "@/lib/env";
import { startFrontServer } from "@/lib/page-cache/front-server";
import { runScript } from "@/tools/run-script";

/**
 * Next.js keeps its data cache (`unstable_cache`) on disk in the build folder, across restarts. What it holds was
 * read by an earlier process, which cannot have heard of what changed while nothing was running (an import, a
 * restored backup, another DATABASE_URL): a new server starts without it.
 */
function forgetEarlierDataCache(root: string): void {
  fs.rmSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "cache", "fetch-cache"), {
    recursive: true,
    force: true,
  });
}

/**
 * The oldest stored page ever served: a page whose refreshes keep failing (the database away for long) is
 * dropped after this, and its readers get the calm 503 instead of an ever older copy.
 */
const PAGE_CACHE_MAX_AGE_MS = 5 * 60_000;

await runScript(async () => {
  const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string" } } });
  // Without APP_URL the site's links name http://localhost:PORT (lib/env.ts appUrl): the port served here.
  if (values.port) process.env.PORT = values.port;
  const env = loadEnv();
  const root = path.resolve(import.meta.dirname, "..");
  forgetEarlierDataCache(root);
  const server = await startFrontServer({
    dir: root,
    port: values.port ? Number(values.port) : env.PORT,
    hostname: values.hostname,
    maxBytes: env.PAGE_CACHE_MB * 1024 * 1024,
    staleAfterMs: env.PAGE_CACHE_STALE_SECONDS * 1000,
    maxAgeMs: PAGE_CACHE_MAX_AGE_MS,
    // Every app server on this database hears the others' changes (lib/page-cache/change-feed.ts).
    changesDatabaseUrl: env.DATABASE_URL,
  });
  console.log(`Daily Papers is serving at ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
});
