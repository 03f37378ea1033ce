import fs from "node:fs";
import { z } from "zod";
// Relative: next.config.ts loads this file, and its loader does not resolve the "@/" alias.
import { firstIssue } from "./validation";

/**
 * Every environment variable the app reads, parsed once. A wrong value stops the process with a one-line
 * explanation (see `loadEnv`). `.env.example` lists the same variables with their defaults.
 */
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, "must look like postgresql://user:password@host:5432/database");

const envFields = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: the embedded PostgreSQL under EMBEDDED_DB_DIR is used. */
  DATABASE_URL: postgresUrl.optional(),
  /** Connections each app process keeps open to Postgres. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * The site's public origin: every absolute link (sign-in mail, feeds, OpenGraph, canonical links, the
   * sitemap) is built from it, never from a request's Host or X-Forwarded-Host. Unset: http://localhost:PORT.
   */
  APP_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://papers.example.org" })
    .refine((value) => {
      const url = new URL(value);
      return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
    }, "must be the site's origin alone, such as https://papers.example.org (no path, query or login)")
    .optional(),
  EMBEDDED_DB_DIR: z.string().min(1).default(".data/postgres"),
  /** 0 picks a free port. */
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Signs session cookies and email links. `npm start` makes one in .data/ when unset. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  /** Outgoing mail server. Unset: mail is printed to the server log and kept for /dev/mail. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "must look like smtp://user:password@host:587 or smtps://…")
    .optional(),
  EMAIL_FROM: z.string().min(3).default("Daily Papers <papers@localhost>"),
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  /** Serve the outgoing-mail page /dev/mail in a production build (it always is in development). */
  DEV_MAILBOX: z.stringbool().default(false),
  /** Hour (UTC) at which the daily digest, and on DIGEST_WEEKLY_DAY the weekly one, is sent. */
  DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
  /** Day of the week of the weekly digest: 0 = Sunday … 6 = Saturday. */
  DIGEST_WEEKLY_DAY: z.coerce.number().int().min(0).max(6).default(1),
  /** `npm start` runs the digest worker beside the app unless this is false. */
  DIGEST_WORKER: z.stringbool().default(true),
  /** Memory (MB) the page cache of `npm start` may take for the pages it serves to signed-out readers. */
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(65_536).default(128),
  /** Seconds after which a cached page is refreshed in the background (mutations refresh it at once). */
  PAGE_CACHE_STALE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(10),
  /**
   * Reverse proxies in front of the app that append the client's address to X-Forwarded-For (nginx's
   * `$proxy_add_x_forwarded_for`, a load balancer). The sign-in limit per client counts the address that many
   * hops from the right: entries further left were written by the client and prove nothing.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Upvote toggles one user may make per minute. */
  UPVOTE_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(30),
  /** arXiv categories whose listing feeds are imported ("cs.AI,cs.CL"). */
  ARXIV_CATEGORIES: z
    .string()
    .regex(
      /^[a-zA-Z-]+(\.[a-zA-Z-]+)?(,[a-zA-Z-]+(\.[a-zA-Z-]+)?)*$/,
      "must be comma-separated arXiv categories such as cs.AI,cs.CL",
    )
    .default("cs.AI,cs.CL,cs.CV,cs.LG"),
  /** Base URL of arXiv's listing feeds (…/rss/<categories>, …/atom/<categories>). Tests point it at a replay server. */
  ARXIV_RSS_URL: z.url().default("https://rss.arxiv.org"),
  /** arXiv's export API endpoint. */
  ARXIV_API_URL: z.url().default("https://export.arxiv.org/api/query"),
  /** Base URL of Hugging Face (its /api/daily_papers). */
  HF_API_URL: z.url().default("https://huggingface.co"),
  /** Mirror Hugging Face's daily list as this site's own. */
  HF_DAILY_MIRROR: z.stringbool().default(false),
  /** `npm start` and `npm run worker` run the scheduled imports unless this is false. */
  IMPORT_SCHEDULE: z.stringbool().default(true),
  /** Members may submit papers whose arXiv date is at most this many days old. */
  SUBMIT_WINDOW_DAYS: z.coerce.number().int().min(1).max(36_500).default(14),
  /** Submissions one member may make per hour. */
  SUBMIT_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /**
   * Who may read the site: `public` (anyone), or `members` (only signed-in members: a stranger gets the sign-in
   * page, a machine a 401; feeds through each member's secret feed address, MCP with a personal token).
   */
  SITE_ACCESS: z.enum(["public", "members"], { error: "must be public or members" }).default("public"),
  /**
   * Email domains whose addresses may sign in (comma-separated: "lab.example.org,example.edu"), besides the
   * admins and the addresses an admin invited. Unset: any address (on a members-only site: existing members,
   * admins and invited addresses only).
   */
  ALLOWED_EMAIL_DOMAINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((domain) => domain.trim().toLowerCase().replace(/^@/, ""))
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/,
            "must be comma-separated email domains such as lab.example.org,example.edu",
          ),
      ),
    ),
  /** A generic OpenID Connect provider (the lab's identity provider): its issuer URL, as in its discovery document. */
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: "must be the provider's issuer URL, such as https://id.example.org" })
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The sign-in button's name for it ("Sign in with …"). */
  OIDC_NAME: z.string().min(1).max(60).default("Single sign-on"),
  /** Email addresses of the admins (comma-separated): they get /admin. */
  ADMIN_EMAILS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((email) => email.trim().toLowerCase())
        .filter(Boolean),
    ),
});

const envSchema = envFields.superRefine((env, context) => {
  // Behind a proxy the address the server listens on is not the one readers use, and the Host a proxy passes
  // on is whatever the client wrote: links need the configured origin.
  if (env.TRUSTED_PROXY_HOPS > 0 && !env.APP_URL) {
    context.addIssue({
      code: "custom",
      path: ["APP_URL"],
      message:
        "must be set when TRUSTED_PROXY_HOPS is above 0 (the address readers use, such as https://papers.example.org)",
    });
  }
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidc > 0 && oidc < 3) {
    context.addIssue({
      code: "custom",
      path: [!env.OIDC_ISSUER ? "OIDC_ISSUER" : !env.OIDC_CLIENT_ID ? "OIDC_CLIENT_ID" : "OIDC_CLIENT_SECRET"],
      message: "must be set with the other two (OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together)",
    });
  }
});

export type Env = z.infer<typeof envSchema>;

/** Parses `source` (default `process.env`); throws an Error whose message is one readable line. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const { path, message } = firstIssue(result.error, "invalid value");
    throw new Error(`Invalid environment variable ${path || "environment"}: ${message}`);
  }
  return result.data;
}

let cached: Env | undefined;

/**
 * The parsed environment of this process, or exit(1) with a one-line message when it is wrong.
 * A `.env` file in the working directory fills in variables the environment does not set.
 */
export function loadEnv(): Env {
  if (cached) return cached;
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  try {
    cached = parseEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  return cached;
}

/**
 * The site's origin ("https://papers.example.org", no trailing slash): APP_URL, else the address this server
 * listens on (http://localhost:PORT; `scripts/serve.ts` sets PORT to the port it serves). The one source of
 * every absolute link the app makes: request headers (Host, X-Forwarded-Host) are written by the client, and
 * a link built from them can point anywhere.
 */
export function appUrl(env: Env = loadEnv()): string {
  return new URL(env.APP_URL ?? `http://localhost:${env.PORT}`).origin;
}
