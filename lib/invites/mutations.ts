import "server-only";
import { audited } from "@/lib/admin/mutations";
import { signInRules, signInVerdict, type SignInRules } from "@/lib/auth/sign-in-policy";
import { AppError } from "@/lib/errors";
import { appUrl } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { invitationMail } from "@/lib/mail/templates/invitation";

/**
 * Invites `email` (normalised): it may sign in from now on, whatever ALLOWED_EMAIL_DOMAINS says (and on a
 * members-only site without an account). An address whose invitation was revoked is invited anew. Admins only;
 * recorded in the admin log with the invitation, in one transaction.
 */
export function createInvite(adminId: string, email: string): Promise<{ email: string }> {
  return audited(adminId, async (tx) => {
    const existing = await tx.invite.findUnique({ where: { email }, select: { revokedAt: true } });
    if (existing && existing.revokedAt === null) throw new AppError("CONFLICT", `${email} is already invited.`);
    const invitation = { invitedById: adminId, createdAt: new Date(), usedAt: null, revokedAt: null };
    await tx.invite.upsert({ where: { email }, create: { email, ...invitation }, update: invitation });
    return { result: { email }, action: "invite", targetId: email };
  });
}

/**
 * Revokes the invitation of `email`: from now on it signs in only if the rules let it anyway (an admin address, an
 * allowed domain, or an account on a public site). Where they do not, the member it made is signed out
 * everywhere at once: their sessions and their tokens for agents end. The invitation is kept, marked revoked, so
 * that the account it made lets no one in on its own. Admins only; audited.
 */
export function revokeInvite(
  adminId: string,
  email: string,
  rules: SignInRules = signInRules(),
): Promise<{ email: string; signedOut: boolean }> {
  return audited(adminId, async (tx) => {
    const { count } = await tx.invite.updateMany({
      where: { email, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", `${email} has no invitation.`);
    const member = await tx.user.findUnique({ where: { email }, select: { id: true } });
    const shutOut =
      member !== null && !signInVerdict(email, { invited: false, revoked: true, hasAccount: true }, rules).allowed;
    if (member && shutOut) {
      await tx.session.deleteMany({ where: { userId: member.id } });
      await tx.accessToken.deleteMany({ where: { userId: member.id } });
    }
    return { result: { email, signedOut: shutOut }, action: "revoke-invite", targetId: email };
  });
}

/** Mails `email` its invitation: who is inviting and a link to the sign-in page. */
export async function sendInvitationMail(email: string, invitedBy: string | null): Promise<void> {
  await sendMail({ to: email, ...invitationMail({ signInUrl: `${appUrl()}/signin`, invitedBy }) });
}
