import Link from "next/link";
import type { CollectionSummary } from "@/lib/collections/schema";
import { VisibilityBadge } from "@/components/collections/visibility-badge";

/** Collections as a list: name, size, who may read it, and whose it is when it is someone else's. */
export function CollectionList({
  collections,
  ownerOf,
}: {
  collections: (CollectionSummary & { owner?: { username: string | null; name: string | null } })[];
  ownerOf?: boolean;
}) {
  return (
    <ul className="divide-y divide-zinc-200 rounded-xl border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
      {collections.map((collection) => (
        <li key={collection.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
          <Link href={`/collections/${collection.id}`} className="link min-w-0 font-medium wrap-anywhere">
            {collection.name}
          </Link>
          <VisibilityBadge visibility={collection.visibility} />
          <span className="ml-auto text-sm text-muted">
            {collection.itemCount} {collection.itemCount === 1 ? "paper" : "papers"}
            {ownerOf && collection.owner ? ` · by ${collection.owner.name ?? `@${collection.owner.username}`}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
