import "server-only";
import type http from "node:http";
import { databaseFailedRecently, isDatabaseDown } from "@/lib/db/health";
import { rewrite500, type Replacement } from "@/lib/http/rewrite-500";
import { RETRY_AFTER_SECONDS, unavailablePage } from "@/lib/db/unavailable";

let calmPage: { html: string; headers: Record<string, string> } | null = null;

/** Makes the calm 503 page ready (once), so that `answerOutagesWith503` never waits. */
export async function prepareOutageAnswer(): Promise<void> {
  if (calmPage) return;
  const page = unavailablePage();
  calmPage = { html: await page.text(), headers: Object.fromEntries(page.headers.entries()) };
}

/**
 * Turns the 500 of a render that failed for want of a database into the calm 503 with `Retry-After`, on
 * this one response (the front server, lib/page-cache/front-server.ts, calls it on each response it hands
 * to Next.js). The database-down 503 is answered before Next.js (proxy.ts); this covers the requests
 * already past it when the outage began. A server component cannot set its status, and Next.js answers an
 * error in the page's shell (its metadata, its layout) with a 500 — so while the database is down or just
 * failed a query, a 500 becomes a 503, and an HTML 500 gets the calm page instead of Next.js' error shell.
 */
export function answerOutagesWith503(response: http.ServerResponse): void {
  const page = calmPage;
  if (!page) return;
  const outage: Replacement = {
    status: 503,
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
    body: (res) => {
      if (!String(res.getHeader("content-type") ?? "").includes("text/html")) return null;
      for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value);
      return page.html;
    },
  };
  rewrite500(response, () => (isDatabaseDown() || databaseFailedRecently() ? outage : null));
}
