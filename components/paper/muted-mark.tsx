"use client";

import { useViewer } from "@/components/hooks/use-viewer";

/**
 * Marks the card of a paper the member's mutes hide (lib/client/viewer-store.ts): its `data-muted` takes the
 * card out of the list (app/globals.css). Nothing for a stranger, nor for a paper no mute matches.
 */
export function MutedMark({ paperId }: { paperId: string }) {
  const viewer = useViewer({ paperIds: [paperId] });
  return viewer.muted.has(paperId) ? <span data-muted hidden /> : null;
}
