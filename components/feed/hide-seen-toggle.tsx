"use client";

import { useEffect, useSyncExternalStore, type ReactNode } from "react";
import { useViewer } from "@/components/hooks/use-viewer";

/** Kept in the browser, for every list: whether the member hides papers they have opened. */
const STORAGE_KEY = "daily-papers:hide-seen";
const listeners = new Set<() => void>();

function hidingSeen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "1";
  } catch {
    return false;
  }
}

function setHidingSeen(hide: boolean): void {
  try {
    if (hide) localStorage.setItem(STORAGE_KEY, "1");
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (a private window's quota): the choice lasts for this page.
  }
  applyToPage(hide);
  for (const listener of listeners) listener();
}

/** `html[data-hide-seen]` hides the cards marked seen (app/globals.css). */
function applyToPage(hide: boolean): void {
  if (hide) document.documentElement.dataset.hideSeen = "";
  else delete document.documentElement.dataset.hideSeen;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A member's "Hide seen" switch above a list: cards of papers whose page they opened (SeenMark) leave the
 * list while it is on, on every list, until they turn it off. Nothing for a stranger. `note` goes before it
 * (what the member's mutes hid).
 */
export function HideSeenToggle({ note }: { note?: ReactNode }) {
  const member = useViewer().status === "member";
  const hide = useSyncExternalStore(subscribe, hidingSeen, () => false);
  useEffect(() => {
    applyToPage(member && hide);
  }, [member, hide]);
  // The row is there from the first paint of a member's page (`viewer-member-only`: the server's mark), so the
  // list does not move down when the switch arrives.
  return (
    <div className="viewer-member-only mb-3 flex min-h-8 flex-wrap items-center justify-end gap-x-3 gap-y-1">
      {note}
      {member ? (
        <button
          type="button"
          aria-pressed={hide}
          onClick={() => setHidingSeen(!hide)}
          className="toggle-chip"
          title="Papers whose page you opened"
        >
          Hide seen
        </button>
      ) : null}
    </div>
  );
}
