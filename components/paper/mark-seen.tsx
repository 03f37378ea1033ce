"use client";

import { useEffect } from "react";
import { useViewer } from "@/components/hooks/use-viewer";
import { noteSeen } from "@/lib/client/viewer-store";
import { markSeenAction } from "@/lib/seen/actions";

/**
 * On a paper's page, notes for a signed-in member that they opened it (once the page knows it is a member's:
 * a stranger's page sends nothing). Its cards then say "Seen". Draws nothing.
 */
export function MarkSeen({ paperId }: { paperId: string }) {
  const member = useViewer().status === "member";
  useEffect(() => {
    if (!member) return;
    // Noted in the page's store even when the reader has moved on (the cards of the list they went back to).
    void markSeenAction({ paperId }).then(
      (result) => {
        if (result.ok && result.seen) noteSeen(paperId);
      },
      // Not worth a word to the reader: the mark is a convenience, and the next visit tries again.
      () => undefined,
    );
  }, [member, paperId]);
  return null;
}
