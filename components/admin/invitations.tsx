import { ActionForm } from "@/components/admin/action-form";
import { AdminButton, adminInput } from "@/components/admin/admin-ui";
import { inviteAction, revokeInviteAction } from "@/lib/invites/actions";
import type { InviteRow } from "@/lib/invites/schema";

function when(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/**
 * Invitations: an address to invite (it is mailed a link to the sign-in page), then the invited addresses, who
 * invited each and when, whether it has signed in yet, and a button that revokes it.
 */
export function Invitations({ invites, allowedDomains }: { invites: InviteRow[]; allowedDomains: readonly string[] }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {allowedDomains.length
          ? `Addresses at ${allowedDomains.join(", ")} may sign in; invite anyone else here.`
          : "An invited address may sign in even where the site is for members only."}{" "}
        Revoking stops the address from signing in again.
      </p>
      <ActionForm action={inviteAction} label="Invite an address" className="flex flex-wrap items-center gap-2">
        <label htmlFor="invite-email" className="text-sm">
          Email address
        </label>
        <input
          id="invite-email"
          name="email"
          type="email"
          required
          autoComplete="off"
          placeholder="name@example.org"
          className={`${adminInput} w-64`}
        />
        <AdminButton>Invite</AdminButton>
      </ActionForm>
      {invites.length ? (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-label="Invitations">
          {invites.map((invite) => (
            <li key={invite.email} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="min-w-0 break-all">
                {invite.email}
                <span className="block text-xs break-normal text-zinc-500 dark:text-zinc-400">
                  invited {when(invite.createdAt)} UTC{invite.invitedBy ? ` by ${invite.invitedBy}` : ""} ·{" "}
                  {invite.usedAt ? `first signed in ${when(invite.usedAt)} UTC` : "not signed in yet"}
                  {invite.revokedAt ? ` · revoked ${when(invite.revokedAt)} UTC` : ""}
                </span>
              </span>
              {/* The form stays when the invitation is revoked, so its answer stays in view. */}
              <ActionForm action={revokeInviteAction} label={`Revoke ${invite.email}`} className="flex gap-2">
                <input type="hidden" name="email" value={invite.email} />
                {invite.revokedAt ? (
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">Revoked: invite again above</span>
                ) : (
                  <AdminButton danger label={`Revoke the invitation of ${invite.email}`}>
                    Revoke
                  </AdminButton>
                )}
              </ActionForm>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No address is invited.</p>
      )}
    </div>
  );
}
