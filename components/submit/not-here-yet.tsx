import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

/** What a search for an arXiv id that is not here answers: an offer to submit it. */
export function NotHereYet({ id }: { id: string }) {
  return (
    <EmptyState title="Not here yet — submit it">
      <p>
        arXiv paper <span className="font-mono">{id}</span> is not on Daily Papers yet. Members can put it on
        today&apos;s list.
      </p>
      <p className="mt-4">
        <Link
          href={`/submit?id=${encodeURIComponent(id)}`}
          className="inline-block rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white focus-ring hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900"
        >
          Submit {id}
        </Link>
      </p>
    </EmptyState>
  );
}
