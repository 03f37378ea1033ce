import type { z } from "zod";

/**
 * Where a failed zod parse's first issue is (its dotted path, "minUpvotes" or "paper.id"; "" when it is
 * about the input as a whole) and what it says (`fallback` when there is no issue to read).
 */
export function firstIssue(
  error: z.ZodError,
  fallback = "That input is not valid.",
): { path: string; message: string } {
  const issue = error.issues[0];
  return { path: issue?.path.join(".") ?? "", message: issue?.message ?? fallback };
}

/** The sentence a person sees for a failed zod parse: its first issue's message. */
export function firstIssueMessage(error: z.ZodError, fallback = "That input is not valid."): string {
  return firstIssue(error, fallback).message;
}
