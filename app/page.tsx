import { connection } from "next/server";
import { DailyView } from "@/components/feed/daily-view";
import { EmptyState } from "@/components/ui/empty-state";
import { getDailyList, getLatestDay } from "@/lib/papers/data";

export default async function HomePage() {
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
