/**
 * The phone project (playwright.config.ts) runs only the tests tagged with this: those whose subject is how a
 * page fits and behaves on a phone. Everything else (the server, the data, the forms) is the same on every
 * device and runs once, on desktop.
 */
export const PHONE = "@phone";

/** A test about the phone alone (a 320 px header): the phone project runs it, desktop leaves it out. */
export const PHONE_ONLY = "@phone-only";

/**
 * A test whose subject is the markup: axe-core, contrast, the fit to the screen (the page walk of
 * e2e/a11y.spec.ts). It is the same whatever database serves the data, so CI's second pass, on the embedded
 * PostgreSQL, leaves it out (`--grep-invert @markup` in .ci/run).
 */
export const MARKUP = "@markup";
