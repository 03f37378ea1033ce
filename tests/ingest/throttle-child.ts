/**
 * A second process for the throttle test: GETs `url` `count` times through the polite client, with the
 * arXiv spacing `intervalMs` (shared under `throttleKey`, by default one name per host), on the database in DATABASE_URL.
 * Prints "done" when finished.
 */
import { politeGet } from "@/lib/ingest/http";
import { createPrismaClient } from "@/lib/db/create-client";

const [url, count, intervalMs, throttleKey] = process.argv.slice(2);
const prisma = createPrismaClient(process.env.DATABASE_URL!, 2);
for (let i = 0; i < Number(count); i++) {
  await politeGet(prisma, `${url}?from=${process.pid}&n=${i}`, {
    upstream: "arxiv",
    arxivIntervalMs: Number(intervalMs),
    ...(throttleKey ? { throttleKey } : {}),
  });
}
await prisma.$disconnect();
console.log("done");
process.exit(0);
