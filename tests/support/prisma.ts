import { createPrismaClient } from "@/lib/db/create-client";
import { testDatabaseUrl } from "@/tests/support/databases";

/** A Prisma client on the suite's (migrated) test database. */
export function testPrisma() {
  return createPrismaClient(testDatabaseUrl(), 10);
}
