/**
 * Typography for rendered comment Markdown (the app has no prose plugin): spacing, lists, quotes, code,
 * headings and links, light and dark. Long words and URLs wrap so a comment never widens a phone's page;
 * wide display math and code scroll inside the comment.
 */
const PROSE = [
  "text-[0.9375rem] leading-relaxed text-zinc-800 dark:text-zinc-200 wrap-anywhere",
  "[&>*+*]:mt-2 [&_li+li]:mt-1",
  "[&_a]:text-amber-800 [&_a]:underline [&_a]:underline-offset-2 dark:[&_a]:text-amber-300",
  "[&_a:focus-visible]:rounded-sm [&_a:focus-visible]:outline-2 [&_a:focus-visible]:outline-amber-500",
  "[&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_blockquote]:border-l-4 [&_blockquote]:border-zinc-300 [&_blockquote]:pl-3 [&_blockquote]:text-zinc-700",
  "dark:[&_blockquote]:border-zinc-600 dark:[&_blockquote]:text-zinc-300",
  "[&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[0.85em]",
  "dark:[&_code]:bg-zinc-800",
  "[&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-zinc-100 [&_pre]:p-3 dark:[&_pre]:bg-zinc-800",
  "[&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_pre_code]:wrap-normal",
  "[&_h3]:text-base [&_h3]:font-semibold [&_h4]:font-semibold [&_h5]:font-semibold [&_h6]:font-semibold",
  "[&_hr]:border-zinc-200 dark:[&_hr]:border-zinc-700",
  "[&_.katex-display]:overflow-x-auto [&_.katex-display]:overflow-y-hidden [&_.katex-display]:py-1",
].join(" ");

/**
 * A comment's body: HTML rendered from its Markdown and sanitised on the server (lib/comments/render.ts),
 * the only place comment markup is injected.
 */
export function CommentBody({ html, className = "" }: { html: string; className?: string }) {
  return <div className={`${PROSE} ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
