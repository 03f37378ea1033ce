import "server-only";
import katex from "katex";

/**
 * KaTeX, bounded: the one place the app typesets math (titles, abstracts, comments). KaTeX's cost and
 * output grow with what a formula asks for, not with its length alone: a 2,000-character `\vec x…` span
 * makes 400 KB of HTML, five of them in one comment made a 4.55 MB page; `\def` repeats a body hundreds
 * of times (900 characters, 17 MB, 9 s); `\rule{100000em}{100000em}` in a title made every list two
 * million pixels tall. So a formula is typeset only when
 *
 * - its source is at most MAX_FORMULA_SOURCE characters and defines no macros (cost ∝ source, as KaTeX's
 *   `maxExpand` bounds the built-in macros it expands);
 * - every size it asks for is capped (`maxSize`), and what it draws is at most MAX_INLINE_HEIGHT_EM
 *   (inline) or MAX_DISPLAY_HEIGHT_EM (display) tall;
 * - its HTML is at most MAX_FORMULA_HTML characters;
 *
 * and a text (a title, an abstract, a comment) typesets formulas only within a MathBudget. Everything
 * refused is shown as its TeX source, escaped, as math KaTeX cannot parse already was.
 *
 * KaTeX escapes its input and, with `trust: false`, renders no links, classes or styles from it, so its
 * output is safe to inject.
 */

/** Longest formula source typeset; longer ones stay source. Real formulas in abstracts are far shorter. */
export const MAX_FORMULA_SOURCE = 500;
/** Most HTML one formula may make (an inline `O(n^2)` makes about 2,500 characters). */
export const MAX_FORMULA_HTML = 50_000;
/** Tallest formula drawn, in ems: inline math sits in a line of text (a 3×3 matrix is about 3.6 em). */
export const MAX_INLINE_HEIGHT_EM = 6;
export const MAX_DISPLAY_HEIGHT_EM = 40;

/** How much math one text may typeset; past any of these, its formulas stay source. */
export interface MathBudget {
  formulas: number;
  /** Characters of formula source. */
  source: number;
  /** Characters of HTML. */
  html: number;
}

/** A title's, an abstract's or a comment's math: a few hundred ms of typesetting at most, 200 KB of HTML. */
export const TEXT_MATH_BUDGET: Readonly<MathBudget> = { formulas: 100, source: 3_000, html: 200_000 };

/** Commands that define macros, whose bodies KaTeX's `maxExpand` lets repeat hundreds of times. */
const MACRO_DEFINITION =
  /\\(?:def|gdef|edef|xdef|let|futurelet|global|long|newcommand|renewcommand|providecommand)(?![A-Za-z])/;

const KATEX_OPTIONS = {
  output: "htmlAndMathml",
  // Invalid math is detected here and shown as its source, not as KaTeX's red error span.
  throwOnError: true,
  trust: false,
  strict: "ignore",
  /** Built-in macro expansions per formula: `x_1, \dots, x_n` needs a handful. */
  maxExpand: 200,
  /** Any size a formula asks for (`\rule`, `\kern`, `\raisebox`), in ems. */
  maxSize: 10,
} as const satisfies katex.KatexOptions;

/** Each line's strut: its height (with depth) is how tall KaTeX drew that line. */
const STRUT = /class="(?:katex-)?strut" style="height:([\d.]+)em/g;

/** The height in ems of KaTeX's tallest line in `html`. */
function drawnHeight(html: string): number {
  let tallest = 0;
  for (const [, height] of html.matchAll(STRUT)) tallest = Math.max(tallest, Number(height));
  return tallest;
}

function typeset(tex: string, display: boolean): string | null {
  if (tex.length > MAX_FORMULA_SOURCE || MACRO_DEFINITION.test(tex)) return null;
  let html: string;
  try {
    html = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display });
  } catch {
    return null;
  }
  if (html.length > MAX_FORMULA_HTML) return null;
  if (drawnHeight(html) > (display ? MAX_DISPLAY_HEIGHT_EM : MAX_INLINE_HEIGHT_EM)) return null;
  return html;
}

/**
 * Typeset formulas by source, least recently used first: titles are shown on every list they are in. Bounded
 * by the characters of HTML held.
 */
const memo = new Map<string, string | null>();
const MEMO_BUDGET = 8_000_000;
let memoSize = 0;

/**
 * KaTeX's HTML for one formula, or null when KaTeX cannot parse it or it is past this module's bounds (the
 * caller then shows the source). Typesets each formula once while it stays in a bounded memo.
 */
export function typesetMath(tex: string, display: boolean): string | null {
  if (tex.length > MAX_FORMULA_SOURCE) return null;
  const key = `${display ? "$$" : "$"}${tex}`;
  if (memo.has(key)) {
    const known = memo.get(key) ?? null;
    // Map order is insertion order: re-inserting marks the entry as recently used.
    memo.delete(key);
    memo.set(key, known);
    return known;
  }
  const html = typeset(tex, display);
  memo.set(key, html);
  memoSize += key.length + (html?.length ?? 0);
  for (const [oldKey, oldHtml] of memo) {
    if (memoSize <= MEMO_BUDGET) break;
    memo.delete(oldKey);
    memoSize -= oldKey.length + (oldHtml?.length ?? 0);
  }
  return html;
}

/**
 * A typesetter for one text's formulas, in order: each is typeset (as `typesetMath`) while the text's
 * `budget` lasts; after that, and for any formula refused, it answers null and the caller shows the source.
 *
 * @example
 *   const math = mathTypesetter();
 *   const html = math(segment.tex, segment.display) ?? escapeHtml(`$${segment.tex}$`);
 */
export function mathTypesetter(
  budget: Readonly<MathBudget> = TEXT_MATH_BUDGET,
): (tex: string, display: boolean) => string | null {
  const left = { ...budget };
  return (tex, display) => {
    if (left.formulas < 1 || tex.length > left.source) return null;
    left.formulas -= 1;
    left.source -= tex.length;
    const html = typesetMath(tex, display);
    if (html === null) return null;
    if (html.length > left.html) {
      // The text's HTML is spent: the rest stay source, untypeset.
      left.formulas = 0;
      return null;
    }
    left.html -= html.length;
    return html;
  };
}
