import "server-only";
import type pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadEnv } from "@/lib/env";
import { createDatabase, observedQuery, REQUEST_TIMEOUTS, type DatabaseTimeouts } from "@/lib/db/create-client";

const globalForPrisma = globalThis as unknown as { database?: { prisma: PrismaClient; pool: pg.Pool } };

/**
 * Under Vitest this client also sets up fixtures (thousands of rows at a time, on an embedded database
 * that runs one statement at a time): the same timeouts, ten times longer, still stop a hung test.
 */
function timeouts(): DatabaseTimeouts {
  if (!process.env.VITEST_WORKER_ID) return REQUEST_TIMEOUTS;
  const relaxed = Object.entries(REQUEST_TIMEOUTS).map(([key, ms]) => [key, ms * 10]);
  return Object.fromEntries(relaxed) as unknown as DatabaseTimeouts;
}

function sharedDatabase(): { prisma: PrismaClient; pool: pg.Pool } {
  const env = loadEnv();
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start` or `npm run dev`, which provide one.");
  }
  return createDatabase(env.DATABASE_URL, env.DATABASE_POOL_MAX, { timeouts: timeouts(), health: true });
}

/**
 * The app's one database, kept on globalThis so hot reloads in development reuse its pool, and so that
 * the front server and the Next.js bundles in one process share it. Its queries time out
 * (`REQUEST_TIMEOUTS`) and report outages to lib/db/health.ts, which turns them into 503s.
 */
const database = (globalForPrisma.database ??= sharedDatabase());

/** The app's Prisma client: every query but the hottest. */
export const prisma: PrismaClient = database.prisma;

/**
 * One plain SQL statement on the Prisma client's own pool, for the path where Prisma's query building
 * costs more than the database's work (a vote: lib/upvotes/mutations.ts). Parameters only, never
 * interpolation; same timeouts and outage reporting as the client.
 */
export function sqlRows<Row extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<Row[]> {
  return observedQuery<Row>(database.pool, text, values);
}
