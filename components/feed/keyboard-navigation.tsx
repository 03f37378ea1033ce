"use client";

import { useEffect } from "react";

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * `j` / `k` move the focus to the next / previous paper card's title link (Gmail-style). Renders nothing;
 * the cards stay server-rendered.
 */
export function KeyboardNavigation() {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key !== "j" && event.key !== "k") return;
      // The cards shown: "Hide seen" (HideSeenToggle) and the member's mutes (MutedMark) take some out of the layout.
      const links = [...document.querySelectorAll<HTMLAnchorElement>("[data-paper-card] h2 a")].filter(
        (link) => link.getClientRects().length > 0,
      );
      if (links.length === 0) return;
      const current = links.findIndex((link) => link === document.activeElement);
      const next = event.key === "j" ? Math.min(current + 1, links.length - 1) : Math.max(current - 1, 0);
      event.preventDefault();
      links[current === -1 ? 0 : next]?.focus();
      links[current === -1 ? 0 : next]?.closest("[data-paper-card]")?.scrollIntoView({ block: "nearest" });
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
  return null;
}
