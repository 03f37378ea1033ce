import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
/** The members-only lab site (e2e/support/lab-site.ts) and the OpenID Connect provider its specs start. */
const labPort = port + 1;
const oidcPort = port + 2;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Run through `npm test` (or `npm run test:e2e`), which provides a migrated, seeded test database and a build. */
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/playwright",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // A page's answer is awaited up to 10 s (Playwright's default is 5): on a busy two-core machine a member's
  // page, its hydration and its one /api/viewer request can take longer than 5 s together.
  expect: { timeout: 10_000 },
  // A whole walk (sign in, several pages, forms, a mail) on a busy two-core machine: some machines of the same
  // size run the suite at well under half the speed of others (e2e/a11y.spec.ts alone: 142 s on one, 374 s on
  // another, same code), and 30 s, Playwright's default, then cuts walks that work.
  timeout: 60_000,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://localhost:${port}`,
    timezoneId: "Europe/Berlin",
    locale: "en-US",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } },
      // Tests about the phone alone (e2e/support/tags.ts).
      grepInvert: /@phone-only/,
    },
    {
      name: "phone",
      use: { ...devices["Pixel 7"] },
      // Only what is about fitting and working on a phone (e2e/support/tags.ts): the server, data and forms
      // behind a page are the same on every device, and desktop runs them once. The a11y walk still takes every
      // page to 320 px, signed in and out, in light and dark.
      grep: /@phone/,
    },
  ],
  webServer: [
    {
      // The production server as `npm start` runs it: Next.js behind the page cache (scripts/serve.ts).
      command: `node scripts/run.mjs scripts/serve.ts --port ${port}`,
      url: `http://localhost:${port}`,
      reuseExistingServer: false,
      // Links in mail and Auth.js redirects must use the address the browser uses.
      // admin@e2e.test is the admin the admin spec signs in as (e2e/admin.spec.ts).
      // The suite plays the one trusted proxy: it names each client in X-Forwarded-For (the sign-in limits count
      // per client).
      env: { APP_URL: `http://localhost:${port}`, ADMIN_EMAILS: "admin@e2e.test", TRUSTED_PROXY_HOPS: "1" },
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // A lab's site on the same database (e2e/support/lab-site.ts): members only, sign-in for one email domain
      // and invited addresses, and single sign-on through the OpenID Connect provider the specs start.
      command: `node scripts/run.mjs scripts/serve.ts --port ${labPort}`,
      url: `http://localhost:${labPort}/signin`,
      reuseExistingServer: false,
      env: {
        APP_URL: `http://localhost:${labPort}`,
        ADMIN_EMAILS: "admin@e2e.test",
        TRUSTED_PROXY_HOPS: "1",
        SITE_ACCESS: "members",
        ALLOWED_EMAIL_DOMAINS: "lab.e2e.test",
        OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        // The same values as e2e/support/lab-site.ts.
        OIDC_CLIENT_ID: "daily-papers-e2e",
        OIDC_CLIENT_SECRET: "e2e-oidc-client-secret-that-is-long-enough",
        OIDC_NAME: "Lab ID",
      },
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
