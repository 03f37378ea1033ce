import "server-only";
import { Cite, type CslItem } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { parse as parseBibtex } from "@citation-js/plugin-bibtex/lib/input/file.js";
import { CITATION_FORMATS, type CitationFormat } from "@/lib/citations/formats";
import { AppError } from "@/lib/errors";
import { parseArxivId } from "@/lib/papers/arxiv-id";

/**
 * The arXiv papers of a reference manager's export (Zotero, Mendeley, JabRef, Google Scholar): a BibTeX, RIS or
 * CSL-JSON file, read by Citation.js's own parsers, never fetched from anywhere (each input type is forced, so no
 * DOI or URL in a file makes a request). An entry is an arXiv paper when one of its fields names an arXiv id: an
 * `eprint` (with `archivePrefix = {arXiv}` or none), arXiv's DOI `10.48550/arXiv.<id>`, an arxiv.org address,
 * or `arXiv:<id>` anywhere (Google Scholar's `journal = {arXiv preprint arXiv:1706.03762}`).
 */

/** The longest library file read, in characters; the most entries. */
export const LIBRARY_MAX_CHARS = 1_000_000;
export const LIBRARY_MAX_ENTRIES = 5_000;

export interface LibraryContents {
  /** How many entries the file has. */
  entries: number;
  /** The arXiv ids it names, each once, in the file's order. */
  arxivIds: string[];
}

const NEW_ID = String.raw`\d{4}\.\d{4,5}`;
const OLD_ID = String.raw`[a-z-]+(?:\.[A-Z]{2})?/\d{7}`;
/** `arXiv:2501.12948`, `arxiv.org/abs/2501.12948v2`, `arxiv.org/pdf/hep-th/9901001`, `10.48550/arXiv.2501.12948`. */
const ARXIV_REFERENCE = new RegExp(
  String.raw`(?:arxiv\.org/(?:abs|pdf)/|arxiv[:.]\s*)(${NEW_ID}|${OLD_ID})(?:v\d+)?`,
  "gi",
);
const BARE_ID = new RegExp(String.raw`^(?:${NEW_ID}|${OLD_ID})(?:v\d+)?$`);

/** The canonical arXiv ids `text` mentions. */
function idsIn(text: string): string[] {
  return [...text.matchAll(ARXIV_REFERENCE)].flatMap((match) => parseArxivId(match[1]!) ?? []);
}

function bibtexIds(text: string): string[][] {
  return parseBibtex(text).map((entry) => {
    const fields = entry.properties;
    const prefix = String(fields.archiveprefix ?? fields.eprinttype ?? "arxiv").toLowerCase();
    const eprint = String(fields.eprint ?? "").trim();
    const fromEprint =
      prefix === "arxiv" && BARE_ID.test(eprint) ? [parseArxivId(eprint)].flatMap((id) => id ?? []) : [];
    return [...fromEprint, ...Object.values(fields).flatMap((value) => idsIn(String(value)))];
  });
}

function cslIds(items: CslItem[]): string[][] {
  return items.map((item) => idsIn(JSON.stringify(item)));
}

/** Each kind of file's reader: the arXiv ids of each of its entries. */
const READERS: Record<CitationFormat, (text: string) => string[][]> = {
  bibtex: bibtexIds,
  ris: (text) => cslIds(new Cite(text, { forceType: "@ris/file", generateGraph: false }).data),
  "csl-json": (text) => cslIds(readCslJson(text)),
};

/** What kind of file `text` is, by its name and then its first characters. */
function kindOf(text: string, filename: string): CitationFormat {
  const name = filename.toLowerCase();
  if (name.endsWith(".ris")) return "ris";
  if (name.endsWith(".json")) return "csl-json";
  if (name.endsWith(".bib") || name.endsWith(".bibtex")) return "bibtex";
  const start = text.trimStart();
  if (start.startsWith("[") || start.startsWith("{")) return "csl-json";
  return /^TY {2}- /m.test(text) ? "ris" : "bibtex";
}

function readCslJson(text: string): CslItem[] {
  const parsed: unknown = JSON.parse(text);
  const items = Array.isArray(parsed) ? parsed : [parsed];
  return items.filter((item): item is CslItem => typeof item === "object" && item !== null);
}

/**
 * The arXiv ids in a library file, or INVALID_INPUT with a sentence that says what is wrong with it (too
 * large, not BibTeX/RIS/CSL-JSON, or no entries at all).
 */
export function readLibrary(text: string, filename: string): LibraryContents {
  if (text.length > LIBRARY_MAX_CHARS) {
    throw new AppError("INVALID_INPUT", "That file is larger than 1 MB: export fewer entries at a time.");
  }
  const kind = kindOf(text, filename);
  let perEntry: string[][];
  try {
    perEntry = READERS[kind](text);
  } catch {
    throw new AppError(
      "INVALID_INPUT",
      `That file could not be read as ${CITATION_FORMATS[kind].label}: export it again from your reference manager.`,
    );
  }
  if (perEntry.length === 0) throw new AppError("INVALID_INPUT", "That file has no entries.");
  if (perEntry.length > LIBRARY_MAX_ENTRIES) {
    throw new AppError(
      "INVALID_INPUT",
      `That file has ${perEntry.length.toLocaleString("en-US")} entries; import at most ${LIBRARY_MAX_ENTRIES.toLocaleString("en-US")} at a time.`,
    );
  }
  return { entries: perEntry.length, arxivIds: [...new Set(perEntry.flatMap((ids) => ids.slice(0, 1)))] };
}
