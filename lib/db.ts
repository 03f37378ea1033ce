import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadEnv } from "@/lib/env";
import { createPrismaClient, REQUEST_TIMEOUTS, type DatabaseTimeouts } from "@/lib/prisma-client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * Under Vitest this client also sets up fixtures (thousands of rows at a time, on an embedded database
 * that runs one statement at a time): the same timeouts, ten times longer, still stop a hung test.
 */
function timeouts(): DatabaseTimeouts {
  if (!process.env.VITEST_WORKER_ID) return REQUEST_TIMEOUTS;
  const relaxed = Object.entries(REQUEST_TIMEOUTS).map(([key, ms]) => [key, ms * 10]);
  return Object.fromEntries(relaxed) as unknown as DatabaseTimeouts;
}

function sharedClient(): PrismaClient {
  const env = loadEnv();
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start` or `npm run dev`, which provide one.");
  }
  return createPrismaClient(env.DATABASE_URL, env.DATABASE_POOL_MAX, { timeouts: timeouts(), health: true });
}

/**
 * The app's one Prisma client, kept on globalThis so hot reloads in development reuse its pool. Its
 * queries time out (`REQUEST_TIMEOUTS`) and report outages to lib/db-health.ts, which turns them into 503s.
 */
export const prisma: PrismaClient = (globalForPrisma.prisma ??= sharedClient());
