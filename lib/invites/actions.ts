"use server";

import { refresh } from "next/cache";
import { authAction } from "@/lib/actions/safe-action";
import { createInvite, revokeInvite, sendInvitationMail } from "@/lib/invites/mutations";
import { inviteSchema, revokeInviteSchema } from "@/lib/invites/schema";
import { rateLimit } from "@/lib/rate-limits";

/**
 * Invites an address and mails it a link to the sign-in page (admins only; audited). The invitation stands even
 * when the mail cannot be sent, and the admin is told so, to pass the link on another way.
 */
export const inviteAction = authAction(
  { schema: inviteSchema, adminOnly: true, rateLimit: () => rateLimit("invite") },
  async ({ user, input }) => {
    const { email } = await createInvite(user.id, input.email);
    refresh();
    try {
      await sendInvitationMail(email, user.name ?? (user.username ? `@${user.username}` : null));
    } catch (error) {
      console.error("[invites] the invitation mail could not be sent", error);
      return { message: `${email} is invited, but the mail could not be sent: tell them to sign in at /signin.` };
    }
    return { message: `${email} is invited and has been sent a link to sign in.` };
  },
);

/** Revokes an invitation (admins only; audited). */
export const revokeInviteAction = authAction(
  { schema: revokeInviteSchema, adminOnly: true, rateLimit: () => rateLimit("invite-revoke") },
  async ({ user, input }) => {
    const { email, signedOut } = await revokeInvite(user.id, input.email);
    refresh();
    return {
      message: signedOut
        ? `The invitation of ${email} is revoked, and they are signed out everywhere.`
        : `The invitation of ${email} is revoked.`,
    };
  },
);
