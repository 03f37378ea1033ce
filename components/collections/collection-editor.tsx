"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import {
  deleteCollectionAction,
  shareCollectionAction,
  unshareCollectionAction,
  updateCollectionAction,
} from "@/lib/collections/actions";
import {
  COLLECTION_NAME_MAX,
  COLLECTION_TEXT_MAX,
  VISIBILITIES,
  VISIBILITY_LABELS,
  type Visibility,
} from "@/lib/collections/schema";

const field =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:bg-zinc-900";
const button =
  "rounded-md border border-zinc-300 px-3 py-1 text-sm font-medium focus-ring hover:border-zinc-500 aria-disabled:opacity-60 dark:border-zinc-700 dark:hover:border-zinc-500";

type Result = { ok: true } | { ok: false; message: string };

/** Runs one action at a time, then reloads the page's data; says how it went. */
function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState("");
  function run(action: () => Promise<Result>, said: string, after?: () => void) {
    if (pending) return;
    startTransition(async () => {
      const result = await action();
      setStatus(result.ok ? said : result.message);
      if (!result.ok) return;
      if (after) after();
      else router.refresh();
    });
  }
  return { pending, status, run };
}

/**
 * The owner's settings of a collection, folded under "Edit collection": its name, description and who may
 * read it; the members it is shared with; and deleting it.
 */
export function CollectionEditor({
  collection,
}: {
  collection: {
    id: string;
    name: string;
    description: string;
    visibility: Visibility;
    shares: { userId: string; username: string | null; name: string | null }[];
  };
}) {
  const router = useRouter();
  const details = useAction();
  const sharing = useAction();
  const removal = useAction();
  const collectionId = collection.id;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    details.run(
      () =>
        updateCollectionAction({
          collectionId,
          name: String(data.get("name") ?? ""),
          description: String(data.get("description") ?? ""),
          visibility: String(data.get("visibility")) as Visibility,
        }),
      "Saved.",
    );
  }

  function share(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const username = String(new FormData(form).get("username") ?? "");
    sharing.run(
      () => shareCollectionAction({ collectionId, username }),
      `Shared with @${username.replace(/^@/, "")}.`,
      () => {
        form.reset();
        router.refresh();
      },
    );
  }

  return (
    <details className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="cursor-pointer rounded-sm text-sm font-medium focus-ring">Edit collection</summary>
      <form onSubmit={save} className="mt-4 space-y-3">
        <div>
          <label htmlFor="edit-name" className="text-sm font-medium">
            Name
          </label>
          <input
            id="edit-name"
            name="name"
            required
            maxLength={COLLECTION_NAME_MAX}
            defaultValue={collection.name}
            className={field}
          />
        </div>
        <div>
          <label htmlFor="edit-description" className="text-sm font-medium">
            Description <span className="font-normal text-muted">(Markdown, $math$; optional)</span>
          </label>
          <textarea
            id="edit-description"
            name="description"
            rows={3}
            maxLength={COLLECTION_TEXT_MAX}
            defaultValue={collection.description}
            className={field}
          />
        </div>
        <fieldset>
          <legend className="text-sm font-medium">Who may read it</legend>
          {VISIBILITIES.map((visibility) => (
            <label key={visibility} className="mt-1 flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="visibility"
                value={visibility}
                defaultChecked={collection.visibility === visibility}
              />
              {VISIBILITY_LABELS[visibility]}
            </label>
          ))}
        </fieldset>
        <div className="flex items-center gap-3">
          <button type="submit" className={button} aria-disabled={details.pending}>
            Save changes
          </button>
          <span role="status" aria-live="polite" className="text-sm text-muted">
            {details.status}
          </span>
        </div>
      </form>

      <section aria-labelledby="share-heading" className="mt-6 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <h2 id="share-heading" className="text-sm font-semibold">
          Shared with
        </h2>
        <p className="mt-1 text-xs text-muted">
          Members you add may read it while it is “Shared” (adding someone to a private collection makes it shared).
        </p>
        {collection.shares.length ? (
          <ul className="mt-2 space-y-1">
            {collection.shares.map((share) => (
              <li key={share.userId} className="flex items-center gap-3 text-sm">
                <span>{share.name ?? `@${share.username}`}</span>
                <button
                  type="button"
                  className="text-xs underline underline-offset-2"
                  onClick={() =>
                    sharing.run(
                      () => unshareCollectionAction({ collectionId, userId: share.userId }),
                      "No longer shared.",
                    )
                  }
                >
                  Stop sharing
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <form onSubmit={share} className="mt-3 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="share-username" className="text-sm font-medium">
              Member&apos;s handle
            </label>
            <input
              id="share-username"
              name="username"
              required
              placeholder="@handle"
              maxLength={41}
              className={field}
            />
          </div>
          <button type="submit" className={button} aria-disabled={sharing.pending}>
            Share
          </button>
          <span role="status" aria-live="polite" className="text-sm text-muted">
            {sharing.status}
          </span>
        </form>
      </section>

      <section className="mt-6 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <button
          type="button"
          className="rounded-md border border-red-300 px-3 py-1 text-sm font-medium text-red-700 focus-ring hover:border-red-500 dark:border-red-800 dark:text-red-400"
          onClick={() => {
            if (!window.confirm(`Delete “${collection.name}”? Its papers stay on the site; the list and its notes go.`))
              return;
            removal.run(
              () => deleteCollectionAction({ collectionId }),
              "Deleted.",
              () => router.push("/collections"),
            );
          }}
        >
          Delete collection
        </button>
        <span role="status" aria-live="polite" className="ml-3 text-sm text-muted">
          {removal.status}
        </span>
      </section>
    </details>
  );
}
