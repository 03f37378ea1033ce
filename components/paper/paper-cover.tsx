/* eslint-disable @next/next/no-img-element -- thumbnails come from arbitrary hosts; next/image would need each one allow-listed */
import type { CSSProperties } from "react";

/** A paper's picture: its thumbnail's (http(s)) URL, or a generated cover, its monogram on a hue of its own. */
export type Cover = { src: string } | { hue: number; monogram: string };

/**
 * Draws a {@link Cover} (see PaperThumbnail, which chooses it). The `cover` class (app/globals.css) paints
 * the gradient from --hue, so a cover costs the page one number rather than a gradient.
 */
export function PaperCover({ cover, className = "" }: { cover: Cover; className?: string }) {
  if ("src" in cover) return <img src={cover.src} alt="" loading="lazy" className={`object-cover ${className}`} />;
  return (
    <div aria-hidden className={`cover ${className}`} style={{ "--hue": cover.hue } as CSSProperties}>
      {cover.monogram}
    </div>
  );
}
