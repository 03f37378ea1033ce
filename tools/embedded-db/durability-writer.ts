/**
 * Test helper (embedded-db.test.ts): opens the embedded database in EMBEDDED_DB_DIR the way a command does,
 * then inserts rows into "acknowledged" one at a time and prints each id once the server has acknowledged
 * its commit, until it is killed. Whatever id it printed must survive that kill.
 */
import pg from "pg";
import { ensureEmbeddedDatabase } from "@/tools/embedded-db/process";

const dataDir = process.env.EMBEDDED_DB_DIR;
if (!dataDir) throw new Error("EMBEDDED_DB_DIR is unset");
const db = await ensureEmbeddedDatabase({ dataDir });
const client = new pg.Client({ connectionString: db.url });
await client.connect();
await client.query("create table if not exists acknowledged (id int primary key)");
const { rows } = await client.query<{ next: number }>("select coalesce(max(id), 0) + 1 as next from acknowledged");
process.stdout.write(`ready ${db.url}\n`);
try {
  for (let id = rows[0]?.next ?? 1; ; id++) {
    await client.query("insert into acknowledged values ($1)", [id]);
    process.stdout.write(`${id}\n`);
  }
} catch {
  // The server went away (the test killed it): the insert in flight was never acknowledged.
  process.exit(1);
}
