import { connection } from "next/server";
import { Suspense } from "react";
import { DailyView } from "@/components/feed/daily-view";
import { PaperGrid } from "@/components/feed/paper-grid";
import { EmptyState } from "@/components/ui/empty-state";
import { getDailyList, getLatestDay } from "@/lib/papers/data";

export default function HomePage() {
  return (
    <Suspense fallback={<PaperGrid.Skeleton />}>
      <LatestDay />
    </Suspense>
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
  return <DailyView list={await getDailyList(day)} />;
}
