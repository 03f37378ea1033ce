import { defineConfig } from "vitest/config";
import { testResolve } from "./tests/support/vitest-resolve.js";

/**
 * `npm run test:chaos`: faults and hostile input replayed against a real production server (started by
 * tests/chaos/support/global-setup.ts). One file at a time: a test that stalls the database must not
 * share the server with one that asserts every answer is fine.
 */
export default defineConfig({
  resolve: testResolve,
  test: {
    include: ["tests/chaos/**/*.test.ts"],
    globalSetup: ["tests/chaos/support/global-setup.ts"],
    setupFiles: ["tests/chaos/support/env.ts"],
    env: { TZ: "Pacific/Kiritimati" },
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    pool: "forks",
  },
});
