import { latexToPlainText } from "@/lib/text/latex";

/**
 * Text from arXiv and scrapers made fit for machines that show it as is (the JSON API, the feeds).
 * Universal: no server imports.
 */

/** Control characters other than whitespace, which stray into scraped metadata and break XML. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Collapses arXiv's hard line wraps and any other run of whitespace (or control characters) into one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(CONTROL_CHARS, " ").replace(/\s+/g, " ").trim();
}

/** Plain text for readers: LaTeX rendered to text, whitespace collapsed. */
export function plainText(text: string): string {
  return collapseWhitespace(latexToPlainText(text));
}
