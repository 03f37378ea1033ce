import { z } from "zod";

/** An address to invite or whose invitation to revoke: one mailbox, lowercased as Auth.js stores it. */
const inviteEmail = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."))
  .transform((email) => email.normalize("NFKC").toLowerCase());

export const inviteSchema = z.object({ email: inviteEmail });
export const revokeInviteSchema = z.object({ email: inviteEmail });

/** An invitation as the admin page lists it. */
export interface InviteRow {
  email: string;
  invitedBy: string | null;
  createdAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}
