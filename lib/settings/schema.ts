import { z } from "zod";

export const digestChoices = ["OFF", "DAILY", "WEEKLY"] as const;
export type DigestChoice = (typeof digestChoices)[number];

export const emailPreferencesSchema = z.object({
  digest: z.enum(digestChoices, "Choose off, daily or weekly."),
  // Only plain decimal digits: z.coerce took "" as 0 and "0x10" / "1e3" as 16 / 1000.
  minUpvotes: z
    .union([z.string(), z.number()], "Enter a number of upvotes.")
    .transform((value) => String(value).trim())
    .pipe(z.string().regex(/^\d{1,5}$/, "Enter a whole number of upvotes from 0 to 10000."))
    .transform(Number)
    .pipe(z.number().int().min(0).max(10_000, "Use at most 10000.")),
});

export const deleteAccountSchema = z.object({
  confirm: z.literal("delete", "Type “delete” to confirm."),
});

/** Unsubscribe tokens are 32 random bytes in base64url. */
export const unsubscribeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
