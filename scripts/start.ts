/**
 * `npm start`: the whole app in one command. Uses DATABASE_URL, or the embedded PGlite database under
 * EMBEDDED_DB_DIR when it is unset; migrates; loads demo data into an empty database; builds if the
 * sources changed; then serves the production app on PORT until Ctrl-C.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { loadEnv } from "@/lib/env";
import { buildIfChanged } from "@/scripts/build-if-changed";
import { prepareDatabase } from "@/scripts/prepare-database";
import { runScript } from "@/scripts/run-script";

const mode = process.argv[2] === "dev" ? "dev" : "start";

await runScript(async () => {
  const env = loadEnv();
  const db = await prepareDatabase(env);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    NEXT_TELEMETRY_DISABLED: "1",
    ...(mode === "start" ? { NODE_ENV: "production" } : {}),
  };
  if (mode === "start") buildIfChanged(childEnv);

  const next = path.resolve(import.meta.dirname, "../node_modules/next/dist/bin/next");
  const server = spawn(process.execPath, [next, mode, "--port", String(env.PORT)], { env: childEnv, stdio: "inherit" });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  const code = await new Promise<number>((resolve) => server.once("exit", (c) => resolve(c ?? 0)));
  await db.release();
  if (!stopping && code !== 0) process.exitCode = code;
});
