/**
 * Node flags for running one of our TypeScript scripts: tsx for TypeScript, and WebAssembly modules for
 * Prisma's schema engine (Node 20 keeps them behind a flag). package.json's scripts get them from
 * scripts/run.mjs; scripts and tests that start a script in a child process spread them themselves.
 * Plain JavaScript, because the launcher reads them before tsx is loaded.
 */
export const TSX_NODE_ARGS = [
  // Scripts are server code: `server-only` modules (lib/db/client.ts, lib/ingest/…) load here and nowhere else.
  "--conditions=react-server",
  "--experimental-wasm-modules",
  "--disable-warning=ExperimentalWarning",
  "--import",
  "tsx",
];
