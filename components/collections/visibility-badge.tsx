import type { Visibility } from "@/lib/collections/schema";

const WORDS: Record<Visibility, string> = { PRIVATE: "Private", SHARED: "Shared", PUBLIC: "Public" };

/** "Private", "Shared" or "Public" beside a collection's name. */
export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  return (
    <span className="rounded-sm bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
      {WORDS[visibility]}
    </span>
  );
}
