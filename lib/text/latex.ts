/**
 * A small, forgiving reader for the LaTeX found in arXiv titles and abstracts.
 *
 * It is not a TeX engine: it splits text from math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`), unescapes the text escapes
 * authors actually use (`\%`, `\&`, `\_`, `\#`, `\$`, `~`, quotes, dashes, accents such as `\"o`), turns a few text
 * commands into styles or links (`\emph`, `\textbf`, `\texttt`, `\url`, `\href`), autolinks bare http(s) URLs, and
 * collapses the hard line wraps of arXiv metadata. Anything it does not understand — an unknown command, an unmatched
 * `$` or brace — stays in the output as literal text, so nothing an author wrote is lost. It never interprets HTML
 * and never throws.
 */

import { safeHttpUrl } from "@/lib/urls";

export type Segment =
  | { kind: "text"; text: string; style?: "em" | "strong" | "code" }
  | { kind: "math"; tex: string; display: boolean }
  | { kind: "link"; href: string; text: string };

type Style = "em" | "strong" | "code" | undefined;

/** A range of the input, `[start, end)`. */
export interface SourceSpan {
  start: number;
  end: number;
}

/** Groups nested deeper than this are read as literal text, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 32;

/** Whitespace as TeX (and arXiv's line wrapping) sees it; non-breaking spaces are deliberate and survive. */
const WHITESPACE = /[ \t\n\r\f\v]+/g;

/** `\X` that prints X in text. */
const ESCAPED_CHARS = new Set(["$", "%", "&", "_", "#", "{", "}"]);

/** Escapes allowed inside a URL argument or a bare URL (`\url{a\_b}`, `https://x.org/a\_b`). */
const URL_ESCAPES = new Set(["$", "%", "&", "_", "#", "~", "/"]);

/** Accent commands and the combining mark each one puts on the following letter. */
const ACCENTS: Record<string, string> = {
  '"': "\u0308",
  "'": "\u0301",
  "`": "\u0300",
  "^": "\u0302",
  "~": "\u0303",
  "=": "\u0304",
  ".": "\u0307",
  u: "\u0306",
  v: "\u030C",
  H: "\u030B",
  c: "\u0327",
  k: "\u0328",
  r: "\u030A",
  d: "\u0323",
  b: "\u0331",
};

/** Commands that print a fixed string. Following whitespace is kept, as authors of abstracts expect. */
const SYMBOLS: Record<string, string> = {
  ldots: "…",
  dots: "…",
  textellipsis: "…",
  LaTeX: "LaTeX",
  TeX: "TeX",
  textendash: "–",
  textemdash: "—",
  textasciitilde: "~",
  textasciicircum: "^",
  textbackslash: "\\",
  textbar: "|",
  textless: "<",
  textgreater: ">",
  textquotedblleft: "“",
  textquotedblright: "”",
  textquoteleft: "‘",
  textquoteright: "’",
  textbullet: "•",
  textdegree: "°",
  textregistered: "®",
  texttrademark: "™",
  textcopyright: "©",
  copyright: "©",
  pounds: "£",
  euro: "€",
  S: "§",
  P: "¶",
  dag: "†",
  ddag: "‡",
};

/** Letter commands used inside words (`Stra\ss e`): like TeX, they swallow the whitespace after them. */
const GLYPHS: Record<string, string> = {
  ss: "ß",
  o: "ø",
  O: "Ø",
  ae: "æ",
  AE: "Æ",
  oe: "œ",
  OE: "Œ",
  aa: "å",
  AA: "Å",
  l: "ł",
  L: "Ł",
  i: "ı",
  j: "ȷ",
};

/** Commands that only affect layout: read as a space (or nothing). */
const SPACING: Record<string, string> = {
  newline: " ",
  linebreak: " ",
  par: " ",
  quad: " ",
  qquad: " ",
  smallskip: " ",
  medskip: " ",
  bigskip: " ",
  hfill: " ",
  noindent: "",
  centering: "",
  xspace: "",
  relax: "",
};

/** `\command{…}` that styles (or just wraps) its argument. `null` keeps the surrounding style. */
const STYLE_COMMANDS: Record<string, Style | null> = {
  emph: "em",
  textit: "em",
  textsl: "em",
  textbf: "strong",
  texttt: "code",
  text: null,
  textrm: null,
  textsf: null,
  textsc: null,
  textup: null,
  textmd: null,
  textnormal: null,
  textsuperscript: null,
  textsubscript: null,
  mbox: null,
  hbox: null,
  underline: null,
  uline: null,
};

