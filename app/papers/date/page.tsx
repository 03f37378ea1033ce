import { notFound, redirect } from "next/navigation";
import { parseDay } from "@/lib/papers/dates";

/** Where the date picker's form lands: `/papers/date?d=2025-01-22` → `/papers/date/2025-01-22`. */
export default async function DatePickerRedirect({
  searchParams,
}: {
  searchParams: Promise<{ d?: string | string[] }>;
}) {
  const raw = (await searchParams).d;
  const day = typeof raw === "string" ? parseDay(raw) : null;
  if (!day) notFound();
  redirect(`/papers/date/${day}`);
}
