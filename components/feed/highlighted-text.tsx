import type { HighlightPiece } from "@/lib/papers/highlights";

/**
 * An excerpt's pieces (lib/papers/highlights.ts) with the matches in <mark> and formulas as KaTeX typeset them
 * on the server (bounded and escaped by lib/text/math.ts: the only HTML injected here); the rest is plain text.
 */
export function HighlightedText({ pieces }: { pieces: HighlightPiece[] }) {
  // A flat list (text, mark, text…): no wrapper element per piece but a formula's.
  return (
    <>
      {pieces.map((piece, index) =>
        piece.match ? (
          <mark key={index}>{piece.text}</mark>
        ) : piece.math !== undefined ? (
          <span key={index} dangerouslySetInnerHTML={{ __html: piece.math }} />
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
