import "server-only";
import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/papers/schema";
import { latexToPlainText, mathSpans, parseLatexText, type SourceSpan } from "@/lib/text/latex";
import { mathTypesetter } from "@/lib/text/math";

/**
 * A piece of a highlighted title or excerpt: a search match, the plain text between matches, or a formula
 * (its KaTeX HTML in `math`, its `$…$` source in `text`).
 */
export interface HighlightPiece {
  text: string;
  match?: true;
  math?: string;
}

/** Between ts_headline's fragments of an abstract (set in lib/papers/search.ts): a character no abstract holds. */
export const FRAGMENT_DELIMITER = "\u0003";

/**
 * How far an excerpt may grow to take in a formula it cuts. A longer formula (or a stray `$` that opens
 * one) is dropped from the excerpt instead, so an excerpt stays about ts_headline's size.
 */
const MAX_WIDENING = 160;

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

/** A highlighted text without its markers, and where its matches are in it. */
function unmark(highlighted: string): { text: string; matches: SourceSpan[] } {
  const matches: SourceSpan[] = [];
  let text = "";
  let start = -1;
  for (const c of highlighted) {
    if (c === HIGHLIGHT_START) start = text.length;
    else if (c === HIGHLIGHT_END) {
      if (start >= 0 && text.length > start) matches.push({ start, end: text.length });
      start = -1;
    } else text += c;
  }
  return { text, matches };
}

/**
 * `source[start, end)` as pieces: the matches (those outside formulas), the text between them read as LaTeX,
 * and each formula in `spans` typeset as the paper's page typesets it. `start` and `end` must not cut a
 * formula: a cut one is TeX the reader cannot read ("left(N\right), whereN$").
 */
function pieces(
  source: string,
  start: number,
  end: number,
  matches: SourceSpan[],
  spans: SourceSpan[],
  typeset: ReturnType<typeof mathTypesetter>,
): HighlightPiece[] {
  const inRange = (span: SourceSpan) => span.start >= start && span.end <= end;
  const formulas = spans.filter(inRange);
  const outside = (match: SourceSpan) => !formulas.some((f) => match.start < f.end && f.start < match.end);
  const marks: (SourceSpan & { formula?: true })[] = [
    ...formulas.map((formula) => ({ ...formula, formula: true as const })),
    ...matches.filter(inRange).filter(outside),
  ].sort((a, b) => a.start - b.start);

  const result: HighlightPiece[] = [];
  let at = start;
  for (const mark of marks) {
    if (mark.start < at) continue;
    result.push({ text: between(source.slice(at, mark.start)) });
    const raw = source.slice(mark.start, mark.end);
    if (!mark.formula) result.push({ text: raw, match: true });
    else result.push(formula(raw, typeset));
    at = mark.end;
  }
  result.push({ text: between(source.slice(at, end)) });
  return result.filter((piece) => piece.text);
}

/** One formula's piece: KaTeX's HTML, or its source when it is past the bounds of lib/text/math.ts. */
function formula(raw: string, typeset: ReturnType<typeof mathTypesetter>): HighlightPiece {
  const [segment, ...rest] = parseLatexText(raw);
  if (segment?.kind !== "math" || rest.length) return { text: latexToPlainText(raw) };
  const source = segment.display ? `$$${segment.tex}$$` : `$${segment.tex}$`;
  const html = typeset(segment.tex, segment.display);
  return html === null ? { text: source } : { text: source, math: html };
}

/**
 * A title with matches between the highlight markers (ts_headline's output with HighlightAll), as pieces in
 * order: matches, plain text, and formulas typeset. Read on the server, so the LaTeX reader and KaTeX stay
 * out of the browser's JavaScript.
 */
export function highlightPieces(highlighted: string): HighlightPiece[] {
  const { text, matches } = unmark(highlighted);
  return pieces(text, 0, text.length, matches, mathSpans(text), mathTypesetter());
}

