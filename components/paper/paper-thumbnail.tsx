/* eslint-disable @next/next/no-img-element -- thumbnails come from arbitrary hosts; next/image would need each one allow-listed */
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

/** The paper's thumbnail, or a generated cover (its monogram on a hue of its own) when it has none. */
export function PaperThumbnail({
  id,
  title,
  url,
  className = "",
}: {
  id: string;
  title: string;
  url: string | null;
  className?: string;
}) {
  if (url) {
    return <img src={url} alt="" loading="lazy" className={`object-cover ${className}`} />;
  }
  const hue = hueOf(id);
  return (
    <div
      aria-hidden
      className={`grid place-items-center overflow-hidden font-semibold tracking-wider text-white/90 select-none ${className}`}
      style={{
        backgroundImage: `linear-gradient(135deg, hsl(${hue} 65% 45%), hsl(${(hue + 40) % 360} 70% 30%))`,
      }}
    >
      <span className="text-2xl drop-shadow-sm">{monogram(title)}</span>
    </div>
  );
}