/** Old-style declarations (`{\em x}`, `{\bf x}`): they restyle the rest of the enclosing group. */
const DECLARATIONS: Record<string, Style> = {
  em: "em",
  it: "em",
  itshape: "em",
  sl: "em",
  slshape: "em",
  bf: "strong",
  bfseries: "strong",
  tt: "code",
  ttfamily: "code",
  rm: undefined,
  rmfamily: undefined,
  sf: undefined,
  sffamily: undefined,
  sc: undefined,
  scshape: undefined,
  upshape: undefined,
  mdseries: undefined,
  normalfont: undefined,
};

const isLetter = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);
const isSpace = (c: string | undefined): boolean => c !== undefined && /^[ \t\n\r\f\v]$/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && /^[0-9]$/.test(c);
const isBlank = (s: string): boolean => s.replace(WHITESPACE, "") === "";

/** `table[key]`, ignoring inherited properties (`\constructor` is not a command). */
function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A URL argument as the author meant it: `\_` → `_`, whitespace (line wraps) removed. */
function unescapeUrl(raw: string): string {
  return raw.replace(/\\(.)/gs, (match, c: string) => (URL_ESCAPES.has(c) ? c : match)).replace(WHITESPACE, "");
}

/** Math source as KaTeX should see it: one space per whitespace run, trimmed unless that would break `\ `. */
function normalizeTex(tex: string): string {
  const collapsed = tex.replace(WHITESPACE, " ");
  const trimmed = collapsed.trim();
  return trimmed.endsWith("\\") && collapsed.endsWith(" ") ? `${trimmed} ` : trimmed;
}

/**
 * The reader. Every delimiter search is precomputed in one pass over the input, so reading stays linear even for
 * hostile input such as thousands of unmatched `{` or `$`.
 */
class Reader {
  private out: Segment[] = [];
  /** Where each math segment's source is, delimiters included, in reading order. */
  readonly spans: SourceSpan[] = [];
  /** For each unescaped `{`, the index of its matching `}`; -1 if none. */
  private readonly braceClose: Int32Array;
  /** For each index p, the first unescaped `$` at or after p (length if none). */
  private readonly nextDollar: Int32Array;
  /** Same, but only dollars that may close inline math (not followed by a digit). */
  private readonly nextInlineClose: Int32Array;
  /** For each index p, the first unescaped `\)` / `\]` at or after p (length if none). */
  private readonly nextParenClose: Int32Array;
  private readonly nextBracketClose: Int32Array;

  constructor(private readonly src: string) {
    const n = src.length;
    const escaped = new Uint8Array(n + 1); // 1 where the char is the X of a `\X` pair
    for (let k = 0; k < n; k += 1) {
      if (src[k] === "\\" && escaped[k] === 0) escaped[k + 1] = 1;
    }
    this.braceClose = new Int32Array(n).fill(-1);
    const open: number[] = [];
    for (let k = 0; k < n; k += 1) {
      if (escaped[k] === 1) continue;
      if (src[k] === "{") open.push(k);
      else if (src[k] === "}") {
        const o = open.pop();
        if (o !== undefined) this.braceClose[o] = k;
      }
    }
    this.nextDollar = new Int32Array(n + 1).fill(n);
    this.nextInlineClose = new Int32Array(n + 1).fill(n);
    this.nextParenClose = new Int32Array(n + 1).fill(n);
    this.nextBracketClose = new Int32Array(n + 1).fill(n);
    for (let k = n - 1; k >= 0; k -= 1) {
      const plain = escaped[k] === 0;
      const c = src[k];
      const dollar = plain && c === "$";
      const command = plain && c === "\\";
      this.nextDollar[k] = dollar ? k : (this.nextDollar[k + 1] ?? n);
      this.nextInlineClose[k] = dollar && !isDigit(src[k + 1]) ? k : (this.nextInlineClose[k + 1] ?? n);
      this.nextParenClose[k] = command && src[k + 1] === ")" ? k : (this.nextParenClose[k + 1] ?? n);
      this.nextBracketClose[k] = command && src[k + 1] === "]" ? k : (this.nextBracketClose[k + 1] ?? n);
    }
  }

  read(): Segment[] {
    this.parseRange(0, this.src.length, undefined, 0);
    return this.out;
  }

