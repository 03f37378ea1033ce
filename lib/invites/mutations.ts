import "server-only";
import { audited } from "@/lib/admin/mutations";
import { AppError } from "@/lib/errors";
import { appUrl } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { invitationMail } from "@/lib/mail/templates/invitation";

/**
 * Invites `email` (normalised): it may sign in from now on, whatever ALLOWED_EMAIL_DOMAINS says (and on a
 * members-only site without an account). Admins only; recorded in the admin log with the invitation, in one
 * transaction.
 */
export function createInvite(adminId: string, email: string): Promise<{ email: string }> {
  return audited(adminId, async (tx) => {
    const existing = await tx.invite.findUnique({ where: { email }, select: { email: true } });
    if (existing) throw new AppError("CONFLICT", `${email} is already invited.`);
    await tx.invite.create({ data: { email, invitedById: adminId } });
    return { result: { email }, action: "invite", targetId: email };
  });
}

/** Revokes the invitation of `email`: from now on it signs in only if the rules let it anyway. Admins only; audited. */
export function revokeInvite(adminId: string, email: string): Promise<{ email: string }> {
  return audited(adminId, async (tx) => {
    const { count } = await tx.invite.deleteMany({ where: { email } });
    if (count === 0) throw new AppError("NOT_FOUND", `${email} has no invitation.`);
    return { result: { email }, action: "revoke-invite", targetId: email };
  });
}

/** Mails `email` its invitation: who is inviting and a link to the sign-in page. */
export async function sendInvitationMail(email: string, invitedBy: string | null): Promise<void> {
  await sendMail({ to: email, ...invitationMail({ signInUrl: `${appUrl()}/signin`, invitedBy }) });
}
