import "server-only";
import { feedTitle, type FeedName } from "@/lib/feeds/links";
import { appUrl } from "@/lib/env";
import { feedKeyFor, feedKeyVersionOf } from "@/lib/site-access/feed-keys";

export interface PrivateFeed {
  title: string;
  url: string;
}

const FEEDS: { name: FeedName; path: string; format: string }[] = [
  { name: "daily", path: "/feeds/daily.xml", format: "RSS" },
  { name: "daily", path: "/feeds/daily.atom", format: "Atom" },
  { name: "trending", path: "/feeds/trending.xml", format: "RSS" },
  { name: "trending", path: "/feeds/trending.atom", format: "Atom" },
];

/**
 * The member's private feed addresses on a members-only site: the site's feeds with their key, for a feed
 * reader that cannot sign in. Null when the server cannot sign keys (no AUTH_SECRET) or the member is gone.
 */
export async function getPrivateFeeds(userId: string): Promise<PrivateFeed[] | null> {
  const version = await feedKeyVersionOf(userId);
  const key = version === null ? null : feedKeyFor(userId, version);
  if (!key) return null;
  return FEEDS.map((feed) => ({
    title: `${feedTitle(feed.name)} (${feed.format})`,
    url: `${appUrl()}${feed.path}?key=${encodeURIComponent(key)}`,
  }));
}
