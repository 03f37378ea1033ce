import { z } from "zod";

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 30;

/**
 * Handles nobody may take: the site's own paths and words that would pass for staff. Kept here rather
 * than derived from app/ so a new route cannot silently free a name someone then squats.
 */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([
  "admin",
  "administrator",
  "api",
  "auth",
  "dev",
  "feeds",
  "help",
  "mod",
  "moderator",
  "new",
  "null",
  "og",
  "papers",
  "root",
  "settings",
  "signin",
  "signout",
  "staff",
  "submit",
  "support",
  "system",
  "undefined",
  "unsubscribe",
  "users",
  "daily-papers",
  "dailypapers",
  "me",
  "you",
  "www",
]);

/**
 * Whether `name` is, or passes for, a reserved handle: compared in lowercase with `.` and `_` read as `-`,
 * so an imported `Admin` or `daily_papers` (Hugging Face handles keep case, dots and underscores) is one.
 */
export function isReservedUsername(name: string): boolean {
  return RESERVED_USERNAMES.has(name.trim().toLowerCase().replace(/[._]/g, "-"));
}

/** A public handle: 3–30 lowercase letters, digits and single dashes, not reserved. */
export const usernameSchema = z
  .string("Choose a handle.")
  .trim()
  .min(USERNAME_MIN, `Use at least ${USERNAME_MIN} characters.`)
  .max(USERNAME_MAX, `Use at most ${USERNAME_MAX} characters.`)
  .regex(/^[a-z0-9-]+$/, "Use lowercase letters, digits and dashes only.")
  .regex(/^[a-z0-9](?:-?[a-z0-9])*$/, "Start and end with a letter or digit, and use one dash at a time.")
  .refine((name) => !isReservedUsername(name), "That handle is reserved. Choose another.");

export const DISPLAY_NAME_MAX = 60;

/**
 * A display name ("Ada Lovelace"), shown on comments and the profile page and matched against a paper's
 * authors for the Author badge: trimmed, inner spaces collapsed, at most DISPLAY_NAME_MAX characters, no
 * control or invisible formatting characters (which could reorder or hide text; bidi overrides, zero-width
 * spaces), and not a name that passes
 * for staff. Empty clears it (null): the handle is shown instead.
 */
export const displayNameSchema = z
  .string("Enter a name, or leave it empty.")
  .transform((name) => name.normalize("NFC").replace(/\s+/g, " ").trim())
  // Zero-width (non-)joiners are Cf but part of how some scripts (Persian, Devanagari) write names.
  .refine(
    (name) => !/[\p{Cc}\p{Co}\p{Cn}]|(?![\u200C\u200D])\p{Cf}/u.test(name),
    "Use letters, digits, spaces and punctuation only.",
  )
  .refine((name) => [...name].length <= DISPLAY_NAME_MAX, `Use at most ${DISPLAY_NAME_MAX} characters.`)
  .refine((name) => !isReservedUsername(name), "That name is reserved. Choose another.")
  .transform((name) => name || null);

/** The profile section of Settings: display name, handle and whether the reading list is private. */
export const profileSchema = z.object({
  /** Absent: unchanged. */
  name: displayNameSchema.optional(),
  username: usernameSchema,
  // A checkbox: present ("on") when ticked, absent otherwise.
  profilePrivate: z
    .union([z.literal("on"), z.literal("true"), z.boolean()])
    .optional()
    .transform((value) => value === "on" || value === "true" || value === true),
});

export type ProfileInput = z.infer<typeof profileSchema>;
