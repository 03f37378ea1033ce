/**
 * The second server of the end-to-end suite (playwright.config.ts): a lab's members-only site on the same
 * database, open to addresses at lab.e2e.test and invited ones, with single sign-on through an OpenID Connect
 * provider on OIDC_PORT that the specs start themselves (it is down otherwise).
 */
const port = Number(process.env.E2E_PORT ?? 3100);

/** The members-only site's origin. */
export const LAB_URL = `http://localhost:${port + 1}`;
/** Where the lab site expects its OpenID Connect provider (OIDC_ISSUER). */
export const OIDC_PORT = port + 2;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "daily-papers-e2e";
export const OIDC_CLIENT_SECRET = "e2e-oidc-client-secret-that-is-long-enough";
/** The email domain whose addresses may sign in to the lab site (ALLOWED_EMAIL_DOMAINS). */
export const LAB_DOMAIN = "lab.e2e.test";
