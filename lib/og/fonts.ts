import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * The fonts of the OpenGraph cards (`/og/<id>`), shipped with the app and read from disk. Without them
 * next/og's renderer (Satori) had one Latin font and fetched any other glyph from Google Fonts, and emoji
 * from a CDN, while drawing: offline, a CJK or emoji title dropped the answer (issue 20).
 *
 * Noto Sans SC (Chinese, Japanese kana, Hangul, Latin, Cyrillic, punctuation; from @fontsource/noto-sans-sc)
 * and the monochrome Noto Emoji (@fontsource/noto-emoji) come cut into small files by Unicode range. A card
 * loads only the files whose ranges its text touches, each under a name of its own (Satori keeps one font
 * per name and weight, and looks for a missing glyph in the others), and a character none of them covers is
 * drawn as "□", so the renderer never has a glyph to fetch.
 */

/** What Satori (next/og's `fonts` option) takes. */
export interface OgFont {
  name: string;
  data: Buffer;
  weight: OgWeight;
  style: "normal";
}

export type OgWeight = 400 | 700;

/** The family the card names first: the Latin file of Noto Sans SC. */
export const OG_FONT_FAMILY = "noto-sans-sc-latin";

interface Slice {
  /** The file's own family name ("noto-sans-sc-17"): Satori keeps one font per name and weight. */
  name: string;
  weight: OgWeight;
  file: string;
  ranges: [number, number][];
}

const FONTSOURCE = path.join(process.cwd(), "node_modules", "@fontsource");
const FAMILIES = [
  { folder: "noto-sans-sc", weights: [400, 700] },
  // The emoji font has no 700: a bold emoji is drawn from the 400 file.
  { folder: "noto-emoji", weights: [400] },
] as const satisfies readonly { folder: string; weights: readonly OgWeight[] }[];

/** Drawn for a character no shipped font has. */
const MISSING = "□";
/**
 * Invisible parts of emoji sequences (joiners, variation selectors, skin tones, tag characters): a monochrome
 * font draws the emoji without them, and they would otherwise send the renderer looking for a glyph.
 */
const EMOJI_MODIFIERS = /[\u200d\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/gu;

let slices: Slice[] | undefined;

/**
 * Every shipped font file with the characters it covers, read once from the packages' CSS; the Latin file
 * first, so Latin letters and digits come from it whichever other file also has them.
 */
function allSlices(): Slice[] {
  slices ??= FAMILIES.flatMap(({ folder, weights }) =>
    weights.flatMap((weight) => {
      const css = fs.readFileSync(path.join(FONTSOURCE, folder, `${weight}.css`), "utf8");
      return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(({ 1: body = "" }) => {
        const file = /url\(\.\/files\/([^)]+\.woff)\) format\('woff'\)/.exec(body)?.[1];
        const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
        if (!file || !range) throw new Error(`Unexpected @font-face in ${folder}/${weight}.css`);
        return {
          name: file.replace(/-\d00-normal\.woff$/, ""),
          weight,
          file: path.join(FONTSOURCE, folder, "files", file),
          ranges: parseRanges(range),
        };
      });
    }),
  ).sort((a, b) => Number(b.name === OG_FONT_FAMILY) - Number(a.name === OG_FONT_FAMILY));
  return slices;
}

/** "U+4e00-4e10,U+3000" as [[0x4e00, 0x4e10], [0x3000, 0x3000]]. */
function parseRanges(unicodeRange: string): [number, number][] {
  return unicodeRange.split(",").map((part) => {
    const [from = "0", to] = part.trim().replace(/^U\+/i, "").split("-");
    const start = parseInt(from, 16);
    return [start, to === undefined ? start : parseInt(to, 16)];
  });
}

function covers(slice: Slice, codePoint: number): boolean {
  return slice.ranges.some(([start, end]) => codePoint >= start && codePoint <= end);
}

/** Whether some shipped font draws `codePoint`. */
function drawable(codePoint: number): boolean {
  return allSlices().some((slice) => covers(slice, codePoint));
}

/**
 * `text` as the card draws it: NFC, without the invisible parts of emoji sequences, each character no
 * shipped font has replaced by "□".
 */
export function ogText(text: string): string {
  let drawn = "";
  for (const character of text.normalize("NFC").replace(EMOJI_MODIFIERS, "")) {
    drawn += /\s/.test(character) || drawable(character.codePointAt(0)!) ? character : MISSING;
  }
  return drawn;
}

const fileCache = new Map<string, Buffer>();
/** The font lists of recent cards: Satori parses a list once and keeps it while the same array comes back. */
const fontListCache = new Map<string, OgFont[]>();
const FONT_LISTS_KEPT = 64;

/** The font files that draw every character of `texts` (already passed through `ogText`), in both weights. */
export function ogFonts(texts: string[]): OgFont[] {
  const codePoints = new Set<number>();
  for (const text of texts) for (const character of text) codePoints.add(character.codePointAt(0)!);
  const needed = allSlices().filter((slice) => [...codePoints].some((codePoint) => covers(slice, codePoint)));
  const key = needed.map((slice) => slice.file).join("\n");
  const cached = fontListCache.get(key);
  if (cached) return cached;
  const fonts = needed.map((slice) => ({
    name: slice.name,
    data: readFont(slice.file),
    weight: slice.weight,
    style: "normal" as const,
  }));
  if (fontListCache.size >= FONT_LISTS_KEPT) fontListCache.delete(fontListCache.keys().next().value!);
  fontListCache.set(key, fonts);
  return fonts;
}

function readFont(file: string): Buffer {
  let data = fileCache.get(file);
  if (!data) {
    data = fs.readFileSync(file);
    fileCache.set(file, data);
  }
  return data;
}
