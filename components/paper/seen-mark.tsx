"use client";

import { useViewer } from "@/components/hooks/use-viewer";

/**
 * "Seen" on the card of a paper whose page the member has opened (lib/client/viewer-store.ts): nothing for a
 * stranger. Its `data-seen` is what "Hide seen" (components/feed/hide-seen-toggle.tsx) hides a card by.
 */
export function SeenMark({ paperId }: { paperId: string }) {
  const viewer = useViewer({ paperIds: [paperId] });
  if (!viewer.seen.has(paperId)) return null;
  return (
    <span data-seen className="seen-mark" title="You opened this paper's page">
      Seen
    </span>
  );
}
