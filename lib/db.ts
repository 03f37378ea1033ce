import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadEnv } from "@/lib/env";
import { createPrismaClient } from "@/lib/prisma-client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function sharedClient(): PrismaClient {
  const env = loadEnv();
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start` or `npm run dev`, which provide one.");
  }
  return createPrismaClient(env.DATABASE_URL, env.DATABASE_POOL_MAX);
}

/** The app's one Prisma client, kept on globalThis so hot reloads in development reuse its pool. */
export const prisma: PrismaClient = (globalForPrisma.prisma ??= sharedClient());
