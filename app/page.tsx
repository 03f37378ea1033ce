import { connection } from "next/server";
import { Suspense } from "react";
import { DailyView } from "@/components/feed/daily-view";
import { PaperGrid } from "@/components/feed/paper-grid";
import { SubscribeCallout } from "@/components/feed/subscribe-callout";
import { EmptyState } from "@/components/ui/empty-state";
import { getDailyList, getLatestDay } from "@/lib/papers/data";
import { getSubscriptionState } from "@/lib/settings/viewer";
import { getViewerVotes } from "@/lib/upvotes/viewer";

export default function HomePage() {
  return (
    <>
      <SubscribeCallout state={getSubscriptionState()} />
      <Suspense fallback={<PaperGrid.Skeleton />}>
        <LatestDay />
      </Suspense>
    </>
  );
}

async function LatestDay() {
  await connection();
  const day = await getLatestDay();
  if (!day) {
    return (
      <EmptyState title="No papers yet">
        The daily list is empty. Load the demo papers with <code>npm run db:seed</code>.
      </EmptyState>
    );
  }
  const list = await getDailyList(day);
  return <DailyView list={list} viewer={getViewerVotes(list.papers.map((p) => p.id))} />;
}
