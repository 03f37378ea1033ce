import type { NextConfig } from "next";
import { loadEnv } from "./lib/env";

// Parsing here makes a wrong environment stop `next build` / `next start` with a one-line message.
loadEnv();

const nextConfig: NextConfig = {
  // The test suite builds into its own folder so it never disturbs the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
