import { type ReactNode } from "react";
import { parseLatexText, type Segment } from "@/lib/text/latex";
import { mathTypesetter } from "@/lib/text/math";

type Typeset = ReturnType<typeof mathTypesetter>;

function renderSegment(segment: Segment, key: number, links: boolean, typeset: Typeset): ReactNode {
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
      // KaTeX's output, bounded (lib/text/math.ts), is the only HTML this component injects.
      const html = typeset(segment.tex, segment.display);
      if (html === null) return segment.display ? `$$${segment.tex}$$` : `$${segment.tex}$`;
      return <span key={key} dangerouslySetInnerHTML={{ __html: html }} />;
    }
  }
}

/**
 * Renders arXiv-style LaTeX text (a paper title or abstract): math through KaTeX, `\emph{…}` and friends as
 * `<em>`/`<strong>`/`<code>`, http(s) links as external links, everything else as escaped text. HTML in the input is
 * never interpreted. Invalid math, and math past the bounds of lib/text/math.ts, is shown as its `$…$` source.
 *
 * Server component: KaTeX runs on the server and never reaches the client bundle. The page must load KaTeX's
 * stylesheet once (the root layout imports `katex/dist/katex.min.css`).
 *
 * @example
 *   <h1><RichText text={paper.title} /></h1>
 *   <p className="leading-relaxed"><RichText text={paper.abstract} /></p>
 *   // Inside an <a> (a linked title), pass links={false}: an <a> must not contain another <a>.
 *   <Link href={paperPath(paper.id)}><RichText text={paper.title} links={false} /></Link>
 *
 * Use `latexToPlainText` from `@/lib/text/latex` where markup is not allowed (`<title>`, meta tags, feeds, JSON).
 */
export function RichText({
  text,
  className,
  links = true,
  maxLength,
  maxMath = Infinity,
}: {
  text: string;
  className?: string;
  links?: boolean;
  /** Stop after this many characters (of text and of formula source), ending in "…". */
  maxLength?: number;
  /** Typeset at most this many formulas; later ones stay as their `$…$` source (KaTeX's HTML is large). */
  maxMath?: number;
}) {
  const segments = maxLength === undefined ? parseLatexText(text) : shorten(parseLatexText(text), maxLength);
  let formulas = 0;
  const typeset = mathTypesetter();
  const content = segments.map((segment, i) => {
    if (segment.kind === "math" && ++formulas > maxMath) {
      return segment.display ? `$$${segment.tex}$$` : `$${segment.tex}$`;
    }
    return renderSegment(segment, i, links, typeset);
  });
  // No `className` prop when there is none: React's payload would spell it out as "$undefined" on every title.
  return className ? <span className={className}>{content}</span> : <span>{content}</span>;
}

/** The segments that fit in `maxLength` characters; a text cut short ends in "…", a formula is kept or dropped whole. */
function shorten(segments: Segment[], maxLength: number): Segment[] {
  const kept: Segment[] = [];
  let left = maxLength;
  for (const segment of segments) {
    const length = segment.kind === "math" ? segment.tex.length : segment.text.length;
    if (length <= left) {
      kept.push(segment);
      left -= length;
      continue;
    }
    if (segment.kind === "text") kept.push({ ...segment, text: `${segment.text.slice(0, left).trimEnd()}…` });
    else kept.push({ kind: "text", text: "…" });
    break;
  }
  return kept;
}