/** A text with its whitespace runs made one space, and for each of its characters, its index in the text. */
function squeeze(text: string): { text: string; at: number[] } {
  let squeezed = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? "";
    if (/\s/.test(c)) {
      if (squeezed.endsWith(" ")) continue;
      squeezed += " ";
    } else squeezed += c;
    at.push(i);
  }
  return { text: squeezed, at };
}

/**
 * `[start, end)` moved so that it cuts no formula: widened to take in a short one, narrowed to leave out a
 * long one.
 */
function wholeFormulas(start: number, end: number, spans: SourceSpan[]): { start: number; end: number } {
  let from = start;
  let to = end;
  for (const span of spans) {
    if (span.start < from && from < span.end) from = from - span.start <= MAX_WIDENING ? span.start : span.end;
    if (span.start < to && to < span.end) to = span.end - to <= MAX_WIDENING ? span.end : span.start;
  }
  return { start: from, end: Math.max(from, to) };
}

/**
 * An abstract's excerpt (ts_headline's fragments, between FRAGMENT_DELIMITERs) as pieces. Each fragment is
 * found in the abstract and cut there at whole formulas — widened to a formula it cut, or narrowed to leave
 * a long one out — so its math is typeset as on the paper's page. "…" stands where the excerpt starts after
 * the abstract's start, between fragments, and where it stops before the abstract's end.
 */
export function excerptPieces(highlight: string, abstract: string): HighlightPiece[] {
  const whole = squeeze(abstract);
  const spans = mathSpans(abstract);
  const typeset = mathTypesetter();
  const startsAt = abstract.length - abstract.trimStart().length;
  const endsAt = abstract.trimEnd().length;
  const fragments: { cutBefore: boolean; cutAfter: boolean; pieces: HighlightPiece[] }[] = [];
  let searchFrom = 0;
  for (const fragment of highlight.split(FRAGMENT_DELIMITER)) {
    const marked = unmark(fragment);
    const squeezed = squeeze(marked.text);
    const lead = squeezed.text.length - squeezed.text.trimStart().length;
    const excerpt = squeezed.text.trim();
    if (!excerpt) continue;
    const found = whole.text.indexOf(excerpt, searchFrom);
    if (found < 0) {
      // Not the abstract's text (ts_headline's never is): shown as a cut text of its own.
      fragments.push({ cutBefore: true, cutAfter: true, pieces: highlightPieces(fragment) });
      continue;
    }
    searchFrom = found + excerpt.length;
    /** An index in the fragment's squeezed text as an index in the abstract. */
    const inAbstract = (index: number) => whole.at[found + index - lead] ?? abstract.length;
    const matches = marked.matches.map((match) => ({
      start: inAbstract(squeezed.at.findIndex((i) => i >= match.start)),
      end: inAbstract(squeezed.at.findLastIndex((i) => i < match.end)) + 1,
    }));
    const cut = wholeFormulas(inAbstract(lead), inAbstract(lead + excerpt.length - 1) + 1, spans);
    fragments.push({
      cutBefore: cut.start > startsAt,
      cutAfter: cut.end < endsAt,
      pieces: pieces(abstract, cut.start, cut.end, matches, spans, typeset),
    });
  }
  const shown = fragments.filter((fragment) => fragment.pieces.length);
  const joined = shown.flatMap((fragment, index) => (index ? [{ text: " … " }, ...fragment.pieces] : fragment.pieces));
  // One space between an ellipsis and the text, whether or not the cut left one.
  const opening = joined[0]?.math === undefined && joined[0]?.text.startsWith(" ") ? "…" : "… ";
  const closing = joined.at(-1)?.math === undefined && joined.at(-1)?.text.endsWith(" ") ? "…" : " …";
  return [
    ...(shown[0]?.cutBefore ? [{ text: opening }] : []),
    ...joined,
    ...(shown.at(-1)?.cutAfter ? [{ text: closing }] : []),
  ];
}
