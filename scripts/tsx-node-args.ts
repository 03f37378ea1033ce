/**
 * Node flags for running one of our TypeScript scripts in a child process, as package.json's scripts do:
 * tsx for TypeScript, and WebAssembly modules for Prisma's schema engine (Node 20 keeps them behind a flag).
 */
export const TSX_NODE_ARGS = [
  "--experimental-wasm-modules",
  "--disable-warning=ExperimentalWarning",
  "--import",
  "tsx",
];
