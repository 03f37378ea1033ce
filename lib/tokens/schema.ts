import { z } from "zod";
import { NOT_IN_A_NAME } from "@/lib/text/unsafe-characters";

/**
 * Personal access tokens: what a member sends an agent's requests with (`Authorization: Bearer dp_…`). The
 * secret is "dp_" and 32 random bytes in base64url (43 characters): the prefix lets a secret scanner, or a
 * person, tell one at a glance.
 */
export const TOKEN_PREFIX = "dp_";
/** A secret as it is made: the prefix and 43 base64url characters. */
export const TOKEN_FORMAT = /^dp_[A-Za-z0-9_-]{43}$/;

/** Longest token name, in characters after trimming. */
export const TOKEN_NAME_MAX = 60;

/** Token ids are cuids: lowercase letters and digits. */
const tokenIdField = z
  .string({ error: "That token does not exist." })
  .regex(/^[a-z0-9]{1,40}$/, "That token does not exist.");

/** A token's name: one line, trimmed, 1–60 characters, no control or direction characters. */
const tokenNameField = z
  .string({ error: "Name the token." })
  .transform((value) => value.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(1, "Name the token, e.g. the agent or machine that will use it.")
      .max(TOKEN_NAME_MAX, `A token's name is at most ${TOKEN_NAME_MAX} characters.`)
      .refine((value) => !NOT_IN_A_NAME.test(value), "A token's name cannot hold control characters."),
  );

/** A checkbox as a form sends it ("on", or nothing), or a boolean. */
const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");

export const createTokenSchema = z.object({ name: tokenNameField, mayVote: checkbox });
export const revokeTokenSchema = z.object({ tokenId: tokenIdField });

/** A token as its owner's list shows it (never its secret, which is not kept). */
export interface TokenSummary {
  id: string;
  name: string;
  mayVote: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}
