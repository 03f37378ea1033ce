// The parts of Citation.js (https://citation.js.org) the exports use; the packages ship no types.

declare module "@citation-js/core" {
  /** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
  export type CslItem = Record<string, unknown> & { id: string; type: string };

  export class Cite {
    constructor(data: CslItem[]);
    /** Reads `text` as exactly `forceType` (`@ris/file`): never guessed, so never fetched. */
    constructor(text: string, options: { forceType: string; generateGraph?: boolean });
    data: CslItem[];
    format(format: "bibtex", options: { format: "object" }): BibtexEntry[];
    format(format: "ris", options?: { format?: "text" }): string;
    format(format: string, options?: Record<string, unknown>): unknown;
  }

  /** An entry as the BibTeX plugin maps it, its values already written as BibTeX. */
  export interface BibtexEntry {
    type: string;
    label: string;
    properties: Record<string, string>;
  }

  export const plugins: {
    dict: { get(name: string): Record<string, string[]> };
  };
}

declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";

declare module "@citation-js/plugin-bibtex/lib/output/value.js" {
  /** One field's value written as BibTeX, the way the plugin writes it (escapes; braces around capitals). */
  export function format(field: string, value: string): string;
}

declare module "@citation-js/plugin-bibtex/lib/input/file.js" {
  /** A BibTeX file's entries, each field as written (names lower-cased); throws on a syntax error. */
  export function parse(text: string): { type: string; label: string; properties: Record<string, unknown> }[];
}

declare module "@citation-js/plugin-bibtex/lib/output/bibtex.js" {
  import type { BibtexEntry } from "@citation-js/core";
  /** Mapped entries written out as a BibTeX file, in the layout of `dict` (the core's "text" dictionary). */
  export function format(entries: BibtexEntry[], dict: Record<string, string[]>): string;
}

declare module "@citation-js/name" {
  export interface CslName {
    given?: string;
    family?: string;
    "non-dropping-particle"?: string;
    "dropping-particle"?: string;
    suffix?: string;
  }
  /** A name as a person writes it ("Jean-Pierre de la Fontaine") split into CSL's parts. */
  export function parse(name: string): CslName;
}
