"use client";

import { useEffect } from "react";

/** How long after opening the page a layout change above the section brings it back into view. */
const SETTLE_MS = 3_000;

/**
 * When the page was opened at `#<id>` (a card's comment count links to `#discussion`), keeps the section in
 * view while the page settles: parts above it (similar papers streaming in, images, math fonts) can load after
 * the browser's jump to the anchor and push it down. Stops at the reader's first scroll, key or touch, and
 * after a few seconds.
 */
export function KeepInViewOnHash({ id }: { id: string }) {
  useEffect(() => {
    if (window.location.hash !== `#${id}`) return;
    const bringIntoView = () => document.getElementById(id)?.scrollIntoView({ block: "start" });
    bringIntoView();
    const observer = new ResizeObserver(bringIntoView);
    observer.observe(document.body);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      for (const event of READER_EVENTS) window.removeEventListener(event, stop);
    };
    const timer = setTimeout(stop, SETTLE_MS);
    for (const event of READER_EVENTS) window.addEventListener(event, stop, { passive: true });
    return stop;
  }, [id]);
  return null;
}

/** What a reader does to move the page themselves. */
const READER_EVENTS = ["wheel", "touchstart", "keydown", "mousedown"] as const;
