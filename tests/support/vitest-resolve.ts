import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * How both vitest configs (vitest.config.ts, vitest.chaos.config.ts) resolve modules: the app's one `@/`
 * alias, and `server-only`, which throws outside React Server Components, stubbed so the data layer can
 * be tested directly. The configs import it as `vitest-resolve.js` (this file, as TypeScript resolves it):
 * Vite's config loader warns on every run about an import without an extension.
 */
export const testResolve = {
  alias: {
    "@": root,
    "server-only": path.resolve(root, "tests/support/server-only.ts"),
  },
};
