import "server-only";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { actionFailure } from "@/lib/actions/action-failure";
import { isDatabaseDown } from "@/lib/db/health";
import type { AppErrorCode } from "@/lib/errors";
import { consumeAllowance, type RateLimit, refundAllowance, tryAgainIn } from "@/lib/rate-limits";
import { firstIssueMessage } from "@/lib/validation";
import { UNAVAILABLE_ACTION_MESSAGE } from "@/lib/db/unavailable";

export interface ActionOptions<S extends z.ZodType> {
  /** Validates the action's input (an object, or FormData turned into one by `formInput`). */
  schema: S;
  /** Counted per signed-in user; over it, the action answers RATE_LIMITED without running. */
  rateLimit?: RateLimit | (() => RateLimit);
  /** Only admins (ADMIN_EMAILS) may run it. */
  adminOnly?: boolean;
  /** Shown when the reader is signed out ("Sign in to upvote."). */
  signedOutMessage?: string;
  /** Shown when the rate limit refuses the action. */
  rateLimitedMessage?: (retryAfterSeconds: number) => string;
  /**
   * Failures that give the counted action back to the rate limit: those that are not the reader's doing (an
   * upstream server that did not answer), so trying again later does not use up their allowance.
   */
  refundOn?: readonly AppErrorCode[];
}

/**
 * The checks every action makes, in order, around `handler`, for whoever `who.identify` finds. Apart from
 * `authAction` (lib/actions/safe-action.ts), which finds the session's user, so its tests can name the reader.
 */
export function guardedAction<S extends z.ZodType, T extends object, Identity>(
  options: ActionOptions<S>,
  who: {
    /** Who is signed in, or null. */
    identify: () => Promise<Identity | null>;
    /** Their rate-limit key. */
    key: (identity: Identity) => string;
    /** Whether they may not run this action at all. */
    forbidden: (identity: Identity) => boolean;
  },
  handler: (context: { user: Identity; input: z.infer<S> }) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    // While the database is known to be down, answer at once instead of waiting out its timeouts.
    if (isDatabaseDown()) return { ok: false, code: "UNAVAILABLE", message: UNAVAILABLE_ACTION_MESSAGE };
    try {
      const user = await who.identify();
      if (!user) {
        return { ok: false, code: "UNAUTHENTICATED", message: options.signedOutMessage ?? "Sign in first." };
      }
      if (who.forbidden(user)) {
        return { ok: false, code: "FORBIDDEN", message: "Only admins can do that." };
      }
      const parsed = options.schema.safeParse(raw instanceof FormData ? formInput(raw) : raw);
      if (!parsed.success) return { ok: false, code: "INVALID_INPUT", message: firstIssueMessage(parsed.error) };
      const limit = typeof options.rateLimit === "function" ? options.rateLimit() : options.rateLimit;
      if (limit) {
        const allowance = await consumeAllowance(limit, who.key(user));
        if (!allowance.allowed) {
          return {
            ok: false,
            code: "RATE_LIMITED",
            message:
              options.rateLimitedMessage?.(allowance.retryAfterSeconds) ??
              `That is a lot in a short time. ${tryAgainIn(allowance.retryAfterSeconds)}`,
          };
        }
      }
      try {
        return { ok: true, ...(await handler({ user, input: parsed.data })) };
      } catch (error) {
        const failure = actionFailure(error);
        if (limit && options.refundOn?.includes(failure.code)) await refund(limit, who.key(user));
        return failure;
      }
    } catch (error) {
      return actionFailure(error);
    }
  };
}

/** Gives the action back to `limit`; a failure to do so (the database is down too) is logged, not shown. */
async function refund(limit: RateLimit, key: string): Promise<void> {
  try {
    await refundAllowance(limit, key);
  } catch (error) {
    console.error(`[action] could not give back an action of the ${limit.name} limit`, error);
  }
}

/** FormData as a plain object for zod: repeated names become arrays, files are dropped. */
export function formInput(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const existing = result[key];
    result[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}
