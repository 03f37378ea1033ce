import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { startMaintenance } from "@/tools/embedded-db/maintenance";
import { ConnectionTurnQueue } from "@/tools/embedded-db/message-queue";

export interface EmbeddedServer {
  /** A postgresql:// URL any Postgres client (pg, Prisma's adapter, psql) can connect to. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  /** Where PGlite keeps its files; omitted, the database lives in memory and vanishes on stop. */
  dataDir?: string;
  /** 0 or omitted picks a free port. */
  port?: number;
  /**
   * pglite-socket serves one connection unless told otherwise. Every connection shares the one PGlite
   * backend; the queue in message-queue.ts keeps a transaction's statements, and each extended-protocol
   * query's messages, together, so a pool's concurrent queries never interleave (embedded-db.test.ts).
   */
  maxConnections?: number;
}

/**
 * Starts PGlite and serves it over the Postgres wire protocol on 127.0.0.1, vacuuming and analyzing it as
 * autovacuum would (maintenance.ts).
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions = {}): Promise<EmbeddedServer> {
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extensions: { pg_trgm },
  });
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 64,
  });
  // The server's own queue lets another connection in between one query's messages (message-queue.ts).
  (server as unknown as { queryQueue: ConnectionTurnQueue }).queryQueue = new ConnectionTurnQueue(db);
  await server.start();
  const port = server.getServerConn().split(":").pop();
  const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  const maintenance = startMaintenance(url);
  return {
    url,
    async stop() {
      await maintenance.stop();
      await server.stop();
      await db.close();
    },
  };
}
