import type { Metadata } from "next";
import { withCategory } from "@/lib/papers/categories";

/** The site's feeds: the daily list and trending. */
export type FeedName = "daily" | "trending";
type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

const TITLES: Record<FeedName, string> = { daily: "Daily Papers", trending: "Daily Papers — Trending" };

/** A feed's title, naming its category: "Daily Papers — cs.CL", "Daily Papers — Trending in cs.CL". */
export function feedTitle(name: FeedName, category: string | null = null): string {
  if (!category) return TITLES[name];
  return name === "daily" ? `${TITLES[name]} — ${category}` : `${TITLES[name]} in ${category}`;
}

function feed(name: FeedName, category: string | null) {
  const title = feedTitle(name, category);
  return {
    rss: { url: withCategory(`/feeds/${name}.xml`, category), title: `${title} (RSS)` },
    atom: { url: withCategory(`/feeds/${name}.atom`, category), title: `${title} (Atom)` },
  };
}

/**
 * The `<link rel="alternate">` feeds a listing advertises: the site's daily and trending feeds, and first,
 * when the listing is filtered, the `name` feed of its category. A page that sets `alternates` replaces the
 * layout's, so listings pass these along with their canonical URL.
 */
export function feedAlternates(name: FeedName, category: string | null): AlternateTypes {
  const feeds = [...(category ? [feed(name, category)] : []), feed("daily", null), feed("trending", null)];
  return {
    "application/rss+xml": feeds.map((f) => f.rss),
    "application/atom+xml": feeds.map((f) => f.atom),
  };
}
