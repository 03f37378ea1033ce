import "server-only";
import type http from "node:http";
import { databaseFailedRecently, isDatabaseDown } from "@/lib/db-health";
import { RETRY_AFTER_SECONDS, unavailablePage } from "@/lib/unavailable";

type Headers = http.OutgoingHttpHeaders | http.OutgoingHttpHeader[];

let calmPage: { html: string; headers: [string, string][] } | null = null;

/** The calm 503 page's text and headers, made once. */
async function calm(): Promise<{ html: string; headers: [string, string][] }> {
  if (calmPage) return calmPage;
  const page = unavailablePage();
  calmPage = { html: await page.text(), headers: [...page.headers.entries()] };
  return calmPage;
}

/** Makes the calm page ready, so that `answerOutagesWith503` never waits. */
export async function prepareOutageAnswer(): Promise<void> {
  await calm();
}

/**
 * Turns the 500 of a render that failed for want of a database into the calm 503 with `Retry-After`, on
 * this one response (the front server, lib/page-cache/front-server.ts, calls it on each response it hands
 * to Next.js). The database-down 503 is answered before Next.js (proxy.ts); this covers the requests
 * already past it when the outage began. A server component cannot set its status, and Next.js answers an
 * error in the page's shell (its metadata, its layout) with a 500 — so the answer is rewritten on its way
 * out: while the database is down or just failed a query, a 500 becomes a 503, and an HTML 500 gets the
 * calm page instead of Next.js' error shell.
 */
export function answerOutagesWith503(response: http.ServerResponse): void {
  const page = calmPage;
  if (!page) return;
  const { writeHead, write, end } = response;
  let replaced = false;
  const duringOutage = () => isDatabaseDown() || databaseFailedRecently();

  /** Makes `response` a 503; an HTML one is marked so that its body becomes the calm page. */
  function convert(headers?: Headers): void {
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) response.setHeader(String(headers[i]), String(headers[i + 1]));
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
    }
    response.statusCode = 503;
    response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    if (!String(response.getHeader("content-type") ?? "").includes("text/html")) return;
    replaced = true;
    response.removeHeader("content-length");
    for (const [name, value] of page!.headers) response.setHeader(name, value);
  }

  // Next.js either sets the status and writes (the head goes out with the first byte)…
  function firstByte(): void {
    if (!response.headersSent && response.statusCode === 500 && duringOutage()) convert();
  }
  // …or writes the head itself.
  response.writeHead = function (status: number, ...rest: unknown[]) {
    if (status === 500 && !response.headersSent && duringOutage()) {
      convert(rest.find((a) => typeof a === "object" && a !== null) as Headers | undefined);
      return writeHead.call(response, 503);
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).call(response, status, ...rest);
  } as typeof writeHead;

  const callbackOf = (args: unknown[]) => args.find((a): a is () => void => typeof a === "function");

  response.write = function (...args: unknown[]) {
    firstByte();
    if (replaced) {
      const callback = callbackOf(args.slice(1));
      if (callback) process.nextTick(callback);
      return true;
    }
    return (write as (...a: unknown[]) => boolean).apply(response, args);
  } as typeof write;

  response.end = function (...args: unknown[]) {
    firstByte();
    if (replaced) {
      if (response.writableEnded) {
        const callback = callbackOf(args);
        if (callback) process.nextTick(callback);
        return response;
      }
      return (end as (...a: unknown[]) => http.ServerResponse).call(response, page!.html, "utf8", callbackOf(args));
    }
    return (end as (...a: unknown[]) => http.ServerResponse).apply(response, args);
  } as typeof end;
}
