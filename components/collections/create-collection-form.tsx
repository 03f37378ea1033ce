"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createCollectionAction } from "@/lib/collections/actions";
import { COLLECTION_NAME_MAX, VISIBILITIES, VISIBILITY_LABELS, type Visibility } from "@/lib/collections/schema";
import { SubmitButton } from "@/components/ui/form-status";

const field =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:bg-zinc-900";

/** "New collection": a name and who may read it; then its page. */
export function CreateCollectionForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState("");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    setPending(true);
    const result = await createCollectionAction({
      name: String(data.get("name") ?? ""),
      visibility: String(data.get("visibility") ?? "PRIVATE") as Visibility,
    });
    if (result.ok) {
      router.push(`/collections/${result.id}`);
      return;
    }
    setPending(false);
    setError(result.message);
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-wrap items-end gap-3">
      <div className="min-w-48 flex-1">
        <label htmlFor="collection-name" className="text-sm font-medium">
          Name
        </label>
        <input id="collection-name" name="name" required maxLength={COLLECTION_NAME_MAX} className={field} />
      </div>
      <div>
        <label htmlFor="collection-visibility" className="text-sm font-medium">
          Who may read it
        </label>
        <select id="collection-visibility" name="visibility" defaultValue="PRIVATE" className={field}>
          {VISIBILITIES.map((visibility) => (
            <option key={visibility} value={visibility}>
              {VISIBILITY_LABELS[visibility]}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton pending={pending} pendingLabel="Creating…" className="text-sm">
        Create collection
      </SubmitButton>
      <p role="status" aria-live="polite" className="w-full text-sm text-red-700 dark:text-red-400">
        {error}
      </p>
    </form>
  );
}
