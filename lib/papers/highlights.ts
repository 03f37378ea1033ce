import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/papers/schema";
import { latexToPlainText } from "@/lib/text/latex";

/** A piece of a highlighted excerpt, as plain text: a search match, or the text between matches. */
export interface HighlightPiece {
  text: string;
  match?: true;
}

/**
 * Plain text of the text between matches. The LaTeX reader collapses and trims whitespace, which is right
 * for a whole title but would glue a piece to the match beside it ("Conservative" + "World"), so a piece's
 * outer whitespace is kept as one space.
 */
function between(text: string): string {
  const plain = latexToPlainText(text);
  if (!plain) return /\s/.test(text) ? " " : "";
  return `${/^\s/.test(text) ? " " : ""}${plain}${/\s$/.test(text) ? " " : ""}`;
}

/**
 * An excerpt with matches between the highlight markers (ts_headline's output), as pieces of plain text in
 * order. Read on the server, so the LaTeX reader stays out of the browser's JavaScript.
 */
export function highlightPieces(text: string): HighlightPiece[] {
  const [first = "", ...parts] = text.split(HIGHLIGHT_START);
  const pieces: HighlightPiece[] = [{ text: between(first) }];
  for (const part of parts) {
    const [match = "", rest = ""] = part.split(HIGHLIGHT_END);
    pieces.push({ text: match, match: true }, { text: between(rest) });
  }
  return pieces.filter((piece) => piece.text);
}

/** Whitespace collapsed, ends trimmed: ts_headline keeps the text's own spacing, which may differ in runs. */
function squeezed(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * An abstract's excerpt (ts_headline's fragments) as pieces, with "…" where it starts after the abstract's
 * start or stops before its end, so a cut sentence ("introduce our first-generation…") reads as cut.
 */
export function excerptPieces(highlight: string, abstract: string): HighlightPiece[] {
  const excerpt = squeezed(highlight.replaceAll(HIGHLIGHT_START, "").replaceAll(HIGHLIGHT_END, ""));
  const whole = squeezed(abstract);
  const pieces = highlightPieces(highlight);
  if (!excerpt || !pieces.length) return pieces;
  return [
    ...(whole.startsWith(excerpt.slice(0, 40)) ? [] : [{ text: "… " }]),
    ...pieces,
    ...(whole.endsWith(excerpt.slice(-40)) ? [] : [{ text: " …" }]),
  ];
}
