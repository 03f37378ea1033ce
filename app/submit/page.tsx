import type { Metadata } from "next";
import Link from "next/link";
import { SubmitForm } from "@/components/submit/submit-form";
import { requireUser } from "@/lib/auth/admin";
import { loadEnv } from "@/lib/env";
import { dayPath, paperPath } from "@/lib/urls";
import { getSubmitterOverview } from "@/lib/submissions/data";
import { MAX_REFERENCE_LENGTH } from "@/lib/submissions/schema";

export const metadata: Metadata = { title: "Submit a paper", robots: { index: false } };

type Props = { searchParams: Promise<{ id?: string | string[] }> };

const section = "rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900";

export default async function SubmitPage({ searchParams }: Props) {
  const { id } = await searchParams;
  const prefill = typeof id === "string" ? id.trim().slice(0, MAX_REFERENCE_LENGTH) : "";
  const user = await requireUser(prefill ? `/submit?id=${encodeURIComponent(prefill)}` : "/submit");
  const overview = await getSubmitterOverview(user.id);
  const env = loadEnv();

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Submit a paper</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Put an arXiv paper on today&apos;s list. Papers that are not here yet are fetched from arXiv. Browse{" "}
          <Link href="/papers/new" className="underline underline-offset-2">
            New on arXiv
          </Link>{" "}
          for the latest announcement.
        </p>
      </header>

      {overview.blocked ? (
        <p
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          An admin has blocked your account from submitting papers.
        </p>
      ) : null}

      <section aria-labelledby="submit-heading" className={section}>
        <h2 id="submit-heading" className="sr-only">
          Paper
        </h2>
        <SubmitForm initialReference={prefill} />
      </section>

      <section aria-labelledby="rules-heading" className="text-sm text-zinc-600 dark:text-zinc-400">
        <h2 id="rules-heading" className="mb-2 font-medium text-zinc-900 dark:text-zinc-100">
          What can be submitted
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>Papers that appeared on arXiv in the last {env.SUBMIT_WINDOW_DAYS} days.</li>
          <li>Each paper once: a paper already on a list links to the day it is on.</li>
          <li>Up to {env.SUBMIT_RATE_LIMIT} submissions an hour.</li>
        </ul>
      </section>

      {overview.submissions.length ? (
        <section aria-labelledby="mine-heading" className={section}>
          <h2 id="mine-heading" className="text-lg font-semibold">
            Your latest submissions
          </h2>
          <ul className="mt-3 divide-y divide-zinc-100 dark:divide-zinc-800">
            {overview.submissions.map((paper) => (
              <li key={paper.id} className="flex items-baseline justify-between gap-3 py-2 text-sm">
                <Link href={paperPath(paper.id)} className="min-w-0 truncate hover:underline">
                  {paper.title}
                </Link>
                <Link
                  href={dayPath(paper.day)}
                  className="shrink-0 text-xs text-zinc-500 tabular-nums hover:underline dark:text-zinc-400"
                >
                  {paper.day}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
