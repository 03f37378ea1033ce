/**
 * How an import run's liveness is told: a RUNNING run renews `ImportRun.heartbeatAt` while it works, so one
 * whose heartbeat stopped was interrupted (its process killed or crashed). Shared by the importers, which
 * record such runs as FAILED when the next run starts, and /admin, which shows them as interrupted at once.
 */

/** How often a running import renews its heartbeat. */
export const IMPORT_HEARTBEAT_MS = 15_000;

/**
 * A RUNNING run whose heartbeat is older than this was interrupted (its process was killed or crashed).
 * Well above the longest a heartbeat can be held up: the store transaction's 30 s wait and 120 s limit,
 * during which the embedded database runs nothing else.
 */
export const IMPORT_STALE_AFTER_MS = 5 * 60_000;

/** The one sentence an interrupted run is recorded (and shown) with. */
export function interruptedMessage(heartbeatAt: Date): string {
  return `interrupted: the import stopped without finishing (last sign of life at ${heartbeatAt.toISOString().slice(0, 16).replace("T", " ")} UTC); nothing of it was written`;
}

/** Whether a run is RUNNING only because its process died: no heartbeat for `IMPORT_STALE_AFTER_MS`. */
export function isInterrupted(run: { status: string; heartbeatAt: Date }, now: Date = new Date()): boolean {
  return run.status === "RUNNING" && now.getTime() - run.heartbeatAt.getTime() > IMPORT_STALE_AFTER_MS;
}
