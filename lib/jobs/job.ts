import "server-only";
import type PgBoss from "pg-boss";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Env } from "@/lib/env";
import type { HttpOptions } from "@/lib/ingest/http";

/** What a job gets to do its work: the database, the environment, the worker's log. */
export interface JobDeps {
  prisma: PrismaClient;
  env: Env;
  log: (line: string) => void;
  http?: HttpOptions;
}

/**
 * One scheduled job, as lib/jobs/register.ts hands it to pg-boss: its queue, when it runs (a cron line in
 * a time zone), how pg-boss retries it, and its work. `run` throws to fail the job, for a retry.
 */
export interface ScheduledJob {
  queue: string;
  cron: string;
  tz: string;
  retry: Pick<PgBoss.Queue, "retryLimit" | "retryDelay" | "retryBackoff" | "expireInSeconds">;
  /**
   * `job` is pg-boss's: when it was created (a retry keeps its first `createdOn`), and how many retries it has
   * had of how many it may have (its metadata, which lib/jobs/register.ts asks for).
   */
  run(deps: JobDeps, job: JobMetadata): Promise<unknown>;
}

export interface JobMetadata {
  createdOn: Date;
  retryCount?: number;
  retryLimit?: number;
}

/** Whether this run of a job is its last: it has had every retry pg-boss allows it. */
export function isLastTry(job: JobMetadata): boolean {
  return job.retryLimit !== undefined && (job.retryCount ?? 0) >= job.retryLimit;
}

/** A failure whose reason the job already logged: pg-boss retries the job, and nothing logs it again. */
export class LoggedFailure extends Error {}

/** A reason without its closing full stop, to be followed by more of the line. */
export function sentence(reason: string): string {
  return reason.replace(/\.+$/, "");
}
