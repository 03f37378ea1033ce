/** The longest author name we take (arXiv's longest author names are well under it). */
export const MAX_AUTHOR_NAME = 200;

/** C0/C1 control characters and the bidirectional overrides and isolates, which a name never needs. */
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * An author's name as the papers spell it, with its spaces trimmed; null when it cannot be one (empty, too
 * long, or holding control or direction characters). Shared by the author pages and follows.
 */
export function cleanAuthorName(raw: string): string | null {
  const name = raw.trim();
  if (!name || name.length > MAX_AUTHOR_NAME) return null;
  return FORBIDDEN.test(name) ? null : name;
}
