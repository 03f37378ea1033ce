import katex from "katex";
import { type ReactNode } from "react";
import { parseLatexText, type Segment } from "@/lib/text/latex";

/**
 * KaTeX HTML for `tex`, or null if KaTeX cannot parse it. KaTeX escapes its input and, with `trust: false`, refuses
 * `\href`, `\htmlClass` and friends, so its output is the only HTML this component ever injects.
 */
function renderMath(tex: string, display: boolean): string | null {
  try {
    // throwOnError: true so invalid math is detected here and shown as its source, not as KaTeX's red error span.
    return katex.renderToString(tex, {
      throwOnError: true,
      displayMode: display,
      output: "htmlAndMathml",
      trust: false,
      strict: "ignore",
    });
  } catch {
    return null;
  }
}

function renderSegment(segment: Segment, key: number, links: boolean): ReactNode {
  switch (segment.kind) {
    case "text":
      if (segment.style === "em") return <em key={key}>{segment.text}</em>;
      if (segment.style === "strong") return <strong key={key}>{segment.text}</strong>;
      if (segment.style === "code") return <code key={key}>{segment.text}</code>;
      return segment.text;
    case "link":
      if (!links) return segment.text;
      return (
        <a
          key={key}
          href={segment.href}
          rel="nofollow noopener"
          target="_blank"
          className="wrap-anywhere underline underline-offset-2"
        >
          {segment.text}
        </a>
      );
    case "math": {
      const html = renderMath(segment.tex, segment.display);
      if (html === null) return segment.display ? `$$${segment.tex}$$` : `$${segment.tex}$`;
      return <span key={key} dangerouslySetInnerHTML={{ __html: html }} />;
    }
  }
}

/**
 * Renders arXiv-style LaTeX text (a paper title or abstract): math through KaTeX, `\emph{…}` and friends as
 * `<em>`/`<strong>`/`<code>`, http(s) links as external links, everything else as escaped text. HTML in the input is
 * never interpreted. Invalid math is shown as its `$…$` source.
 *
 * Server component: KaTeX runs on the server and never reaches the client bundle. The page must load KaTeX's
 * stylesheet once (the root layout imports `katex/dist/katex.min.css`).
 *
 * @example
 *   <h1><RichText text={paper.title} /></h1>
 *   <p className="leading-relaxed"><RichText text={paper.abstract} /></p>
 *   // Inside an <a> (a linked title), pass links={false}: an <a> must not contain another <a>.
 *   <Link href={`/papers/${paper.id}`}><RichText text={paper.title} links={false} /></Link>
 *
 * Use `latexToPlainText` from `@/lib/text/latex` where markup is not allowed (`<title>`, meta tags, feeds, JSON).
 */
export function RichText({ text, className, links = true }: { text: string; className?: string; links?: boolean }) {
  return (
    <span className={className}>{parseLatexText(text).map((segment, i) => renderSegment(segment, i, links))}</span>
  );
}
