import "server-only";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { guardedAction, type ActionOptions } from "@/lib/actions/guarded-action";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { isAdmin } from "@/lib/auth/admin";

export interface ActionContext<Input> {
  user: CurrentUser;
  input: Input;
}

/**
 * The one way to write a server action that needs a signed-in user (in the spirit of Rallly's
 * `authActionClient`): it looks up the session, parses the input with zod, applies the rate limit, runs
 * `handler`, and maps every failure to an `ActionResult` — an `AppError` to its code and sentence, a
 * database outage to UNAVAILABLE, anything else to INTERNAL (logged once, never shown). Redirects thrown
 * by `redirect()` pass through.
 */
export function authAction<S extends z.ZodType, T extends object>(
  options: ActionOptions<S>,
  handler: (context: ActionContext<z.infer<S>>) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  const forbidden = (user: CurrentUser) => Boolean(options.adminOnly) && !isAdmin(user);
  return guardedAction(options, { identify: getCurrentUser, key: (user) => user.id, forbidden }, handler);
}