  private text(text: string, style: Style): void {
    if (text === "") return;
    const last = this.out.at(-1);
    if (last?.kind === "text" && last.style === style) {
      last.text += text;
    } else {
      this.out.push(style ? { kind: "text", text, style } : { kind: "text", text });
    }
  }

  /** Emits the math in `src[start, end)` (delimiters included) unless its source is blank; returns whether it did. */
  private math(start: number, end: number, delimiter: number, display: boolean): boolean {
    const tex = this.src.slice(start + delimiter, end - delimiter);
    if (isBlank(tex)) return false;
    this.out.push({ kind: "math", tex: normalizeTex(tex), display });
    this.spans.push({ start, end });
    return true;
  }

  /** Reads `src[start, end)` as text in `style`, appending segments to the output. */
  private parseRange(start: number, end: number, initialStyle: Style, depth: number): void {
    const src = this.src;
    let style = initialStyle;
    let i = start;
    while (i < end) {
      const c = src[i] ?? "";
      if (c === "\\") {
        const result = this.command(i, end, style, depth);
        style = result.style;
        i = result.next;
      } else if (c === "$") {
        i = this.dollar(i, end, style);
      } else if (c === "{") {
        i = this.group(i, end, style, depth);
      } else if (c === "~") {
        this.text(this.approximately(i, end) ? "~" : "\u00A0", style);
        i += 1;
      } else if (c === "`" && src[i + 1] === "`" && i + 1 < end) {
        this.text("“", style);
        i += 2;
      } else if (c === "'" && src[i + 1] === "'" && i + 1 < end) {
        this.text("”", style);
        i += 2;
      } else if (c === "-") {
        let run = 1;
        while (i + run < end && src[i + run] === "-") run += 1;
        const literal = style === "code" || (run === 2 && this.opensOption(i, end));
        this.text(literal ? "-".repeat(run) : "—".repeat(Math.floor(run / 3)) + ["", "-", "–"][run % 3], style);
        i += run;
      } else if ((c === "h" || c === "H") && this.startsUrl(i)) {
        i = this.bareUrl(i, end, style);
      } else {
        this.text(c, style);
        i += 1;
      }
    }
  }

  /**
   * Whether the `~` at `i` means "about" rather than TeX's tie: it comes before a number (spaces between
   * allowed: `~ 3.5`) and after the start, a space, an opening bracket, `=`, `<` or `>` (`(~47k tools)`, `of
   * ~3x`, `=~ 500`), or after a lone letter, a variable (`z~1.5`): a tie binds a word to its number
   * (`Fig.~3`, `NGC~7582`, `GJ~486`), and a bare letter or nothing has no word to bind.
   */
  private approximately(i: number, end: number): boolean {
    const src = this.src;
    let next = i + 1;
    while (next < end && isSpace(src[next])) next += 1;
    if (next >= end || !isDigit(src[next])) return false;
    const opens = (k: number) => k < 0 || isSpace(src[k]) || src[k] === "(" || src[k] === "[";
    const before = i - 1;
    if (opens(before) || src[before] === "=" || src[before] === "<" || src[before] === ">") return true;
    return isLetter(src[before]) && opens(before - 1);
  }

  /**
   * Whether the `--` at `i` starts a command-line option (`--help`, `--no-cache`), which stays as written:
   * it follows the start, a space or an opening bracket and comes right before a lowercase letter. A dash
   * between words, spaced or not (`a -- b`, `Navier--Stokes`, `1--10`), or before a capital (`--From`) is
   * TeX's en dash. (Inside `\texttt{}` every dash stays as written, as TeX's typewriter font prints it.)
   */
  private opensOption(i: number, end: number): boolean {
    const src = this.src;
    const before = src[i - 1];
    const opens = i === 0 || isSpace(before) || before === "(" || before === "[";
    return opens && i + 2 < end && /^[a-z]$/.test(src[i + 2] ?? "");
  }

  /** Index of the `}` closing the `{` at `open` within `end`, or -1. */
  private matchBrace(open: number, end: number): number {
    const close = this.braceClose[open] ?? -1;
    return close >= 0 && close < end ? close : -1;
  }

  private skipSpaces(from: number, end: number): number {
    let k = from;
    while (k < end && isSpace(this.src[k])) k += 1;
    return k;
  }

