import "server-only";
import { randomBytes } from "node:crypto";
import MarkdownIt from "markdown-it";
import type { StateInline } from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { escapeHtml } from "@/lib/text/escape-html";
import { mathTypesetter } from "@/lib/text/math";

/**
 * Comment Markdown to HTML, on the server. The order is what keeps it safe:
 *
 * 1. markdown-it parses the Markdown with raw HTML off (`<script>` is text), images and tables off, links
 *    only to http(s) and mailto, and a `$…$` / `$$…$$` rule that records each math span and leaves an
 *    unguessable placeholder (a random nonce per render) in its place;
 * 2. sanitize-html filters markdown-it's output through a short allow-list of tags and attributes (a
 *    second wall in case a markdown-it bug lets something through), forcing `rel` and `target` on links;
 * 3. only then is each placeholder replaced by KaTeX's output for its math (KaTeX escapes its input and,
 *    with `trust: false`, renders no links, classes or styles from it), or by the escaped source if KaTeX
 *    cannot parse it or it is past the bounds of lib/text/math.ts (source, size, HTML, and a budget for
 *    the whole comment).
 *
 * KaTeX's markup (inline styles, MathML) never goes through the sanitiser, so the allow-list stays short,
 * and nothing the author wrote reaches the page without passing the sanitiser or KaTeX's escaping.
 */

/**
 * Longest math span read as math; longer ones stay text (and searching for their end stays cheap). Spans
 * past lib/text/math.ts's MAX_FORMULA_SOURCE are read as math but shown as their source.
 */
const MAX_MATH_LENGTH = 2_000;

/**
 * The version of what `renderCommentHtml` makes. A comment's HTML is stored when it is written
 * (Comment.html, with this number in Comment.htmlVersion); raise it when the output changes, and stored
 * HTML of older versions is rendered again when next read.
 */
export const COMMENT_HTML_VERSION = 1;

interface RenderEnv {
  nonce: string;
  math: { tex: string; display: boolean }[];
}

const markdown = new MarkdownIt("default", {
  html: false,
  linkify: true,
  // A line break in a comment box is a line break, as on GitHub and Hugging Face.
  breaks: true,
  typographer: false,
});
markdown.disable(["image", "table"]);
// Links (written, autolinked or linkified) only to the web and to mail; everything else stays text.
markdown.validateLink = (url) => /^(?:https?:\/\/|mailto:)/i.test(url);
markdown.inline.ruler.after("escape", "math", mathRule);
markdown.renderer.rules.math = (tokens, index, _options, env: RenderEnv) => {
  const token = tokens[index];
  if (!token) return "";
  env.math.push({ tex: token.content, display: token.markup === "$$" });
  return `${env.nonce}${env.math.length - 1}Z`;
};

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * `$…$` (inline) and `$$…$$` (display) math, pandoc's rules: an opening `$` is not followed by a space, a
 * closing one is not preceded by one nor followed by a digit (so "$5 and $10" is money), and `\$` inside
 * is a dollar sign. Code spans come first (`` `$x$` `` is code) because the backtick rule claims them.
 */
function mathRule(state: StateInline, silent: boolean): boolean {
  const { src, posMax } = state;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24) return false;
  const display = src.charCodeAt(start + 1) === 0x24;
  const from = start + (display ? 2 : 1);
  const limit = Math.min(posMax, from + MAX_MATH_LENGTH);
  if (from >= posMax || (!display && isSpace(src.charCodeAt(from)))) return false;

  let end = -1;
  for (let k = from; k < limit; k += 1) {
    const code = src.charCodeAt(k);
    if (code === 0x5c) {
      k += 1; // `\$`, `\\`: the next character is part of the math
      continue;
    }
    if (code !== 0x24) continue;
    if (display) {
      if (src.charCodeAt(k + 1) === 0x24) end = k;
    } else if (!isSpace(src.charCodeAt(k - 1)) && !isDigit(src.charCodeAt(k + 1))) {
      end = k;
    }
    break;
  }
  if (end < 0 || end === from) return false;
  const tex = src.slice(from, end);
  if (tex.trim() === "") return false;
  if (!silent) {
    const token = state.push("math", "", 0);
    token.content = tex;
    token.markup = display ? "$$" : "$";
  }
  state.pos = end + (display ? 2 : 1);
  return true;
}

/** h1/h2 of a comment would outrank the page's own headings: every level moves down two (to h6 at most). */
const HEADING_LEVELS: Record<string, string> = { h1: "h3", h2: "h4", h3: "h5", h4: "h6", h5: "h6", h6: "h6" };

/**
 * The sanitiser's allow-list: the tags comment markup may hold outside math, and the attributes each may
 * keep. Exported so the tests check rendered comments against the list the sanitiser really uses.
 */
export const COMMENT_TAGS = [
  "p",
  "br",
  "em",
  "strong",
  "s",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
];
export const COMMENT_ATTRIBUTES = { a: ["href", "rel", "target"], ol: ["start"] };

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: COMMENT_TAGS,
  allowedAttributes: COMMENT_ATTRIBUTES,
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  enforceHtmlBoundary: false,
  transformTags: {
    ...HEADING_LEVELS,
    a: (_tagName, attribs) => ({
      tagName: "a",
      attribs: {
        ...(attribs.href ? { href: attribs.href } : {}),
        rel: "nofollow ugc noopener",
        target: "_blank",
      },
    }),
  },
};

/**
 * Renders comment Markdown (bold, italics, code, lists, quotes, headings, http(s)/mailto links, `$…$` and
 * `$$…$$` math) to sanitised HTML safe to inject. Raw HTML is shown as text, images are not embedded, links
 * get `rel="nofollow ugc noopener"` and open in a new tab. Never throws for any string.
 *
 * Typesetting math can take a few hundred milliseconds: render a comment when it is written and serve the
 * stored HTML (lib/comments/data.ts), not on every view.
 */
export function renderCommentHtml(body: string): string {
  const env: RenderEnv = { nonce: `M${randomBytes(12).toString("hex")}N`, math: [] };
  const clean = sanitizeHtml(markdown.render(body, env), SANITIZE);
  const placeholder = new RegExp(`${env.nonce}(\\d+)Z`, "g");
  const typeset = mathTypesetter();
  return clean.replace(placeholder, (match, index: string) => {
    const span = env.math[Number(index)];
    if (!span) return match;
    const source = span.display ? `$$${span.tex}$$` : `$${span.tex}$`;
    return typeset(span.tex, span.display) ?? escapeHtml(source);
  });
}
