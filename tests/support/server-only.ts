// Stand-in for the `server-only` package in unit and integration tests (see vitest.config.ts).
export {};
