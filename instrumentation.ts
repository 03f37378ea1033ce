/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseForbiddenMethods } = await import("@/lib/http/forbidden-methods");
  refuseForbiddenMethods();
  // A page that failed because the database just went away answers 503 and the calm page, not a 500.
  const { answerOutagesWith503 } = await import("@/lib/db-outage-status");
  await answerOutagesWith503();
}
