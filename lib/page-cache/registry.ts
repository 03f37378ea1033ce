import "server-only";
import type { PageStore } from "@/lib/page-cache/store";

/**
 * The process's page cache, found through `globalThis`: the front server (lib/page-cache/front-server.ts)
 * creates it, and the app's actions — bundled by Next.js into modules of their own — reach the same one to
 * invalidate it. Under `next dev` or `next start` there is none, and invalidating is a no-op.
 */
const KEY = Symbol.for("daily-papers.page-cache");

type Holder = { [KEY]?: PageStore };

export function installPageStore(store: PageStore): PageStore {
  (globalThis as Holder)[KEY] = store;
  return store;
}

export function currentPageStore(): PageStore | undefined {
  return (globalThis as Holder)[KEY];
}
