import { notFound, redirect } from "next/navigation";
import { categoryFromSearchParams, withCategory } from "@/lib/papers/categories";
import { parseDay } from "@/lib/papers/dates";

/**
 * Where the date picker's form lands: `/papers/date?d=2025-01-22` → `/papers/date/2025-01-22`, keeping a
 * `category` filter.
 */
export default async function DatePickerRedirect({
  searchParams,
}: {
  searchParams: Promise<{ d?: string | string[]; category?: string | string[] }>;
}) {
  const params = await searchParams;
  const day = typeof params.d === "string" ? parseDay(params.d) : null;
  const category = categoryFromSearchParams(params.category);
  if (!day || category === false) notFound();
  redirect(withCategory(`/papers/date/${day}`, category));
}
