/**
 * Child-process entry of the embedded database: started by tools/embedded-db/process.ts with an IPC channel.
 * Reports its URL once listening, and shuts PGlite down cleanly when told to or when its parent goes away.
 */
import { startEmbeddedServer } from "@/tools/embedded-db/server";

const dataDir = process.env.EMBEDDED_DB_DIR || undefined;
const port = Number(process.env.EMBEDDED_DB_PORT ?? 0);

const server = await startEmbeddedServer({ dataDir, port });
process.send?.({ type: "ready", url: server.url });

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
  } finally {
    process.exit(0);
  }
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
process.on("disconnect", () => void shutdown());
process.on("message", (message) => {
  if (message === "stop") void shutdown();
});
