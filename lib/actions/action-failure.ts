import "server-only";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { isDatabaseOutage } from "@/lib/db/health";
import { AppError } from "@/lib/errors";
import { UNAVAILABLE_ACTION_MESSAGE } from "@/lib/db/unavailable";

/**
 * Maps a thrown error to the failed `ActionResult` a person sees; rethrows Next.js redirects. Shared by
 * the server actions (lib/actions/safe-action.ts) and the vote endpoint (lib/upvotes/vote-endpoint.ts), which
 * runs outside Next.js too: so no auth or Next.js request imports here.
 */
export function actionFailure(error: unknown): { ok: false; code: AppError["code"]; message: string } {
  if (isRedirectError(error)) throw error;
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
  // Logged once by lib/db/health.ts when the outage began; the reader is told to try again.
  if (isDatabaseOutage(error)) return { ok: false, code: "UNAVAILABLE", message: UNAVAILABLE_ACTION_MESSAGE };
  console.error("[action] failed", error);
  return {
    ok: false,
    code: "INTERNAL",
    message: "Something went wrong on our side. Nothing was changed; please try again.",
  };
}