  /** The `{…}` argument starting at `from` (after optional whitespace): its inner range and where it ends. */
  private argument(from: number, end: number): { start: number; stop: number; next: number } | null {
    const k = this.skipSpaces(from, end);
    if (k >= end || this.src[k] !== "{") return null;
    const close = this.matchBrace(k, end);
    if (close < 0) return null;
    return { start: k + 1, stop: close, next: close + 1 };
  }

  /** A bare `{…}` in text. `{\"u}`, `{\em x}` are TeX groups and vanish; other braces are shown as written. */
  private group(open: number, end: number, style: Style, depth: number): number {
    const close = depth < MAX_DEPTH ? this.matchBrace(open, end) : -1;
    if (close < 0) {
      this.text("{", style);
      return open + 1;
    }
    const texGroup = this.src[this.skipSpaces(open + 1, close)] === "\\";
    if (!texGroup) this.text("{", style);
    this.parseRange(open + 1, close, style, depth + 1);
    if (!texGroup) this.text("}", style);
    return close + 1;
  }

  /** `$…$` or `$$…$$` starting at `i`; a `$` that opens nothing is a literal dollar. */
  private dollar(i: number, end: number, style: Style): number {
    const src = this.src;
    if (src[i + 1] === "$" && i + 1 < end) {
      // `$$ … $$`. A single `$` before the closing pair means this is not display math: read the dollars one by one.
      const k = this.nextDollar[i + 2] ?? end;
      if (k + 1 < end && src[k + 1] === "$" && this.math(i, k + 2, 2, true)) return k + 2;
    } else {
      // Like pandoc, a `$` right before a digit (`$5 and $10`) is a price, not the end of math.
      const k = this.nextInlineClose[i + 1] ?? end;
      if (k < end && this.math(i, k + 1, 1, false)) return k + 1;
    }
    this.text("$", style);
    return i + 1;
  }

  /** `\(…\)` or `\[…\]` whose opening backslash is at `i`. Returns the next index, or -1 if unclosed. */
  private bracketMath(i: number, end: number, display: boolean): number {
    const k = (display ? this.nextBracketClose : this.nextParenClose)[i + 2] ?? end;
    return k + 1 < end && this.math(i, k + 2, 2, display) ? k + 2 : -1;
  }

  /** A command at `i` (a backslash). Returns where reading continues and the style from there on. */
  private command(i: number, end: number, style: Style, depth: number): { next: number; style: Style } {
    const src = this.src;
    const emit = (text: string, next: number) => {
      this.text(text, style);
      return { next, style };
    };

    if (i + 1 >= end) return emit("\\", i + 1);
    const c = src[i + 1] ?? "";

    if (ESCAPED_CHARS.has(c)) return emit(c, i + 2);
    if (c === "\\") return emit(" ", i + 2); // a forced line break
    if (isSpace(c)) return emit(" ", i + 2); // `\ `
    if (c === ",") return emit("\u202F", i + 2); // thin space, as in `10\,GB`
    if (c === ";" || c === ":") return emit(" ", i + 2);
    if (c === "!" || c === "-" || c === "/" || c === "@") return emit("", i + 2);
    if (c === "(" || c === "[") {
      const next = this.bracketMath(i, end, c === "[");
      return next < 0 ? emit(`\\${c}`, i + 2) : { next, style };
    }
    if (!isLetter(c)) {
      const mark = lookup(ACCENTS, c);
      const accented = mark === undefined ? null : this.accent(i + 2, end, mark);
      return accented ? emit(accented.text, accented.next) : emit(`\\${c}`, i + 2);
    }

    let k = i + 1;
    while (k < end && isLetter(src[k])) k += 1;
    const name = src.slice(i + 1, k);
    /** Skips an empty `{}` after a command (`\ldots{}`), which only ends the command name in TeX. */
    const afterEmptyGroup = (from: number) => (src.startsWith("{}", from) && from + 1 < end ? from + 2 : from);

    const mark = lookup(ACCENTS, name);
    if (mark !== undefined) {
      const accented = this.accent(this.skipSpaces(k, end), end, mark);
      return accented ? emit(accented.text, accented.next) : emit(`\\${name}`, k);
    }

    const commandStyle = lookup(STYLE_COMMANDS, name);
    if (commandStyle !== undefined && depth < MAX_DEPTH) {
      const arg = this.argument(k, end);
      if (!arg) return emit(`\\${name}`, k);
      this.parseRange(arg.start, arg.stop, commandStyle ?? style, depth + 1);
      return { next: arg.next, style };
    }

    if (name === "url") {
      const arg = this.argument(k, end);
      if (!arg) return emit("\\url", k);
      const url = unescapeUrl(src.slice(arg.start, arg.stop));
      const href = safeHttpUrl(url);
      if (href) this.out.push({ kind: "link", href, text: url });
      else this.text(url, style);
      return { next: arg.next, style };
    }

    if (name === "href" && depth < MAX_DEPTH) {
      const urlArg = this.argument(k, end);
      const labelArg = urlArg ? this.argument(urlArg.next, end) : null;
      if (!urlArg || !labelArg) return emit("\\href", k);
      const url = unescapeUrl(src.slice(urlArg.start, urlArg.stop));
      const href = safeHttpUrl(url);
      if (!href) {
        // Not a web link: keep only the label, as text.
        this.parseRange(labelArg.start, labelArg.stop, style, depth + 1);
      } else {
        const outer = this.out;
        this.out = [];
        this.parseRange(labelArg.start, labelArg.stop, style, depth + 1);
        const label = segmentsToPlainText(this.out);
        this.out = outer;
        this.out.push({ kind: "link", href, text: label || url });
      }
      return { next: labelArg.next, style };
    }

    if (Object.hasOwn(DECLARATIONS, name)) {
      return { next: this.skipSpaces(k, end), style: DECLARATIONS[name] };
    }

    const glyph = lookup(GLYPHS, name);
    if (glyph !== undefined) return emit(glyph, afterEmptyGroup(this.skipSpaces(k, end)));

    const symbol = lookup(SYMBOLS, name) ?? lookup(SPACING, name);
    if (symbol !== undefined) return emit(symbol, afterEmptyGroup(k));

    return emit(`\\${name}`, k); // unknown: keep what the author wrote
  }

