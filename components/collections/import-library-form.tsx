"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SubmitButton } from "@/components/ui/form-status";
import { importLibraryAction } from "@/lib/collections/actions";
import { COLLECTION_NAME_MAX } from "@/lib/collections/schema";

const field =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:bg-zinc-900";

/** The most a file may weigh, as the server reads it (lib/citations/library.ts). */
const MAX_BYTES = 1_000_000;

type Outcome =
  | { ok: true; id: string; name: string; added: number; notHere: string[]; entries: number; arxivEntries: number }
  | { ok: false; message: string };

/**
 * "Import from a reference manager": a BibTeX, RIS or CSL-JSON export (Zotero, Mendeley, JabRef, Google
 * Scholar) becomes a private collection of its arXiv papers that are here. The file is read in the browser and
 * sent as text; the answer says what was found and what was not.
 */
export function ImportLibraryForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setOutcome({ ok: false, message: "Choose a file to import." });
      return;
    }
    if (file.size > MAX_BYTES) {
      setOutcome({ ok: false, message: "That file is larger than 1 MB: export fewer entries at a time." });
      return;
    }
    const name = String(data.get("name") ?? "").trim() || file.name.replace(/\.[^.]+$/, "");
    setPending(true);
    const result = await importLibraryAction({ name, filename: file.name, text: await file.text() });
    setPending(false);
    setOutcome(result.ok ? { ...result, name } : { ok: false, message: result.message });
    if (result.ok) router.refresh();
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1">
          <label htmlFor="library-file" className="text-sm font-medium">
            File (.bib, .ris or CSL-JSON)
          </label>
          <input
            id="library-file"
            name="file"
            type="file"
            accept=".bib,.bibtex,.ris,.json"
            className={`${field} text-sm`}
          />
        </div>
        <div className="min-w-48 flex-1">
          <label htmlFor="library-name" className="text-sm font-medium">
            Collection name <span className="font-normal text-muted">(the file&apos;s, if empty)</span>
          </label>
          <input id="library-name" name="name" maxLength={COLLECTION_NAME_MAX} className={field} />
        </div>
        <SubmitButton pending={pending} pendingLabel="Importing…" className="text-sm">
          Import
        </SubmitButton>
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {outcome?.ok === false ? <p className="text-red-700 dark:text-red-400">{outcome.message}</p> : null}
        {outcome?.ok ? (
          <p>
            {`${outcome.entries} ${outcome.entries === 1 ? "entry" : "entries"}, ${outcome.arxivEntries} on arXiv: `}
            <Link href={`/collections/${outcome.id}`} className="text-link font-medium">
              {`${outcome.added} ${outcome.added === 1 ? "paper" : "papers"} in “${outcome.name}”`}
            </Link>
            {outcome.notHere.length
              ? `. Not on this site yet: ${outcome.notHere.slice(0, 10).join(", ")}${outcome.notHere.length > 10 ? ` and ${outcome.notHere.length - 10} more` : ""}.`
              : "."}
          </p>
        ) : null}
      </div>
    </form>
  );
}
