import Link from "next/link";
import type { AdminAuditEntry, AdminImportRun } from "@/lib/admin/schema";
import { paperPath } from "@/lib/urls";

const th = "px-2 py-1.5 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400";
const td = "px-2 py-1.5 align-top";

function when(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

const statusStyle: Record<string, string> = {
  SUCCEEDED: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200",
  EMPTY: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  PARTIAL: "bg-amber-100 text-amber-900 dark:bg-amber-400/15 dark:text-amber-200",
  FAILED: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  RUNNING: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200",
  INTERRUPTED: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
};

/** The latest import runs: source, target, when, status, counts, message, and the per-item errors. */
export function ImportRuns({ runs }: { runs: AdminImportRun[] }) {
  if (!runs.length) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        No imports yet. Run <code>npm run import -- arxiv-feed</code>, or let the worker&apos;s schedule do it.
      </p>
    );
  }
  return (
    // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too (axe's scrollable-region-focusable).
    <div
      role="region"
      aria-label="Import runs, scrolls sideways"
      tabIndex={0}
      className="-mx-5 overflow-x-auto px-5 focus-ring"
    >
      <table className="w-full min-w-[44rem] text-sm" aria-label="Import runs">
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className={th}>Started (UTC)</th>
            <th className={th}>Source</th>
            <th className={th}>Target</th>
            <th className={th}>Status</th>
            <th className={`${th} text-right`} title="created / updated / unchanged / skipped / failed">
              New · upd · same · skip · fail
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {runs.map((run) => (
            <tr key={run.id}>
              <td className={`${td} whitespace-nowrap tabular-nums`}>{when(run.startedAt)}</td>
              <td className={`${td} whitespace-nowrap`}>{run.source.toLowerCase().replace("_", " ")}</td>
              <td className={`${td} max-w-48 truncate font-mono text-xs`} title={run.target}>
                {run.target}
              </td>
              <td className={td}>
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusStyle[run.status] ?? ""}`}>
                  {run.status.toLowerCase()}
                </span>
                {run.message ? <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{run.message}</p> : null}
                {run.errors.length ? (
                  <details className="mt-1 text-xs">
                    <summary className="cursor-pointer text-red-700 dark:text-red-300">
                      {run.errors.length} {run.errors.length === 1 ? "error" : "errors"}
                    </summary>
                    <ul className="mt-1 space-y-0.5">
                      {run.errors.slice(0, 100).map((error, index) => (
                        <li key={index}>
                          <span className="font-mono">{error.id}</span>: {error.reason}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </td>
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>
                {run.created} · {run.updated} · {run.unchanged} · {run.skipped} ·{" "}
                <span className={run.failed ? "font-semibold text-red-700 dark:text-red-300" : ""}>{run.failed}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const paperActions = new Set(["remove-from-day", "restore-to-day", "move-to-day", "hide-paper", "unhide-paper"]);

/** The audit log: who did what to which paper or member, and when. */
export function AuditLog({ entries }: { entries: AdminAuditEntry[] }) {
  if (!entries.length) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No admin actions yet.</p>;
  }
  return (
    <div
      role="region"
      aria-label="Audit log, scrolls sideways"
      tabIndex={0}
      className="-mx-5 overflow-x-auto px-5 focus-ring"
    >
      <table className="w-full min-w-[40rem] text-sm" aria-label="Audit log">
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className={th}>When (UTC)</th>
            <th className={th}>Who</th>
            <th className={th}>What</th>
            <th className={th}>Target</th>
            <th className={th}>Detail</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className={`${td} whitespace-nowrap tabular-nums`}>{when(entry.createdAt)}</td>
              <td className={td}>
                {entry.admin ?? <span className="text-zinc-500 dark:text-zinc-400">deleted admin</span>}
              </td>
              <td className={`${td} whitespace-nowrap`}>{entry.action}</td>
              <td className={`${td} font-mono text-xs`}>
                {paperActions.has(entry.action) ? (
                  <Link href={paperPath(entry.targetId)} className="hover:underline">
                    {entry.targetId}
                  </Link>
                ) : (
                  entry.targetId
                )}
              </td>
              <td className={`${td} text-zinc-600 dark:text-zinc-400`}>{entry.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
