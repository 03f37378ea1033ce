"use client";

import Link from "next/link";
import { useId, useState, type CSSProperties, type FormEvent } from "react";
import { useViewer } from "@/components/hooks/use-viewer";
import {
  addToCollectionAction,
  createCollectionAction,
  removeFromCollectionAction,
  saveTargetsAction,
} from "@/lib/collections/actions";
import { COLLECTION_NAME_MAX, type SaveTarget } from "@/lib/collections/schema";

/**
 * "Save" on a paper's card and page, for a member: a menu of their collections, each ticked when the paper is
 * in it; ticking adds it, unticking takes it out, and a name makes a new collection with the paper in it. No
 * reload: each change is one server action. The menu is a popover (top layer: a card's overflow does not clip
 * it; Escape or a click elsewhere closes it), anchored under the button.
 */
export function SaveButton({ paperId, className = "" }: { paperId: string; className?: string }) {
  const member = useViewer().status === "member";
  const anchor = `--save-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const panelId = `${anchor.slice(2)}-panel`;
  const [targets, setTargets] = useState<SaveTarget[] | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  // The menu's contents exist only while it is open: a list page has dozens of cards.
  const [open, setOpen] = useState(false);
  if (!member) return null;

  async function load() {
    setStatus("");
    const result = await saveTargetsAction({ paperId });
    if (result.ok) setTargets(result.collections);
    else setStatus(result.message);
  }

  async function toggle(target: SaveTarget) {
    const contains = !target.contains;
    setTargets((list) => list?.map((item) => (item.id === target.id ? { ...item, contains } : item)) ?? null);
    const input = { collectionId: target.id, paperId };
    const result = contains ? await addToCollectionAction(input) : await removeFromCollectionAction(input);
    if (result.ok) {
      setStatus(contains ? `Saved to “${target.name}”.` : `Taken out of “${target.name}”.`);
    } else {
      setTargets((list) => list?.map((item) => (item.id === target.id ? target : item)) ?? null);
      setStatus(result.message);
    }
  }

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "");
    setBusy(true);
    const result = await createCollectionAction({ name, paperId });
    setBusy(false);
    if (!result.ok) {
      setStatus(result.message);
      return;
    }
    form.reset();
    setTargets((list) => [{ id: result.id, name: name.trim(), contains: true }, ...(list ?? [])]);
    setStatus(`Saved to the new collection “${name.trim()}”.`);
  }

  return (
    <>
      <button
        type="button"
        popoverTarget={panelId}
        onClick={() => void load()}
        aria-haspopup="dialog"
        className={`save-button ${className}`}
        style={{ anchorName: anchor } as CSSProperties}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 2h8a1 1 0 0 1 1 1v11l-5-3-5 3V3a1 1 0 0 1 1-1z" />
        </svg>
        Save
      </button>
      <div
        id={panelId}
        popover="auto"
        role="dialog"
        aria-label="Save to a collection"
        className="save-panel"
        style={{ positionAnchor: anchor } as CSSProperties}
        onToggle={(event) => setOpen(event.newState === "open")}
      >
        {open ? menu() : null}
      </div>
    </>
  );

  /** The open menu (a render function, not a component: its form keeps its state across renders). */
  function menu() {
    return (
      <>
        <p className="font-medium">Save to a collection</p>
        {targets === null ? (
          <p className="mt-2 text-muted">{status || "Loading your collections…"}</p>
        ) : targets.length === 0 ? (
          <p className="mt-2 text-muted">No collections yet: name your first below.</p>
        ) : (
          <ul className="mt-2 max-h-56 space-y-1 overflow-y-auto">
            {targets.map((target) => (
              <li key={target.id}>
                <label className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800">
                  <input
                    type="checkbox"
                    checked={target.contains}
                    onChange={() => void toggle(target)}
                    className="accent-amber-600"
                  />
                  <span className="min-w-0 truncate">{target.name}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={(event) => void create(event)} className="mt-3 flex gap-2">
          <input
            name="name"
            required
            maxLength={COLLECTION_NAME_MAX}
            placeholder="New collection"
            aria-label="New collection's name"
            className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:bg-zinc-900"
          />
          <button type="submit" aria-disabled={busy} className="save-panel-create">
            Create
          </button>
        </form>
        <p role="status" aria-live="polite" className="mt-2 min-h-4 text-xs text-muted">
          {targets === null ? "" : status}
        </p>
        <Link href="/collections" className="text-link text-xs">
          All your collections
        </Link>
      </>
    );
  }
}
