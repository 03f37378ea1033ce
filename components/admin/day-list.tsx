import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { AdminButton, adminInput } from "@/components/admin/admin-ui";
import { RemoveFromDayForm } from "@/components/admin/remove-from-day";
import { moveToDayAction, restoreToDayAction, setPaperHiddenAction } from "@/lib/admin/actions";
import type { AdminDayPaper, AdminRemovedPaper } from "@/lib/admin/schema";
import { paperPath } from "@/lib/urls";

/**
 * One day's list for admins: every paper (hidden ones marked) with remove, move and hide; then the papers
 * taken off it, each with an Undo that puts it back.
 */
export function AdminDayList({
  day,
  papers,
  removed,
  today,
}: {
  day: string;
  papers: AdminDayPaper[];
  removed: AdminRemovedPaper[];
  today: string;
}) {
  return (
    <>
      {papers.length ? (
        <DayPapers day={day} papers={papers} today={today} />
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No papers are on the list of {day}.</p>
      )}
      {removed.length ? <RemovedPapers day={day} removed={removed} /> : null}
    </>
  );
}

function RemovedPapers({ day, removed }: { day: string; removed: AdminRemovedPaper[] }) {
  return (
    <div className="mt-4 border-t border-zinc-100 pt-4 dark:border-zinc-800">
      <h3 className="text-sm font-semibold">Removed from this list</h3>
      <ol className="mt-2 space-y-2" aria-label={`Papers removed from ${day}`}>
        {removed.map((paper) => (
          <li key={paper.id} className="flex flex-col gap-1 text-sm sm:flex-row sm:items-start sm:justify-between">
            <p className="min-w-0">
              <Link href={paperPath(paper.id)} className="hover:underline">
                {paper.title}
              </Link>{" "}
              <span className="text-xs text-zinc-500 dark:text-zinc-400">
                <span className="font-mono">{paper.id}</span> · removed{" "}
                {paper.removedAt.toISOString().replace("T", " ").slice(0, 16)} UTC
              </span>
            </p>
            <ActionForm action={restoreToDayAction} label={`Undo removing ${paper.id}`} className="flex shrink-0 gap-2">
              <input type="hidden" name="paperId" value={paper.id} />
              <AdminButton label={`Undo: put ${paper.id} back on the list`}>Undo</AdminButton>
            </ActionForm>
          </li>
        ))}
      </ol>
    </div>
  );
}

function DayPapers({ day, papers, today }: { day: string; papers: AdminDayPaper[]; today: string }) {
  return (
    <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label={`Papers of ${day}`}>
      {papers.map((paper) => (
        <li key={paper.id} className="flex flex-col gap-2 py-3 lg:flex-row lg:items-start lg:justify-between">
          <div className="min-w-0">
            <p className="font-medium">
              <Link href={paperPath(paper.id)} className="hover:underline">
                {paper.title}
              </Link>
              {paper.hidden ? (
                <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 align-middle text-xs text-red-800 dark:bg-red-950 dark:text-red-200">
                  hidden
                </span>
              ) : null}
            </p>
            <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
              <span className="font-mono">{paper.id}</span> · {paper.upvoteCount} upvotes
              {paper.submitter ? ` · submitted by ${paper.submitter}` : ""}
            </p>
          </div>
          <div className="flex shrink-0 flex-wrap items-start gap-2">
            <RemoveFromDayForm paperId={paper.id} day={day} />
            <ActionForm
              action={moveToDayAction}
              label={`Move ${paper.id}`}
              className="flex flex-wrap items-center gap-1"
            >
              <input type="hidden" name="paperId" value={paper.id} />
              <label className="sr-only" htmlFor={`move-${paper.id}`}>
                Move {paper.id} to day
              </label>
              <input
                id={`move-${paper.id}`}
                type="date"
                name="day"
                required
                max={today}
                defaultValue={today === day ? "" : today}
                className={adminInput}
              />
              <AdminButton label={`Move ${paper.id} to that day`}>Move</AdminButton>
            </ActionForm>
            <ActionForm action={setPaperHiddenAction} label={`Hide ${paper.id}`} className="flex flex-wrap gap-2">
              <input type="hidden" name="paperId" value={paper.id} />
              {paper.hidden ? (
                <AdminButton name="intent" value="unhide" label={`Unhide ${paper.id}`}>
                  Unhide
                </AdminButton>
              ) : (
                <AdminButton name="intent" value="hide" danger label={`Hide ${paper.id} everywhere`}>
                  Hide
                </AdminButton>
              )}
            </ActionForm>
          </div>
        </li>
      ))}
    </ol>
  );
}
