import "server-only";
import type { CitationFormat } from "@/lib/citations/formats";
import { bibtexOf, cslItemOf, risOf, type CitablePaper } from "@/lib/citations/records";

/** Papers read per query while an export streams: a 10,000-paper collection is 20 reads, never all at once. */
export const EXPORT_BATCH = 500;

/**
 * Reads a list `EXPORT_BATCH` papers at a time: `read(after)` gives the rows following the cursor `after`
 * (null for the first), each with the cursor it leaves; the last batch is a short one.
 */
export async function* inBatches<Cursor>(
  read: (after: Cursor | null) => Promise<{ paper: CitablePaper; cursor: Cursor }[]>,
): AsyncGenerator<CitablePaper[]> {
  let after: Cursor | null = null;
  for (;;) {
    const rows = await read(after);
    if (rows.length) yield rows.map((row) => row.paper);
    if (rows.length < EXPORT_BATCH) return;
    after = rows[rows.length - 1]!.cursor;
  }
}

/** Writes one batch in `format`; `state` carries what the file needs across batches. */
function writeBatch(
  format: CitationFormat,
  papers: CitablePaper[],
  state: { labels: Set<string>; first: boolean },
): string {
  switch (format) {
    case "bibtex":
      return bibtexOf(papers, state.labels);
    case "ris":
      return risOf(papers);
    case "csl-json":
      return papers
        .map((paper) => {
          const item = `${state.first ? "" : ",\n"}${JSON.stringify(cslItemOf(paper))}`;
          state.first = false;
          return item;
        })
        .join("");
  }
}

/**
 * A whole file of citations in `format`, written as the batches arrive: the answer starts with the first
 * batch, and memory holds one batch at a time whatever the list's length. CSL-JSON is one array.
 */
export function citationStream(
  format: CitationFormat,
  batches: AsyncIterable<CitablePaper[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  const state = { labels: new Set<string>(), first: true };
  let opened = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!opened && format === "csl-json") controller.enqueue(encoder.encode("[\n"));
      opened = true;
      const next = await iterator.next();
      if (next.done) {
        if (format === "csl-json") controller.enqueue(encoder.encode("\n]\n"));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(writeBatch(format, next.value, state)));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
