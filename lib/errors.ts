/**
 * Every code an `AppError` (and so an `ActionResult`) may carry. Adding a failure means adding its code
 * here, so callers can switch on them exhaustively.
 */
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "INVALID_INPUT"
  | "RATE_LIMITED"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNAVAILABLE"
  | "INTERNAL"
  | "INVALID_TOKEN"
  | "SIGN_IN_FAILED"
  | "SUBMIT_BLOCKED"
  | "SUBMIT_TOO_OLD"
  | "ALREADY_SUBMITTED"
  | "PAPER_HIDDEN"
  | "PAPER_WITHDRAWN"
  | "UPSTREAM_FAILED"
  // Commands, migrations and benchmarks:
  | "USAGE"
  | "BAD_FLAGS"
  | "REMOTE_TEST_DB"
  | "MIGRATION_FAILED"
  | "MIGRATION_EDITED"
  | "SYNTHETIC_USER_CONFLICT"
  | "BENCH_BUILD"
  | "BUILD_FAILED"
  | "BENCH_FLOOR"
  | "BENCH_GENERATE"
  | "BENCH_MISMATCH"
  | "BENCH_PORT"
  | "BENCH_SERVER"
  | "BENCH_STATUS";

/** The HTTP status that says each failure in a JSON answer (an unlisted code is a 500). */
const HTTP_STATUS: Partial<Record<AppErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  PAPER_WITHDRAWN: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export function httpStatusOf(code: AppErrorCode): number {
  return HTTP_STATUS[code] ?? 500;
}

/** An error with a stable code, meant to be shown to a person as its message (one sentence, no stack). */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}
