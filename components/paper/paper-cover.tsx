"use client";

/* eslint-disable @next/next/no-img-element -- thumbnails come from arbitrary hosts; next/image would need each one allow-listed */
import { useEffect, useRef, useState, type CSSProperties } from "react";

/**
 * A paper's picture: its generated cover (its monogram on a hue of its own), and its thumbnail's (http(s)) URL
 * when it has one, drawn over it.
 */
export interface Cover {
  src?: string;
  hue: number;
  monogram: string;
}

/**
 * Draws a {@link Cover} (see PaperThumbnail, which chooses it): the thumbnail, or the generated cover when
 * there is none or it fails to load (a dead link, a host that refuses us), never a broken-image box. The
 * `cover` class (app/globals.css) paints the gradient from --hue, so a cover costs the page one number.
 */
export function PaperCover({ cover, className = "" }: { cover: Cover; className?: string }) {
  const [failed, setFailed] = useState(false);
  const image = useRef<HTMLImageElement>(null);
  // An image that failed before React attached onError (while the page was loading) is caught here.
  useEffect(() => {
    const img = image.current;
    if (img?.complete && img.naturalWidth === 0) setFailed(true);
  }, []);
  if (cover.src && !failed) {
    return (
      <img
        ref={image}
        src={cover.src}
        alt=""
        loading="lazy"
        onError={() => setFailed(true)}
        className={`object-cover ${className}`}
      />
    );
  }
  return (
    <div aria-hidden className={`cover ${className}`} style={{ "--hue": cover.hue } as CSSProperties}>
      {cover.monogram}
    </div>
  );
}
