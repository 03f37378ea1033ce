import { getCurrentUser } from "@/lib/auth/session";
import { CITATION_FORMATS, formatOfExtension } from "@/lib/citations/formats";
import { findCitationExport } from "@/lib/citations/sources";
import { citationStream } from "@/lib/citations/stream";

type Params = { params: Promise<{ source: string; format: string; key: string[] }> };

/**
 * Citation files: `GET /citations/<source>/<extension>/<key…>`, which the pretty addresses rewrite to
 * (next.config.ts): `/papers/<id>.bib`, `/papers/date/<day>.ris`, `/collections/<id>.csl.json`,
 * `/users/<handle>/upvoted.bib`. Streamed a batch at a time; a 404 for what is not there or not the reader's
 * to read, a private collection's included.
 */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { source, format: extension, key } = await params;
  const format = formatOfExtension(extension);
  if (!format) return notFound("No such citation format: use .bib, .ris or .csl.json.");
  const needsViewer = source === "collection" || source === "upvoted";
  const viewerId = needsViewer ? ((await getCurrentUser())?.id ?? null) : null;
  const found = await findCitationExport(source, key, viewerId);
  if (!found) return notFound("Nothing to export here: it does not exist, or it is not yours to read.");
  const { contentType } = CITATION_FORMATS[format];
  return new Response(citationStream(format, found.papers), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${found.filename}.${extension}"`,
      // A collection or reading list may be private: never kept by a shared cache.
      "Cache-Control": needsViewer ? "private, no-store" : "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function notFound(message: string): Response {
  return new Response(`${message}\n`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