  /** The letter an accent applies to, at `from`: `o`, `{o}`, `\i`, `{\i}`. Null if there is none. */
  private accent(from: number, end: number, mark: string): { text: string; next: number } | null {
    const src = this.src;
    const compose = (letter: string) => `${letter}${mark}`.normalize("NFC");
    const isOneLetter = (s: string) => /^\p{L}$/u.test(s);
    if (from >= end) return null;

    if (src[from] === "{") {
      const close = this.matchBrace(from, end);
      if (close < 0) return null;
      const inner = src.slice(from + 1, close).trim();
      const letter = inner === "\\i" ? "i" : inner === "\\j" ? "j" : inner;
      return isOneLetter(letter) ? { text: compose(letter), next: close + 1 } : null;
    }
    if (src[from] === "\\") {
      // `\'\i`: the dotless i takes the accent (composed as the accented i).
      const letter = src[from + 1];
      if ((letter === "i" || letter === "j") && from + 1 < end && !(isLetter(src[from + 2]) && from + 2 < end)) {
        return { text: compose(letter), next: from + 2 };
      }
      return null;
    }
    const cp = src.codePointAt(from);
    const ch = cp === undefined ? "" : String.fromCodePoint(cp);
    return isOneLetter(ch) ? { text: compose(ch), next: from + ch.length } : null;
  }

  /** Where the last bare URL that failed to link ended: no URL is tried again inside it (keeps this linear). */
  private urlRunEnd = -1;

  /** Whether a bare http(s) URL starts at `i` (and not in the middle of a word). */
  private startsUrl(i: number): boolean {
    if (i < this.urlRunEnd) return false;
    const before = this.src[i - 1];
    if (before !== undefined && /^[\p{L}\p{N}]$/u.test(before)) return false;
    return /^https?:\/\//i.test(this.src.slice(i, i + 8));
  }

