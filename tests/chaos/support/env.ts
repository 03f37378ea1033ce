import { inject } from "vitest";

// What global-setup.ts started, as environment variables: the probes read `process.env.CHAOS_BASE_URL`.
Object.assign(process.env, inject("chaosEnv"));
