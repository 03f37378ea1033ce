import { userPath } from "@/lib/urls";
import Link from "next/link";
import type { ReactNode } from "react";
import { ActionForm } from "@/components/admin/action-form";
import { AdminButton, adminInput } from "@/components/admin/admin-ui";
import type { ActionResult } from "@/lib/actions/result";
import { setPaperHiddenAction, setSubmitBlockedAction } from "@/lib/admin/actions";

function when(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/** One flagged row: what is shown, since when, and what its own undo button posts and is named after. */
interface FlaggedRow {
  key: string;
  details: ReactNode;
  since: Date;
  /** Posted as the form field's value to undo it. */
  value: string;
  /** Named in the undo button's label ("Unhide 2501.12948"). */
  name: string;
}

/**
 * A moderation flag (hidden papers, blocked members): a form that sets or clears it for whatever is typed,
 * then the rows flagged now, each with a button that clears it. The buttons post `intent` as their
 * lowercase word ("hide", "unhide"), the action's contract.
 */
function ModerationList({
  action,
  formLabel,
  field,
  verbs: [flag, unflag],
  flagged,
  listLabel,
  rows,
  emptyText,
}: {
  action: (input: FormData) => Promise<ActionResult<{ message: string }>>;
  formLabel: string;
  field: { id: string; name: string; label: string; placeholder: string; className: string };
  /** The buttons' words: to flag and to undo it ("Hide", "Unhide"). */
  verbs: [string, string];
  /** The past participle each row's date follows ("hidden"). */
  flagged: string;
  listLabel: string;
  rows: FlaggedRow[];
  emptyText: string;
}) {
  return (
    <div className="space-y-4">
      <ActionForm action={action} label={formLabel} className="flex flex-wrap items-center gap-2">
        <label htmlFor={field.id} className="text-sm">
          {field.label}
        </label>
        <input
          id={field.id}
          name={field.name}
          required
          placeholder={field.placeholder}
          className={`${adminInput} ${field.className}`}
        />
        <AdminButton name="intent" value={flag.toLowerCase()} danger>
          {flag}
        </AdminButton>
        <AdminButton name="intent" value={unflag.toLowerCase()}>
          {unflag}
        </AdminButton>
      </ActionForm>
      {rows.length ? (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" aria-label={listLabel}>
          {rows.map((row) => (
            <li key={row.key} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="min-w-0">
                {row.details}
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  {flagged} {when(row.since)} UTC
                </span>
              </span>
              <ActionForm action={action} label={`${unflag} ${row.name}`} className="flex gap-2">
                <input type="hidden" name={field.name} value={row.value} />
                <AdminButton name="intent" value={unflag.toLowerCase()} label={`${unflag} ${row.name}`}>
                  {unflag}
                </AdminButton>
              </ActionForm>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{emptyText}</p>
      )}
    </div>
  );
}

/** Hide or unhide any paper by id, and the papers hidden now. */
export function HiddenPapers({ papers }: { papers: { id: string; title: string; hiddenAt: Date }[] }) {
  return (
    <ModerationList
      action={setPaperHiddenAction}
      formLabel="Hide or unhide a paper"
      field={{
        id: "hide-paper-id",
        name: "paperId",
        label: "Paper id",
        placeholder: "2501.12948",
        className: "w-44 font-mono",
      }}
      verbs={["Hide", "Unhide"]}
      flagged="hidden"
      listLabel="Hidden papers"
      rows={papers.map((paper) => ({
        key: paper.id,
        details: (
          <>
            <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{paper.id}</span> {paper.title}
          </>
        ),
        since: paper.hiddenAt,
        value: paper.id,
        name: paper.id,
      }))}
      emptyText="No paper is hidden."
    />
  );
}

/** Block or unblock a member from submitting, by username or email, and the members blocked now. */
export function BlockedMembers({
  members,
}: {
  members: { id: string; label: string; email: string | null; blockedAt: Date }[];
}) {
  return (
    <ModerationList
      action={setSubmitBlockedAction}
      formLabel="Block or unblock a member"
      field={{
        id: "block-member",
        name: "member",
        label: "Username or email",
        placeholder: "@username or name@example.org",
        className: "w-60",
      }}
      verbs={["Block", "Unblock"]}
      flagged="blocked"
      listLabel="Blocked members"
      rows={members.map((member) => ({
        key: member.id,
        details: (
          <>
            {member.label.startsWith("@") ? (
              <Link href={userPath(member.label.slice(1))} className="hover:underline">
                {member.label}
              </Link>
            ) : (
              member.label
            )}
            {member.email && member.email !== member.label ? (
              <span className="text-zinc-500 dark:text-zinc-400"> · {member.email}</span>
            ) : null}
          </>
        ),
        since: member.blockedAt,
        value: member.email ?? member.label,
        name: member.label,
      }))}
      emptyText="No member is blocked from submitting."
    />
  );
}
