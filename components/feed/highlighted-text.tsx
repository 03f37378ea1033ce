import type { HighlightPiece } from "@/lib/papers/highlights";

/** An excerpt's pieces (lib/papers/highlights.ts) with the matches in <mark>; everything stays plain text. */
export function HighlightedText({ pieces }: { pieces: HighlightPiece[] }) {
  // A flat list (text, mark, text…): no wrapper element per piece.
  return <>{pieces.map((piece, index) => (piece.match ? <mark key={index}>{piece.text}</mark> : piece.text))}</>;
}
