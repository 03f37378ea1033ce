import "server-only";
import { parseArxivId } from "@/lib/papers/arxiv-id";

/**
 * The arXiv id in a catch-all route's segments (`/papers/hep-th/9901001` arrives as two segments), and
 * whether the URL carried it in canonical form (bare, no version suffix).
 */
export function idFromSegments(segments: string[]): { id: string; canonical: boolean } | null {
  let raw: string;
  try {
    raw = segments.map((s) => decodeURIComponent(s)).join("/");
  } catch {
    return null;
  }
  const id = parseArxivId(raw);
  return id ? { id, canonical: id === raw } : null;
}
