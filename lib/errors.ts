/** An error with a stable code, meant to be shown to a person as its message (one sentence, no stack). */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }
}
