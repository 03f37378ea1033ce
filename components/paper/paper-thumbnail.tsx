import { PaperCover, type Cover } from "@/components/paper/paper-cover";
import { safeHttpUrl } from "@/lib/urls";
import { latexToPlainText } from "@/lib/text/latex";

/** A stable hue per paper, so a paper's placeholder looks the same everywhere. */
function hueOf(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}

/** Up to three initials from the title's significant words ("Wide Attention Is…" → "WAT"). */
function monogram(title: string): string {
  const words = latexToPlainText(title)
    .split(/[\s:–—-]+/)
    .filter((w) => /^[A-Za-z0-9]/.test(w) && !/^(a|an|the|of|for|and|in|on|via|with|to|is|are|by)$/i.test(w));
  return words
    .slice(0, 3)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("");
}

/**
 * The paper's thumbnail (Hugging Face's, when it came from there), with a generated cover (its monogram on a
 * hue of its own) for when it has none, its URL is not http(s), or it does not load.
 */
export function coverOf(id: string, title: string, url: string | null): Cover {
  const src = safeHttpUrl(url);
  return { ...(src ? { src } : {}), hue: hueOf(id), monogram: monogram(title) };
}

/** The paper's {@link coverOf} picture. */
export function PaperThumbnail({
  id,
  title,
  url,
  className,
}: {
  id: string;
  title: string;
  url: string | null;
  className?: string;
}) {
  return <PaperCover cover={coverOf(id, title, url)} className={className} />;
}
