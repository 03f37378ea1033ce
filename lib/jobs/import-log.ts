import "server-only";
import type { ImportOutcome } from "@/lib/ingest/imports";
import { LoggedFailure, sentence, type JobDeps } from "@/lib/jobs/job";

/** How pg-boss retries an import: three times, 10 minutes apart and longer each time. */
export const IMPORT_RETRY = {
  retryLimit: 3,
  retryDelay: 600,
  retryBackoff: true,
  // A pull waits politely (3 s spacing, Retry-After): give it time before pg-boss calls it lost.
  expireInSeconds: 30 * 60,
};

/**
 * Runs one pull and logs its one line — what it found, or why it failed — and turns a FAILED run (or a
 * crash) into a job failure, for pg-boss to retry; nothing here lets an outage crash the worker.
 */
export async function logImport<T extends ImportOutcome | undefined>(
  deps: JobDeps,
  name: string,
  pull: () => Promise<T>,
): Promise<T> {
  let outcome: T;
  try {
    outcome = await pull();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    deps.log(`${name}: failed — ${sentence(reason)}; will retry`);
    throw new LoggedFailure(reason);
  }
  if (!outcome) return outcome;
  deps.log(describeImport(name, outcome));
  if (outcome.status === "FAILED") throw new LoggedFailure(outcome.message ?? "import failed");
  return outcome;
}

/** "arxiv-feed cs.AI+cs.CL: 120 new, 3 updated, …" or "…: nothing new — no arXiv announcement on …". */
export function describeImport(name: string, outcome: ImportOutcome): string {
  const { counts } = outcome;
  const head = `${name} ${outcome.target}`;
  if (outcome.status === "FAILED")
    return `${head}: failed — ${sentence(outcome.message ?? "see the import run")}; will retry`;
  if (outcome.status === "EMPTY") return `${head}: nothing new — ${outcome.message ?? "empty"}`;
  return `${head}: ${counts.created} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} skipped, ${counts.failed} failed`;
}