  /** A bare URL at `i`: linked if valid, with trailing punctuation and unbalanced brackets left as text. */
  private bareUrl(i: number, end: number, style: Style): number {
    const src = this.src;
    const chars: { c: string; next: number }[] = [];
    const counts: Record<string, number> = { "(": 0, ")": 0, "[": 0, "]": 0 };
    const push = (c: string, next: number) => {
      chars.push({ c, next });
      if (Object.hasOwn(counts, c)) counts[c] = (counts[c] ?? 0) + 1;
    };
    let k = i;
    while (k < end) {
      const c = src[k] ?? "";
      if (isSpace(c) || /^[<>"{}|^`$]$/.test(c)) break;
      if (c === "\\") {
        const escaped = src[k + 1];
        if (escaped === undefined || k + 1 >= end || !URL_ESCAPES.has(escaped)) break;
        push(escaped, k + 2);
        k += 2;
      } else {
        push(c, k + 1);
        k += 1;
      }
    }
    const count = (c: string) => counts[c] ?? 0;
    for (let last = chars.at(-1)?.c; last !== undefined; last = chars.at(-1)?.c) {
      const unbalanced = (last === ")" && count(")") > count("(")) || (last === "]" && count("]") > count("["));
      if (!unbalanced && !/^[.,;:!?'*]$/.test(last)) break;
      chars.pop();
      if (Object.hasOwn(counts, last)) counts[last] = count(last) - 1;
    }
    const url = chars.map((x) => x.c).join("");
    const href = safeHttpUrl(url);
    const stop = chars.at(-1)?.next;
    if (!href || stop === undefined) {
      this.urlRunEnd = k;
      this.text(src[i] ?? "", style);
      return i + 1;
    }
    this.out.push({ kind: "link", href, text: url });
    return stop;
  }
}

/** Collapses whitespace runs (also across segment boundaries), trims both ends and drops empty text. */
function normalizeSegments(segments: Segment[]): Segment[] {
  const result: Segment[] = [];
  let spaceBefore = true; // at the start, leading whitespace is dropped
  for (const segment of segments) {
    if (segment.kind === "text") {
      let text = segment.text.replace(WHITESPACE, " ");
      if (spaceBefore && text.startsWith(" ")) text = text.slice(1);
      if (text === "") continue;
      const last = result.at(-1);
      if (last?.kind === "text" && last.style === segment.style) last.text += text;
      else result.push(segment.style ? { kind: "text", text, style: segment.style } : { kind: "text", text });
      spaceBefore = text.endsWith(" ");
    } else if (segment.kind === "link") {
      const text = segment.text.replace(WHITESPACE, " ").trim();
      result.push({ kind: "link", href: segment.href, text: text || segment.href });
      spaceBefore = false;
    } else {
      result.push(segment);
      spaceBefore = false;
    }
  }
  const last = result.at(-1);
  if (last?.kind === "text" && last.text.endsWith(" ")) {
    last.text = last.text.slice(0, -1);
    if (last.text === "") result.pop();
  }
  return result;
}

function segmentsToPlainText(segments: Segment[]): string {
  return segments
    .map((segment) => (segment.kind === "math" ? segment.tex : segment.text))
    .join("")
    .replace(WHITESPACE, " ")
    .trim();
}

/**
 * Splits arXiv-style LaTeX text into text, math and link segments. Text is unescaped and whitespace-collapsed; math is
 * the TeX source without its delimiters. Never throws: input it cannot read is returned as literal text.
 */
export function parseLatexText(input: string): Segment[] {
  if (typeof input !== "string" || input === "") return [];
  try {
    return normalizeSegments(new Reader(input).read());
  } catch {
    // Defensive only: the reader has no known throwing paths. Fall back to the raw text.
    const text = input.replace(WHITESPACE, " ").trim();
    return text ? [{ kind: "text", text }] : [];
  }
}

/**
 * The same text as a plain string, for `<title>`, meta descriptions, feeds and JSON: math is kept as its TeX source
 * without delimiters, escapes are unescaped, `\emph{…}` and friends keep only their content, and a link keeps its text.
 */
export function latexToPlainText(input: string): string {
  return segmentsToPlainText(parseLatexText(input));
}

/**
 * Where the math is in `input`: each formula's `[start, end)`, delimiters included, in order, as
 * `parseLatexText` reads them. For cutting a text (a search excerpt) without cutting a formula.
 */
export function mathSpans(input: string): SourceSpan[] {
  if (typeof input !== "string" || input === "") return [];
  try {
    const reader = new Reader(input);
    reader.read();
    return reader.spans;
  } catch {
    return [];
  }
}

/**
 * arXiv LaTeX as plain text whose math stays TeX between dollars (`Fast $\mathcal{O}(n)$ sorting`, `87%`): what
 * reference managers and Markdown readers (which typeset `$…$` themselves) want. `writeText` writes the text
 * between formulas (Markdown escapes it).
 */
export function latexWithTexMath(input: string, writeText: (text: string) => string = (text) => text): string {
  return parseLatexText(input)
    .map((segment) =>
      segment.kind === "math" ? (segment.display ? `$$${segment.tex}$$` : `$${segment.tex}$`) : writeText(segment.text),
    )
    .join("");
}
