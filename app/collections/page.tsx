import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CollectionList } from "@/components/collections/collection-list";
import { CreateCollectionForm } from "@/components/collections/create-collection-form";
import { ImportLibraryForm } from "@/components/collections/import-library-form";
import { EmptyState } from "@/components/ui/empty-state";
import { signInHref } from "@/lib/auth/sign-in-href";
import { getCurrentUser } from "@/lib/auth/session";
import { getCollectionsSharedWith, getOwnCollections } from "@/lib/collections/data";
import { countUpvotedPapers } from "@/lib/upvotes/data";
import { userPath } from "@/lib/urls";

export const metadata: Metadata = { title: "Your collections", robots: { index: false } };

const section = "space-y-3";

/**
 * A member's collections: their upvoted papers (the reading list, kept by their votes), the collections they
 * made, and those others shared with them; and a form for a new one.
 */
export default async function CollectionsPage() {
  const user = await getCurrentUser();
  if (!user) redirect(signInHref("/collections"));
  const [own, shared, upvoted] = await Promise.all([
    getOwnCollections(user.id),
    getCollectionsSharedWith(user.id),
    countUpvotedPapers(user.id),
  ]);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Your collections</h1>

      <section
        aria-labelledby="new-heading"
        className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <h2 id="new-heading" className="mb-3 text-lg font-semibold">
          New collection
        </h2>
        <CreateCollectionForm />
        <p className="mt-2 text-xs text-muted">
          Or use “Save” on any paper. Each collection exports as BibTeX, RIS and CSL-JSON for Zotero, Mendeley or LaTeX.
        </p>
      </section>

      <section
        aria-labelledby="import-heading"
        className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
      >
        <h2 id="import-heading" className="text-lg font-semibold">
          Import from a reference manager
        </h2>
        <p className="mt-1 mb-3 text-sm text-muted">
          A BibTeX, RIS or CSL-JSON export from Zotero, Mendeley, JabRef or Google Scholar becomes a private collection
          of its arXiv papers that are here; saved papers shape what “For you” suggests.
        </p>
        <ImportLibraryForm />
      </section>

      <section aria-labelledby="own-heading" className={section}>
        <h2 id="own-heading" className="text-lg font-semibold">
          Made by you
        </h2>
        <p className="text-sm text-muted">Your upvotes are a list of their own, kept by your votes.</p>
        <ul className="rounded-xl border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
          <li className="flex items-center gap-x-3">
            {user.username ? (
              <Link href={userPath(user.username)} className="link font-medium">
                Upvoted
              </Link>
            ) : (
              <span className="font-medium">Upvoted</span>
            )}
            <span className="ml-auto text-sm text-muted">
              {upvoted} {upvoted === 1 ? "paper" : "papers"}
            </span>
          </li>
        </ul>
        {own.length ? (
          <CollectionList collections={own} />
        ) : (
          <EmptyState title="No collections yet">
            Name one above, or press “Save” on a paper: reading for a project, papers for a talk, a related-work list.
          </EmptyState>
        )}
      </section>

      {shared.length ? (
        <section aria-labelledby="shared-heading" className={section}>
          <h2 id="shared-heading" className="text-lg font-semibold">
            Shared with you
          </h2>
          <CollectionList collections={shared} ownerOf />
        </section>
      ) : null}
    </div>
  );
}
