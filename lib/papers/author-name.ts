import { NOT_IN_A_NAME } from "@/lib/text/unsafe-characters";

/** The longest author name we take (arXiv's longest author names are well under it). */
export const MAX_AUTHOR_NAME = 200;

/**
 * An author's name as the papers spell it, with its spaces trimmed; null when it cannot be one (empty, too
 * long, or holding control or direction characters). Shared by the author pages and follows.
 */
export function cleanAuthorName(raw: string): string | null {
  const name = raw.trim();
  if (!name || name.length > MAX_AUTHOR_NAME) return null;
  return NOT_IN_A_NAME.test(name) ? null : name;
}
