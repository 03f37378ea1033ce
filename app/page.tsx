import { connection } from "next/server";
import { PaperList } from "@/components/feed/paper-list";
import { getLatestDailyList } from "@/lib/papers/data";

export default async function HomePage() {
  await connection();
  const list = await getLatestDailyList();
  if (!list) {
    return (
      <section className="py-16 text-center">
        <h1 className="text-2xl font-semibold">No papers yet</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">
          The daily list is empty. Load the demo papers with <code>npm run db:seed</code>.
        </p>
      </section>
    );
  }
  return (
    <section>
      <header className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">Daily Papers</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <time dateTime={list.day}>
            {new Date(`${list.day}T00:00:00Z`).toLocaleDateString("en-US", { dateStyle: "full", timeZone: "UTC" })}
          </time>{" "}
          · {list.papers.length} papers
        </p>
      </header>
      <PaperList papers={list.papers} />
    </section>
  );
}
