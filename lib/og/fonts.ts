import "server-only";
import fs from "node:fs";
import path from "node:path";
import { inflateSync } from "node:zlib";

/**
 * The fonts of the OpenGraph cards (`/og/<id>`), shipped with the app and read from disk. Without them
 * next/og's renderer (Satori) had one Latin font and fetched any other glyph from Google Fonts, and emoji
 * from a CDN, while drawing: offline, a CJK or emoji title dropped the answer (issue 20).
 *
 * - Noto Sans SC, KR and Noto Sans (@fontsource/noto-sans-sc, -kr, noto-sans): Chinese, Japanese kana,
 *   Hangul, Latin, Greek, Cyrillic, punctuation, cut into small files by Unicode range; a card loads only
 *   those its text needs, each under a name of its own (Satori keeps one font per name and weight, and looks
 *   for a missing glyph in the others).
 * - Noto Emoji (@expo-google-fonts/noto-emoji), monochrome, in one file: it alone draws characters beyond
 *   U+FFFF, because Satori remembers the font of such a character by its first UTF-16 unit, which emoji
 *   kept in different files share.
 *
 * A character none of them draws is drawn as "□", so the renderer never has a glyph to fetch.
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

interface FontFile {
  /** Its family name ("noto-sans-sc-17"): one name per set of characters, in each weight. */
  name: string;
  weight: OgWeight;
  file: string;
  /** Where to look (the CSS's unicode-range), or null for anywhere. */
  ranges: [number, number][] | null;
  /** Whether it may draw characters beyond U+FFFF. */
  astral: boolean;
  /** Its character map, read when first asked. */
  glyphs?: (codePoint: number) => boolean;
}

// Read at run time from the installed packages; `turbopackIgnore` keeps the build from tracing every file of
// them (a pattern over 18,800 files, and a warning, in each build).
const NODE_MODULES = path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules");
const SC_WEIGHTS: OgWeight[] = [400, 700];
/**
 * The @fontsource packages, in the order they are searched: Noto Sans SC (Chinese, kana, Latin), Noto Sans KR
 * (the Hangul SC lacks), Noto Sans (Greek, for the α and β of titles, and Devanagari, Vietnamese).
 */
const CUT_FAMILIES = ["noto-sans-sc", "noto-sans-kr", "noto-sans"];
const EMOJI_FILES: Record<OgWeight, string> = {
  400: "400Regular/NotoEmoji_400Regular.ttf",
  700: "700Bold/NotoEmoji_700Bold.ttf",
};

/** Drawn for a character no shipped font has. */
const MISSING = "□";
/**
 * Invisible parts of emoji sequences (joiners, variation selectors, skin tones, tag characters): a monochrome
 * font draws the emoji without them, and they would otherwise send the renderer looking for a glyph.
 */
const EMOJI_MODIFIERS = /[\u200d\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/gu;

let fontFiles: FontFile[] | undefined;

/**
 * Every shipped font file, in the order the renderer searches them: the Latin file first (so Latin letters
 * and digits come from it whichever other file also has them), Noto Sans SC's others, then the emoji font.
 */
function allFiles(): FontFile[] {
  fontFiles ??= [
    ...CUT_FAMILIES.flatMap((pkg) =>
      SC_WEIGHTS.flatMap((weight) => {
        const folder = path.join(/* turbopackIgnore: true */ NODE_MODULES, "@fontsource", pkg);
        const css = fs.readFileSync(path.join(/* turbopackIgnore: true */ folder, `${weight}.css`), "utf8");
        return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(({ 1: body = "" }): FontFile => {
          const file = /url\(\.\/files\/([^)]+\.woff)\) format\('woff'\)/.exec(body)?.[1];
          const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
          if (!file || !range) throw new Error(`Unexpected @font-face in ${pkg}/${weight}.css`);
          const name = file.replace(/-\d00-normal\.woff$/, "");
          return {
            name,
            weight,
            file: path.join(/* turbopackIgnore: true */ folder, "files", file),
            ranges: parseRanges(range),
            astral: false,
          };
        });
      }),
    ).sort((a, b) => Number(b.name === OG_FONT_FAMILY) - Number(a.name === OG_FONT_FAMILY)),
    ...SC_WEIGHTS.map((weight) => ({
      name: "noto-emoji",
      weight,
      file: path.join(
        /* turbopackIgnore: true */ NODE_MODULES,
        "@expo-google-fonts",
        "noto-emoji",
        EMOJI_FILES[weight],
      ),
      ranges: null,
      astral: true,
    })),
  ];
  return fontFiles;
}

/** "U+4e00-4e10,U+3000" as [[0x4e00, 0x4e10], [0x3000, 0x3000]]. */
function parseRanges(unicodeRange: string): [number, number][] {
  return unicodeRange.split(",").map((part) => {
    const [from = "0", to] = part.trim().replace(/^U\+/i, "").split("-");
    const start = parseInt(from, 16);
    return [start, to === undefined ? start : parseInt(to, 16)];
  });
}

