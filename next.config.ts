import type { NextConfig } from "next";
import { loadEnv } from "./lib/env";

// Parsing here makes a wrong environment stop `next build` / `next start` with a one-line message.
const env = loadEnv();

/**
 * HTTPS only from now on, for a year, when the site's address is https (a browser ignores the header over
 * plain http, and an http site must not send it). Not `includeSubDomains`: the site may be one host of a
 * domain whose other hosts are not ours to pin. Next.js reads these headers when it builds, so the build
 * follows APP_URL (`npm start` rebuilds when it changes).
 */
const strictTransportSecurity = env.APP_URL?.startsWith("https:")
  ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }]
  : [];

/** arXiv ids in a path (with a version, which the answer redirects away), for the rewrites below. */
const NEW_ID = "\\d{4}\\.\\d{4,5}(?:v\\d+)?";
const ARCHIVE = "[a-z-]+(?:\\.[A-Z]{2})?";
const OLD_NUMBER = "\\d{7}(?:v\\d+)?";
const wantsMarkdown = { type: "header", key: "accept", value: ".*text/markdown.*" } as const;

const nextConfig: NextConfig = {
  // The test suite builds into its own folder so it never disturbs the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` and `npm test`; checking them again in every build cost
  // `npm start` 89 s on a fresh clone.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // Next.js's data cache (unstable_cache) stays in this process's memory: on disk, in the build folder, it
    // was shared by every app server of the same build, and one server read entries another had written
    // after this one heard of the change that outdated them (a hidden paper served again, issue 20 item 10).
    // Each server hears every change (lib/page-cache/change-feed.ts); its data cache must be its own.
    isrFlushToDisk: false,
    // Writing Turbopack's cache to disk cost a fresh build (the first `npm start` of a clone) 4 s of its 27.
    turbopackFileSystemCacheForBuild: false,
    // A library imported into a collection is sent to its server action as text, up to 1 MB of it
    // (lib/citations/library.ts says so in a sentence); Next's default limit would cut it off first.
    serverActions: { bodySizeLimit: "2mb" },
  },
  reactStrictMode: true,
  // No page uses next/image (thumbnails come from any host: plain <img>), so Next's image optimizer is off:
  // `/_next/image` is a 404 rather than an endpoint that fetches any address of the site in-process.
  images: { unoptimized: true },
  // Citation files at the address of what they cite (app/citations/), and pages as Markdown: `/papers/2501.12948.bib`,
  // `/papers/hep-th/9901001.ris`, `/papers/date/2025-01-22.csl.json`, `/collections/<id>.bib`,
  // `/users/<handle>/upvoted.bib`.
  async rewrites() {
    const extension = ":extension(bib|ris|csl\\.json)";
    return [
      { source: `/papers/date/:day(\\d{4}-\\d{2}-\\d{2}).${extension}`, destination: "/citations/day/:extension/:day" },
      { source: `/papers/:id(${NEW_ID}).${extension}`, destination: "/citations/paper/:extension/:id" },
      {
        source: `/papers/:archive(${ARCHIVE})/:number(${OLD_NUMBER}).${extension}`,
        destination: "/citations/paper/:extension/:archive/:number",
      },
      { source: `/collections/:id([a-z0-9]{1,40}).${extension}`, destination: "/citations/collection/:extension/:id" },
      {
        source: `/users/:handle([a-z0-9-]{1,40})/upvoted.${extension}`,
        destination: "/citations/upvoted/:extension/:handle",
      },
      // Pages as Markdown for agents (app/markdown/): `/papers/<id>.md`, `/papers/date/<day>.md`, and a paper's
      // page asked for with `Accept: text/markdown`.
      { source: "/papers/date/:day(\\d{4}-\\d{2}-\\d{2}).md", destination: "/markdown/day/:day" },
      { source: `/papers/:id(${NEW_ID}).md`, destination: "/markdown/paper/:id" },
      {
        source: `/papers/:archive(${ARCHIVE})/:number(${OLD_NUMBER}).md`,
        destination: "/markdown/paper/:archive/:number",
      },
      { source: `/papers/:id(${NEW_ID})`, has: [wantsMarkdown], destination: "/markdown/paper/:id" },
      {
        source: `/papers/:archive(${ARCHIVE})/:number(${OLD_NUMBER})`,
        has: [wantsMarkdown],
        destination: "/markdown/paper/:archive/:number",
      },
    ];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
          ...strictTransportSecurity,
        ],
      },
    ];
  },
};

export default nextConfig;
