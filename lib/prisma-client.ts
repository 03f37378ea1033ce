import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A Prisma client for `url`, through the pg driver adapter (Prisma 7 has no Rust query engine).
 * Scripts and tests make their own; the app shares the one in lib/db.ts.
 */
export function createPrismaClient(url: string, poolMax = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: poolMax }) });
}