/**
 * Whether the file has a glyph for `codePoint`. A CSS range is only where to look: Noto Sans SC's files list
 * characters they have no glyph for (Thai, some Hangul), so the file's own character map decides.
 */
function covers(font: FontFile, codePoint: number): boolean {
  if (codePoint > 0xffff && !font.astral) return false;
  if (font.ranges && !font.ranges.some(([start, end]) => codePoint >= start && codePoint <= end)) return false;
  font.glyphs ??= characterMap(readFont(font.file));
  return font.glyphs(codePoint);
}

/** The first file (in the order the renderer searches them) that draws `codePoint`, or undefined. */
function fileFor(codePoint: number): FontFile | undefined {
  return allFiles().find((font) => font.weight === 400 && covers(font, codePoint));
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * `text` as the card draws it: NFC, without the invisible parts of emoji sequences, each character no
 * shipped font has replaced by "□". A cluster of several characters (a letter and a combining mark, a
 * keycap) stays whole only when the file that draws its first character draws all of it, since that is
 * the one file the renderer looks in; else it is cut to that first character.
 */
export function ogText(text: string): string {
  let drawn = "";
  for (const { segment } of graphemes.segment(text.normalize("NFC").replace(EMOJI_MODIFIERS, ""))) {
    const [first = "", ...rest] = [...segment];
    if (/\s/.test(first)) {
      drawn += segment;
      continue;
    }
    const file = fileFor(first.codePointAt(0)!);
    if (!file) drawn += MISSING;
    else drawn += rest.every((character) => covers(file, character.codePointAt(0)!)) ? segment : first;
  }
  return drawn;
}

/** A font's Unicode character map (its `cmap` table, format 12 or 4) as a has-a-glyph test. */
function characterMap(font: Buffer): (codePoint: number) => boolean {
  const cmap = fontTable(font, "cmap");
  const subtables = cmap.readUInt16BE(2);
  let best: { format: number; offset: number } | undefined;
  for (let i = 0; i < subtables; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 12 || (format === 4 && best?.format !== 12))) best = { format, offset };
  }
  if (!best) return () => false;
  const at = best.offset;
  if (best.format === 12) {
    const groups = cmap.readUInt32BE(at + 12);
    return (codePoint) => {
      for (let g = 0; g < groups; g++) {
        const start = cmap.readUInt32BE(at + 16 + g * 12);
        const end = cmap.readUInt32BE(at + 20 + g * 12);
        if (codePoint >= start && codePoint <= end) return cmap.readUInt32BE(at + 24 + g * 12) + codePoint - start > 0;
      }
      return false;
    };
  }
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (codePoint) => {
    if (codePoint > 0xffff) return false;
    for (let s = 0; s < segments; s++) {
      if (codePoint > cmap.readUInt16BE(ends + s * 2)) continue;
      const start = cmap.readUInt16BE(starts + s * 2);
      if (codePoint < start) return false;
      const delta = cmap.readUInt16BE(deltas + s * 2);
      const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
      if (rangeOffset === 0) return ((codePoint + delta) & 0xffff) !== 0;
      const glyph = cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (codePoint - start) * 2);
      return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
    }
    return false;
  };
}

/** One table of a TrueType/OpenType file, or of a WOFF 1.0 one (inflated when stored compressed). */
function fontTable(font: Buffer, tag: string): Buffer {
  const woff = font.toString("latin1", 0, 4) === "wOFF";
  const tables = font.readUInt16BE(woff ? 12 : 4);
  for (let i = 0; i < tables; i++) {
    const entry = woff ? 44 + i * 20 : 12 + i * 16;
    if (font.toString("latin1", entry, entry + 4) !== tag) continue;
    if (!woff)
      return font.subarray(font.readUInt32BE(entry + 8), font.readUInt32BE(entry + 8) + font.readUInt32BE(entry + 12));
    const offset = font.readUInt32BE(entry + 4);
    const stored = font.readUInt32BE(entry + 8);
    const length = font.readUInt32BE(entry + 12);
    const data = font.subarray(offset, offset + stored);
    return stored < length ? inflateSync(data) : data;
  }
  throw new Error(`The font has no ${tag} table.`);
}

const fileCache = new Map<string, Buffer>();
/** The font lists of recent cards: Satori parses a list once and keeps it while the same array comes back. */
const fontListCache = new Map<string, OgFont[]>();
const FONT_LISTS_KEPT = 64;

/** The font files that draw every character of `texts` (already passed through `ogText`), in both weights. */
export function ogFonts(texts: string[]): OgFont[] {
  const names = new Set<string>([OG_FONT_FAMILY]);
  for (const text of texts) {
    for (const character of text) {
      const font = fileFor(character.codePointAt(0)!);
      if (font) names.add(font.name);
    }
  }
  const needed = allFiles().filter((font) => names.has(font.name));
  const key = needed.map((font) => font.file).join("\n");
  const cached = fontListCache.get(key);
  if (cached) return cached;
  const fonts = needed.map((font) => ({
    name: font.name,
    data: readFont(font.file),
    weight: font.weight,
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
