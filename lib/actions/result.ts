import type { AppErrorCode } from "@/lib/errors";

/** What every server action answers: success (with data), or a code and a sentence for the person. */
export type ActionResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; code: AppErrorCode; message: string };
