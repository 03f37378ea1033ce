import { z } from "zod";

export const digestChoices = ["OFF", "DAILY", "WEEKLY"] as const;
export type DigestChoice = (typeof digestChoices)[number];

export const emailPreferencesSchema = z.object({
  digest: z.enum(digestChoices, "Choose off, daily or weekly."),
  minUpvotes: z.coerce
    .number("Enter a number of upvotes.")
    .int("Enter a whole number.")
    .min(0, "Use 0 or more.")
    .max(10_000, "Use at most 10000."),
});

export const deleteAccountSchema = z.object({
  confirm: z.literal("delete", "Type “delete” to confirm."),
});

/** Unsubscribe tokens are 32 random bytes in base64url. */
export const unsubscribeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
