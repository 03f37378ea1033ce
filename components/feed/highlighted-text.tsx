import { HIGHLIGHT_END, HIGHLIGHT_START } from "@/lib/papers/schema";
import { latexToPlainText } from "@/lib/text/latex";

/** Text with search matches (between the highlight markers) in <mark>; everything stays plain text. */
export function HighlightedText({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START);
  return (
    <>
      {parts.map((part, index) => {
        if (index === 0) return <span key={index}>{latexToPlainText(part)}</span>;
        const [match = "", rest = ""] = part.split(HIGHLIGHT_END);
        return (
          <span key={index}>
            <mark>{match}</mark>
            {latexToPlainText(rest)}
          </span>
        );
      })}
    </>
  );
}
