import { createHmac } from "node:crypto";
import pg from "pg";

/**
 * One query against the suite's database (to look behind the UI: rows, tokens, counts). A write to the
 * papers' tables is a change made outside the app, as an import's is: the app is told to drop what it
 * cached from them, the way lib/page-cache/revalidate.ts tells it after an import.
 */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
    if (/^\s*(insert|update|delete)\b/i.test(sql) && /"(Paper|DailyPaper|Comment|Upvote|User)"/.test(sql)) {
      await announceChange();
    }
  }
}

/** `POST /api/revalidate` on the suite's server, with the token lib/page-cache/revalidate.ts derives from AUTH_SECRET. */
async function announceChange(): Promise<void> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return;
  const token = createHmac("sha256", secret).update("daily-papers:revalidate").digest("base64url");
  await fetch(`http://localhost:${process.env.E2E_PORT ?? 3100}/api/revalidate`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ tags: ["papers"] }),
  }).catch(() => undefined);
}
