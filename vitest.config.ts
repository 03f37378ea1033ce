import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; the data layer is tested directly.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    // Papers are bucketed by day: run in a zone far from UTC so day arithmetic that leaks local time fails.
    env: { TZ: "Pacific/Kiritimati" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
