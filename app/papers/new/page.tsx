import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { AdminOnly } from "@/components/admin/admin-only";
import { PaperGrid } from "@/components/feed/paper-grid";
import { AnnouncedPaperCard } from "@/components/submit/announced-paper-card";
import { AnnouncementCategoryFilter } from "@/components/submit/announcement-category-filter";
import { SubmitPaperButton } from "@/components/submit/submit-paper-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { signInHref } from "@/lib/auth/sign-in-href";
import { getCurrentUser } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates/days";
import { pageParam } from "@/lib/papers/schema";
import { paperPath } from "@/lib/urls";
import { announcementCategories, getLatestAnnouncement } from "@/lib/submissions/data";
import { categoryParam } from "@/lib/submissions/schema";

export const metadata: Metadata = {
  title: "New on arXiv",
  description: "The latest arXiv announcement: submit a paper to today's list in one click.",
};

type Props = { searchParams: Promise<{ category?: string | string[]; page?: string | string[] }> };

function hrefFor(category: string | null, page = 1): string {
  const query = new URLSearchParams();
  if (category) query.set("category", category);
  if (page > 1) query.set("page", String(page));
  const search = query.toString();
  return `/papers/new${search ? `?${search}` : ""}`;
}

export default async function NewOnArxivPage({ searchParams }: Props) {
  const params = await searchParams;
  const category = params.category === undefined ? null : categoryParam.safeParse(params.category);
  const page = pageParam.safeParse(params.page);
  if ((category && !category.success) || !page.success) notFound();
  const active = category?.data ?? null;

  return (
    <section>
      <header className="mb-4">
        <h1 className="text-2xl font-semibold tracking-tight">New on arXiv</h1>
        <p className="mt-1 max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
          The latest announcement&apos;s new papers and cross-lists. Spot one worth reading? Put it on today&apos;s
          list.
        </p>
      </header>
      <div className="mb-6">
        <AnnouncementCategoryFilter categories={announcementCategories()} active={active} hrefFor={(c) => hrefFor(c)} />
      </div>
      <Suspense key={`${active}|${page.data}`} fallback={<PaperGrid.Skeleton count={6} />}>
        <AnnouncementList category={active} page={page.data} />
      </Suspense>
    </section>
  );
}

async function AnnouncementList({ category, page }: { category: string | null; page: number }) {
  await connection();
  const [announcement, user] = await Promise.all([getLatestAnnouncement({ category, page }), getCurrentUser()]);
  if (!announcement.announcedOn) {
    return (
      <EmptyState title="No arXiv announcement here yet">
        <p>
          This page lists arXiv&apos;s latest announcement once the site has fetched it (arXiv announces on Sunday to
          Thursday evenings, New York time). Meanwhile, members can{" "}
          <Link href="/submit" className="underline underline-offset-2">
            submit any recent paper by its arXiv id
          </Link>
          .
        </p>
        <Suspense fallback={null}>
          <AdminOnly>
            <p className="mt-2">
              As an admin you can fetch it now with <code>npm run import -- arxiv-feed</code>.
            </p>
          </AdminOnly>
        </Suspense>
      </EmptyState>
    );
  }
  const when = <time dateTime={announcement.announcedOn}>{formatDay(announcement.announcedOn, "long")}</time>;
  if (!announcement.papers.length) {
    return announcement.total ? (
      <EmptyState title="This page is past the last one">
        The announcement of {when} has {announcement.total} papers on {announcement.pageCount} pages.
      </EmptyState>
    ) : (
      <EmptyState title={`No ${category ?? ""} papers in this announcement`}>
        The announcement of {when} has none in {category}.{" "}
        <Link href={hrefFor(null)} className="underline underline-offset-2">
          See all of its papers
        </Link>
        .
      </EmptyState>
    );
  }
  const here = hrefFor(category, page);
  const allTooOld = announcement.papers.every((paper) => paper.tooOld || paper.onListDay);
  return (
    <>
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        Announced {when} · {announcement.total} {announcement.total === 1 ? "paper" : "papers"}
        {category ? ` in ${category}` : ""}
      </p>
      {allTooOld ? (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
          Papers can be submitted up to {announcement.windowDays} days after they appear on arXiv, and this announcement
          is older: its papers can no longer go on the list. A newer one shows here once the site has fetched it.
        </p>
      ) : null}
      <ol className="grid grid-cols-1 gap-4 md:grid-cols-2" aria-label="Papers">
        {announcement.papers.map((paper) => (
          <li key={paper.id}>
            <AnnouncedPaperCard
              paper={paper}
              action={
                paper.onListDay ? (
                  <Link
                    href={paperPath(paper.id)}
                    title={`On the list of ${paper.onListDay}`}
                    className="rounded-md bg-zinc-100 px-3 py-1.5 text-sm font-medium text-zinc-700 hover:underline focus-visible:outline-2 focus-visible:outline-amber-500 dark:bg-zinc-800 dark:text-zinc-200"
                  >
                    On the list
                  </Link>
                ) : paper.tooOld ? (
                  <span
                    title={`Only papers from the last ${announcement.windowDays} days can be submitted.`}
                    className="rounded-md px-3 py-1.5 text-sm text-zinc-600 dark:text-zinc-400"
                  >
                    Too old to submit
                  </span>
                ) : user ? (
                  <SubmitPaperButton paperId={paper.id} title={paper.title} />
                ) : (
                  <Link
                    href={signInHref(here)}
                    className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:border-zinc-500 focus-visible:outline-2 focus-visible:outline-amber-500 dark:border-zinc-700 dark:hover:border-zinc-500"
                  >
                    Sign in to submit
                  </Link>
                )
              }
            />
          </li>
        ))}
      </ol>
      <Pagination page={announcement.page} pageCount={announcement.pageCount} hrefFor={(p) => hrefFor(category, p)} />
    </>
  );
}
