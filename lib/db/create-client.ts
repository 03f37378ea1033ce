import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";
import pg from "pg";
import {
  DatabaseUnavailableError,
  isDatabaseDown,
  isDatabaseOutage,
  recordDatabaseFailure,
  recordDatabaseSuccess,
  registerDatabaseProbe,
} from "@/lib/db/health";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { UNAVAILABLE_DIGEST } from "@/lib/db/unavailable";

/**
 * How long the app waits on its database before giving up, so that a stalled or vanished database turns
 * into a quick 503 instead of requests piling up behind it. A request makes a few queries in a row, and
 * each may wait for a connection and then run: acquire + query stays under the 5 s a reader waits.
 */
export interface DatabaseTimeouts {
  /** Longest wait for a pool connection (pg's `connectionTimeoutMillis`), also bounding a new connection. */
  acquireMs: number;
  /** Server side: `statement_timeout`, `lock_timeout`, `idle_in_transaction_session_timeout`. */
  statementMs: number;
  lockMs: number;
  idleInTransactionMs: number;
  /**
   * Client side: the longest a query may go unanswered; its connection is then dropped. This is what
   * catches an unreachable server, which the server-side settings cannot.
   */
  queryMs: number;
}

/** The web app's timeouts (lib/db/client.ts). Scripts and workers run long statements and keep pg's defaults. */
export const REQUEST_TIMEOUTS: DatabaseTimeouts = {
  acquireMs: 1500,
  statementMs: 2500,
  lockMs: 1500,
  idleInTransactionMs: 10_000,
  queryMs: 3000,
};

export interface PrismaClientOptions {
  /** Omitted: wait as long as it takes (pg's defaults), as migrations, seeds and digests want. */
  timeouts?: DatabaseTimeouts;
  /**
   * Report outages to lib/db/health.ts (mark the database down, probe for its return) and give outage
   * errors the digest the error boundaries recognise. The app's one shared client does.
   */
  health?: boolean;
}

/**
 * A pg client whose timed-out query takes its connection down with it. pg's `query_timeout` only
 * rejects the promise: the query stays in flight on the connection, which would go back to the pool
 * (a transaction's connection is released without an error) and stall the next user behind it.
 * Dropping the socket also makes the server roll back that connection's open transaction.
 */
class DroppingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        this.dropIfTimedOut(error);
        (last as (error: unknown, result: unknown) => void)(error, result);
      };
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) result.catch((error: unknown) => this.dropIfTimedOut(error));
    return result as never;
  }

  private dropIfTimedOut(error: unknown) {
    if (error instanceof Error && error.message === "Query read timeout") {
      (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    }
  }
}

function poolConfig(url: string, poolMax: number, timeouts?: DatabaseTimeouts): pg.PoolConfig {
  if (!timeouts) return { connectionString: url, max: poolMax, Client: DroppingClient };
  return {
    connectionString: url,
    max: poolMax,
    Client: DroppingClient,
    // Lets an operator (and the chaos suite) tell the web app's connections from scripts' and workers'.
    application_name: "daily-papers-web",
    connectionTimeoutMillis: timeouts.acquireMs,
    query_timeout: timeouts.queryMs,
    // Sent in the startup message, so they hold for every statement on the connection.
    statement_timeout: timeouts.statementMs,
    lock_timeout: timeouts.lockMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
  };
}

/** Marks the database down when a query fails for want of one, and gives the error the outage digest. */
function observed<T extends object>(target: T, methods: string[]): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== "function" || !methods.includes(String(property))) return value;
      return async (...args: unknown[]) => {
        // While the database is down, fail at once rather than queue behind it: a request then ends in
        // milliseconds instead of spending its 5 s on one timeout after another. The probe, which
        // clears the outage, goes to the pool directly; commit and rollback still run, to free connections.
        if (isDatabaseDown() && !FINISHING.has(String(property))) throw new DatabaseUnavailableError();
        try {
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(object, args);
          recordDatabaseSuccess();
          return property === "startTransaction" ? observed(result as Transaction, TRANSACTION_METHODS) : result;
        } catch (error) {
          if (isDatabaseOutage(error)) recordDatabaseFailure(error);
          throw error;
        }
      };
    },
  });
}

const ADAPTER_METHODS = ["queryRaw", "executeRaw", "executeScript", "startTransaction"];
const TRANSACTION_METHODS = ["queryRaw", "executeRaw", "commit", "rollback"];
const FINISHING = new Set(["commit", "rollback"]);

/** The adapter factory with every adapter and transaction it hands out observed for outages. */
function healthReportingFactory(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(object, property, receiver) {
      if (property !== "connect") return Reflect.get(object, property, receiver) as unknown;
      return async () => observed<SqlDriverAdapter>(await object.connect(), ADAPTER_METHODS);
    },
  });
}

/**
 * A Prisma client for `url`, through the pg driver adapter (Prisma 7 has no Rust query engine).
 * Scripts and tests make their own; the app shares the one in lib/db/client.ts, with `REQUEST_TIMEOUTS` and
 * health reporting.
 */
export function createPrismaClient(url: string, poolMax = 10, options: PrismaClientOptions = {}): PrismaClient {
  return createDatabase(url, poolMax, options).prisma;
}

/**
 * A Prisma client and the pg pool under it, for the app (lib/db/client.ts): the pool also serves the one hot path
 * written as plain SQL (a vote, through `observedQuery`), with the same connections and timeouts.
 */
export function createDatabase(
  url: string,
  poolMax = 10,
  options: PrismaClientOptions = {},
): { prisma: PrismaClient; pool: pg.Pool } {
  const pool = new pg.Pool(poolConfig(url, poolMax, options.timeouts));
  const factory = new PrismaPg(pool, { disposeExternalPool: true });
  if (!options.health) return { prisma: new PrismaClient({ adapter: factory }), pool };

  // A connection of its own for each probe: an answer then means the database takes new connections and
  // runs queries, and the probe never waits in the pool's queue behind the requests it is to rescue.
  registerDatabaseProbe(async () => {
    const probe = new pg.Client({
      ...poolConfig(url, 1, options.timeouts),
      connectionTimeoutMillis: 1000,
      query_timeout: 1000,
    });
    probe.on("error", () => {});
    try {
      await probe.connect();
      await probe.query("SELECT 1");
    } finally {
      await probe.end().catch(() => {});
    }
  });
  const client = new PrismaClient({ adapter: healthReportingFactory(factory) });
  // Prisma wraps the adapter's error in its own; tag that one, so a page that fails on an outage shows the
  // calm boundary (Next.js passes a preset `digest` to the client's error boundary).
  const prisma = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          if (isDatabaseOutage(error) && error instanceof Error) {
            Object.assign(error, { digest: UNAVAILABLE_DIGEST });
          }
          throw error;
        }
      },
    },
  }) as unknown as PrismaClient;
  return { prisma, pool };
}

/**
 * One statement on `pool`, observed for outages as the Prisma client's queries are: refused at once while
 * the database is down, and marking it down when the statement fails for want of one.
 */
export async function observedQuery<Row extends pg.QueryResultRow>(
  pool: pg.Pool,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  if (isDatabaseDown()) throw new DatabaseUnavailableError();
  try {
    const { rows } = await pool.query<Row>(text, values);
    recordDatabaseSuccess();
    return rows;
  } catch (error) {
    if (isDatabaseOutage(error)) recordDatabaseFailure(error);
    throw error;
  }
}
