import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import Link from "next/link";
import { AdminOnly } from "@/components/admin/admin-only";
import { DailyView } from "@/components/feed/daily-view";
import { PaperGrid } from "@/components/feed/paper-grid";
import { SubscribeCallout } from "@/components/feed/subscribe-callout";
import { EmptyState } from "@/components/ui/empty-state";
import { feedAlternates } from "@/lib/feeds/links";
import { categoryFromSearchParams } from "@/lib/papers/categories";
import { getCategoryChips, getDailyList, getLatestDay } from "@/lib/papers/data";
import { getCurrentCounts } from "@/lib/upvotes/current-counts";

type Props = { searchParams: Promise<{ category?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const category = categoryFromSearchParams((await searchParams).category) || null;
  return category ? { alternates: { canonical: "/", types: feedAlternates("daily", category) } } : {};
}

/**
 * The latest day of the daily list. `?category=` filters it (the daily feed of a category links here); the
 * chips and pages link to the day's own address.
 */
export default async function HomePage({ searchParams }: Props) {
  const category = categoryFromSearchParams((await searchParams).category);
  if (category === false) notFound();
  return (
    <>
      <SubscribeCallout />
      <Suspense fallback={<PaperGrid.Skeleton />}>
        <LatestDay category={category} />
      </Suspense>
    </>
  );
}

async function LatestDay({ category }: { category: string | null }) {
  await connection();
  const day = await getLatestDay();
  if (!day) {
    return (
      <EmptyState title="No papers yet">
        <p>
          Nothing has been featured yet. Members put papers on the list by{" "}
          <Link href="/submit" className="underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white">
            submitting an arXiv id
          </Link>{" "}
          or from{" "}
          <Link href="/papers/new" className="underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white">
            New on arXiv
          </Link>
          .
        </p>
        <AdminOnly>
          <p className="mt-2">
            As an admin you can load demo papers with <code>npm run db:seed</code>, or mirror Hugging Face&apos;s list
            with <code>HF_DAILY_MIRROR=true</code>.
          </p>
        </AdminOnly>
      </EmptyState>
    );
  }
  const [list, chips] = await Promise.all([
    getDailyList(day, 1, { category }),
    getCategoryChips({ from: day, to: day }, category),
  ]);
  return <DailyView list={list} chips={chips} counts={getCurrentCounts(list.papers.map((p) => p.id))} />;
}
