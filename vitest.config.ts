import { defineConfig } from "vitest/config";
import { testResolve } from "./tests/support/vitest-resolve.js";

export default defineConfig({
  resolve: testResolve,
  test: {
    include: [
      "lib/**/*.test.ts",
      "prisma/**/*.test.ts",
      "scripts/**/*.test.ts",
      "tools/**/*.test.ts",
      "tests/**/*.test.ts",
    ],
    // The chaos suite needs a running production server: `npm run test:chaos` (vitest.chaos.config.ts).
    exclude: ["tests/chaos/**", "**/node_modules/**"],
    // Papers are bucketed by day: run in a zone far from UTC so day arithmetic that leaks local time fails.
    env: { TZ: "Pacific/Kiritimati" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Three files at a time even on two cores (Vitest's default there is one): most of the suite's time is spent
    // waiting on a database, a child process, a server or a lease, not computing. Measured beside the checks on
    // 2 cores: 1 file at a time 432 s, 2 → 163–174 s, 3 → 143–150 s, 4 → 150 s.
    maxWorkers: 3,
  },
});
