import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { appUrl } from "@/lib/env";
import { getFeaturedDays, getSitemapEntries } from "@/lib/papers/data";
import { dayPath, paperUrl } from "@/lib/urls";

/** A sitemap file holds at most this many URLs (sitemaps.org). */
const MAX_SITEMAP_URLS = 50_000;

/** The home page, trending, every day of the daily list and every paper. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  // Built per request: the database is not there when `next build` runs.
  await connection();
  const baseUrl = appUrl();
  const days = await getFeaturedDays();
  const papers = await getSitemapEntries(Math.max(0, MAX_SITEMAP_URLS - 2 - days.length));
  return [
    { url: `${baseUrl}/`, changeFrequency: "daily", priority: 1 },
    { url: `${baseUrl}/papers/trending`, changeFrequency: "hourly", priority: 0.8 },
    ...days.map((day) => ({ url: `${baseUrl}${dayPath(day)}`, changeFrequency: "daily" as const, priority: 0.6 })),
    ...papers.map((paper) => ({ url: paperUrl(baseUrl, paper.id), lastModified: paper.updatedAt, priority: 0.5 })),
  ];
}
