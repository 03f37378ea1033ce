import "server-only";
import type { ChangeFeed } from "@/lib/page-cache/change-feed";
import type { PageStore } from "@/lib/page-cache/store";

/**
 * The process's page cache and its line to the other app servers, found through `globalThis`: the front
 * server (lib/page-cache/front-server.ts) creates them, and the app's actions — bundled by Next.js into
 * modules of their own — reach the same ones to invalidate. Under `next dev` or `next start` there are
 * none, and invalidating is a no-op.
 */
const KEY = Symbol.for("daily-papers.page-cache");
const FEED = Symbol.for("daily-papers.change-feed");

type Holder = { [KEY]?: PageStore; [FEED]?: ChangeFeed };

export function installPageStore(store: PageStore): PageStore {
  (globalThis as Holder)[KEY] = store;
  return store;
}

export function currentPageStore(): PageStore | undefined {
  return (globalThis as Holder)[KEY];
}

export function installChangeFeed(feed: ChangeFeed): ChangeFeed {
  (globalThis as Holder)[FEED] = feed;
  return feed;
}

export function currentChangeFeed(): ChangeFeed | undefined {
  return (globalThis as Holder)[FEED];
}
