import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CiteLinks } from "@/components/collections/cite-links";
import { CollectionEditor } from "@/components/collections/collection-editor";
import { ItemControls } from "@/components/collections/item-controls";
import { VisibilityBadge } from "@/components/collections/visibility-badge";
import { CommentBody } from "@/components/comments/comment-body";
import { KeyboardNavigation } from "@/components/feed/keyboard-navigation";
import { PaperCard } from "@/components/paper/paper-card";
import { EmptyState } from "@/components/ui/empty-state";
import { getCurrentUser } from "@/lib/auth/session";
import { COLLECTION_PAGE_SIZE, getCollectionEntries, getReadableCollection } from "@/lib/collections/data";
import { collectionIdField } from "@/lib/collections/schema";
import { latexToPlainText } from "@/lib/text/latex";
import { userPath } from "@/lib/urls";

type Props = { params: Promise<{ id: string }> };

/**
 * The collection the address names, if this reader may read it (anyone else gets the same 404 as a wrong id).
 * Read once per request: the metadata and the page both ask.
 */
const readableCollection = cache(async (rawId: string) => {
  const parsed = collectionIdField.safeParse(rawId);
  if (!parsed.success) notFound();
  const viewer = await getCurrentUser();
  const collection = await getReadableCollection(parsed.data, viewer?.id ?? null);
  if (!collection) notFound();
  return { collection, isOwner: collection.owner.id === viewer?.id };
});

async function collectionFrom(params: Props["params"]) {
  return readableCollection((await params).id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { collection } = await collectionFrom(params);
  // Only a public collection is for search engines.
  return { title: collection.name, robots: collection.visibility === "PUBLIC" ? undefined : { index: false } };
}

/**
 * A collection: its papers in its owner's order with their notes, its exports, and for its owner the controls
 * to reorder, annotate, share, rename and delete it.
 */
export default async function CollectionPage({ params }: Props) {
  const { collection, isOwner } = await collectionFrom(params);
  const entries = await getCollectionEntries(collection.id);
  const owner = collection.owner;
  const path = `/collections/${collection.id}`;
  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight wrap-anywhere">{collection.name}</h1>
          <VisibilityBadge visibility={collection.visibility} />
        </div>
        <p className="text-sm text-muted">
          {isOwner ? (
            <Link href="/collections" className="text-link">
              Your collection
            </Link>
          ) : owner.username ? (
            <>
              By{" "}
              <Link href={userPath(owner.username)} className="text-link">
                {owner.name ?? `@${owner.username}`}
              </Link>
            </>
          ) : (
            `By ${owner.name ?? "a member"}`
          )}{" "}
          · {collection.itemCount} {collection.itemCount === 1 ? "paper" : "papers"}
        </p>
        {collection.descriptionHtml ? <CommentBody html={collection.descriptionHtml} /> : null}
        {collection.itemCount ? <CiteLinks path={path} label="Export" /> : null}
      </header>

      {isOwner ? (
        <div className="max-w-3xl">
          <CollectionEditor collection={collection} />
        </div>
      ) : null}

      {entries.length ? (
        <>
          <KeyboardNavigation />
          <ol className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Papers">
            {entries.map((entry, index) => (
              <li key={entry.paper.id} className="flex flex-col">
                <div className="flex-1">
                  <PaperCard paper={entry.paper} />
                </div>
                {entry.noteHtml ? (
                  <div className="mt-2 rounded-lg border-l-4 border-amber-400 bg-amber-50/60 px-3 py-2 dark:bg-amber-400/5">
                    <p className="sr-only">Note:</p>
                    <CommentBody html={entry.noteHtml} />
                  </div>
                ) : null}
                {isOwner ? (
                  <ItemControls
                    collectionId={collection.id}
                    paperId={entry.paper.id}
                    title={latexToPlainText(entry.paper.title)}
                    note={entry.note}
                    first={index === 0}
                    last={index === entries.length - 1 && entries.length === collection.itemCount}
                  />
                ) : null}
              </li>
            ))}
          </ol>
          {collection.itemCount > entries.length ? (
            <p className="text-sm text-muted">
              The first {COLLECTION_PAGE_SIZE} papers are shown; the exports hold all {collection.itemCount}.
            </p>
          ) : null}
        </>
      ) : (
        <EmptyState title="No papers in this collection yet">
          {isOwner
            ? "Press “Save” on any paper, on a list or on its page, to add it here."
            : "Its owner has not added any."}
        </EmptyState>
      )}
    </div>
  );
}
