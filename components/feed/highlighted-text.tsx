import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/papers/schema";
import { latexToPlainText } from "@/lib/text/latex";

/**
 * Plain text of a piece of a highlighted excerpt. The LaTeX reader collapses and trims whitespace, which is
 * right for a whole title but would glue a piece to the match beside it ("Conservative" + "World"), so a
 * piece's outer whitespace is kept as one space.
 */
function piece(text: string): string {
  const plain = latexToPlainText(text);
  if (!plain) return /\s/.test(text) ? " " : "";
  return `${/^\s/.test(text) ? " " : ""}${plain}${/\s$/.test(text) ? " " : ""}`;
}

/** Text with search matches (between the highlight markers) in <mark>; everything stays plain text. */
export function HighlightedText({ text }: { text: string }) {
  const [first = "", ...parts] = text.split(HIGHLIGHT_START);
  // A flat list (text, mark, text…): no wrapper element per piece.
  return (
    <>
      {piece(first)}
      {parts.flatMap((part, index) => {
        const [match = "", rest = ""] = part.split(HIGHLIGHT_END);
        return [<mark key={index}>{match}</mark>, piece(rest)];
      })}
    </>
  );
}
