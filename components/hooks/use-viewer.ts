"use client";

import { useEffect, useSyncExternalStore } from "react";
import { SERVER_SNAPSHOT, getSnapshot, subscribe, want, type ViewerSnapshot } from "@/lib/client/viewer-store";

/**
 * The reader's part of the page (lib/client/viewer-store.ts), asked for once on mount: who they are and,
 * with `paperIds`, `discussion` or `author`, their votes, own comments and follow there. Re-renders when it arrives or changes.
 */
export function useViewer(
  request: { paperIds?: readonly string[]; discussion?: string; author?: string } = {},
): ViewerSnapshot {
  const key = `${request.paperIds?.join(",") ?? ""}|${request.discussion ?? ""}|${request.author ?? ""}`;
  useEffect(() => {
    want(request);
    // `key` says what `request` holds: an equal request from a new object asks nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return useSyncExternalStore(subscribe, getSnapshot, () => SERVER_SNAPSHOT);
}

/** Whether an action that needs a session should be sent as the reader's (not as a guest's sign-in detour). */
export function maySendAsMember(viewer: ViewerSnapshot): boolean {
  return viewer.status !== "guest";
}
