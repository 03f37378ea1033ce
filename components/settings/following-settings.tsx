"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { FormStatus, SubmitButton } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/actions/result";
import { addTopicAction, removeTopicAction } from "@/lib/follows/actions";
import {
  MAX_KEYWORD,
  TOPIC_KIND_LABELS,
  TOPIC_KINDS,
  type TopicKind,
  type TopicList,
  type TopicsByKind,
} from "@/lib/follows/schema";
import { authorPath } from "@/lib/urls";

const COPY: Record<TopicList, { title: string; empty: string; add: string; pending: string; remove: string }> = {
  follow: {
    title: "You follow",
    empty: "Nothing yet. Follow an author from their page, or a category or keyword here.",
    add: "Follow",
    pending: "Following…",
    remove: "Stop following",
  },
  mute: {
    title: "You mute",
    empty: "Nothing muted.",
    add: "Mute",
    pending: "Muting…",
    remove: "Unmute",
  },
};

/** What the value box asks for, by kind. */
const VALUE_FIELD: Record<TopicKind, { label: string; placeholder: string }> = {
  KEYWORD: { label: "Keyword or phrase", placeholder: "diffusion models" },
  CATEGORY: { label: "arXiv category", placeholder: "cs.CL" },
  AUTHOR: { label: "Author, as arXiv spells the name", placeholder: "Yann LeCun" },
};

/**
 * Settings' "Following": what the member follows and mutes, by kind, each with a remove button, and a form
 * to add to each list. Changes go through server actions and show without a reload.
 */
export function FollowingSettings({
  follows,
  mutes,
  categories,
}: {
  follows: TopicsByKind;
  mutes: TopicsByKind;
  /** The categories offered as suggestions (those the site imports). */
  categories: string[];
}) {
  const datalist = useId();
  return (
    <div className="space-y-6">
      <datalist id={datalist}>
        {categories.map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
      <TopicListView list="follow" topics={follows} categoriesList={datalist} />
      <TopicListView list="mute" topics={mutes} categoriesList={datalist} />
    </div>
  );
}

function TopicListView({
  list,
  topics,
  categoriesList,
}: {
  list: TopicList;
  topics: TopicsByKind;
  categoriesList: string;
}) {
  const headingId = useId();
  const [status, setStatus] = useState<ActionResult | null>(null);
  const kinds = TOPIC_KINDS.filter((kind) => topics[kind].length > 0);
  return (
    <div aria-labelledby={headingId} role="group">
      <h3 id={headingId} className="font-medium">
        {COPY[list].title}
      </h3>
      {kinds.length === 0 ? (
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{COPY[list].empty}</p>
      ) : (
        <dl className="mt-2 space-y-2">
          {kinds.map((kind) => (
            <div key={kind} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <dt className="w-24 shrink-0 text-sm text-zinc-600 dark:text-zinc-400">{TOPIC_KIND_LABELS[kind].many}</dt>
              <dd className="min-w-0 flex-1">
                <ul className="flex flex-wrap gap-2">
                  {topics[kind].map((value) => (
                    <li key={value} className="max-w-full min-w-0">
                      <TopicChip list={list} kind={kind} value={value} onFailure={setStatus} />
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <FormStatus state={status?.ok === false ? status : null} className="mt-1 text-sm" />
      <AddTopicForm list={list} categoriesList={categoriesList} />
    </div>
  );
}

/** One followed or muted topic, with its remove button. */
function TopicChip({
  list,
  kind,
  value,
  onFailure,
}: {
  list: TopicList;
  kind: TopicKind;
  value: string;
  onFailure: (result: ActionResult) => void;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const label = kind === "KEYWORD" ? `“${value}”` : value;

  function remove() {
    if (pending) return;
    startTransition(async () => {
      const result = await removeTopicAction({ list, kind, value });
      if (result.ok) router.refresh();
      else onFailure(result);
    });
  }

  return (
    <span className="inline-flex max-w-full items-center gap-1 rounded-full border border-zinc-200 py-0.5 pr-1 pl-3 text-sm dark:border-zinc-700">
      {kind === "AUTHOR" ? (
        <Link href={authorPath(value)} className="link truncate" prefetch={false}>
          {label}
        </Link>
      ) : (
        <span className="truncate">{label}</span>
      )}
      <button
        type="button"
        onClick={remove}
        aria-disabled={pending}
        aria-label={`${COPY[list].remove} ${label}`}
        title={`${COPY[list].remove} ${label}`}
        className="inline-flex size-6 shrink-0 items-center justify-center rounded-full text-zinc-500 focus-ring hover:bg-zinc-100 hover:text-zinc-900 aria-disabled:opacity-60 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white"
      >
        <span aria-hidden>×</span>
      </button>
    </span>
  );
}

/** Adds an author, a category or a keyword to the list; what was typed stays when it is refused. */
function AddTopicForm({ list, categoriesList }: { list: TopicList; categoriesList: string }) {
  const router = useRouter();
  const id = useId();
  const [kind, setKind] = useState<TopicKind>("KEYWORD");
  const [state, setState] = useState<ActionResult<{ note: string }> | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const input = new FormData(form);
    startTransition(async () => {
      const result = await addTopicAction(input);
      setState(result);
      if (!result.ok) return;
      form.querySelector<HTMLInputElement>("input[name=value]")!.value = "";
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="mt-3">
      <input type="hidden" name="list" value={list} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-kind`} className="text-xs text-zinc-600 dark:text-zinc-400">
            Kind
          </label>
          <select
            id={`${id}-kind`}
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as TopicKind)}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {(["KEYWORD", "CATEGORY", "AUTHOR"] as const).map((option) => (
              <option key={option} value={option}>
                {TOPIC_KIND_LABELS[option].one}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-48 flex-1 flex-col gap-1">
          <label htmlFor={`${id}-value`} className="text-xs text-zinc-600 dark:text-zinc-400">
            {VALUE_FIELD[kind].label}
          </label>
          <input
            id={`${id}-value`}
            name="value"
            required
            autoComplete="off"
            maxLength={kind === "KEYWORD" ? MAX_KEYWORD : 200}
            placeholder={VALUE_FIELD[kind].placeholder}
            list={kind === "CATEGORY" ? categoriesList : undefined}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </div>
        <SubmitButton pending={pending} pendingLabel={COPY[list].pending} className="py-1.5 text-sm">
          {COPY[list].add}
        </SubmitButton>
      </div>
      <FormStatus state={state} saved={state?.ok ? state.note : ""} className="mt-1 text-sm" />
    </form>
  );
}
