import http from "node:http";
import { databaseFailedRecently, isDatabaseDown } from "@/lib/db-health";
import { RETRY_AFTER_SECONDS, unavailablePage } from "@/lib/unavailable";

let installed = false;
/** Set on a response whose body is the calm page: Next.js' own writes to it are dropped. */
const REPLACED = Symbol("daily-papers.outage-answer");
type Response = http.ServerResponse & { [REPLACED]?: true };
type Headers = http.OutgoingHttpHeaders | http.OutgoingHttpHeader[];

/**
 * Turns the 500 of a render that failed for want of a database into the calm 503 with `Retry-After`.
 * The proxy answers 503 while the database is known to be down; this covers the requests already past it
 * when the outage began. A server component cannot set its status, and Next.js answers an error in the
 * page's shell (its metadata, its layout) with a 500 — so the answer is rewritten on its way out: while
 * the database is down or just failed a query, a 500 becomes a 503, and an HTML 500 gets the calm page
 * instead of Next.js' error shell. Installed once per process, from instrumentation.ts.
 */
export async function answerOutagesWith503(): Promise<void> {
  if (installed) return;
  installed = true;
  const calm = unavailablePage();
  const html = await calm.text();
  const calmHeaders = [...calm.headers.entries()];
  const { writeHead, write, end } = http.ServerResponse.prototype;

  const duringOutage = () => isDatabaseDown() || databaseFailedRecently();

  /** Makes `response` a 503; an HTML one is marked so that its body becomes the calm page. */
  function convert(response: Response, headers?: Headers): void {
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) response.setHeader(String(headers[i]), String(headers[i + 1]));
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
    }
    response.statusCode = 503;
    response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    response.setHeader("Cache-Control", "no-store");
    if (!String(response.getHeader("content-type") ?? "").includes("text/html")) return;
    response[REPLACED] = true;
    response.removeHeader("content-length");
    for (const [name, value] of calmHeaders) response.setHeader(name, value);
  }

  // Next.js either sets the status and writes (the head goes out with the first byte)…
  function firstByte(response: Response): void {
    if (!response.headersSent && response.statusCode === 500 && duringOutage()) convert(response);
  }
  // …or writes the head itself.
  http.ServerResponse.prototype.writeHead = function (this: Response, status: number, ...rest: unknown[]) {
    if (status === 500 && !this.headersSent && duringOutage()) {
      convert(this, rest.find((a) => typeof a === "object" && a !== null) as Headers | undefined);
      return writeHead.call(this, 503);
    }
    return (writeHead as (...a: unknown[]) => Response).call(this, status, ...rest);
  } as typeof writeHead;

  const callbackOf = (args: unknown[]) => args.find((a): a is () => void => typeof a === "function");

  http.ServerResponse.prototype.write = function (this: Response, ...args: unknown[]) {
    firstByte(this);
    if (this[REPLACED]) {
      const callback = callbackOf(args.slice(1));
      if (callback) process.nextTick(callback);
      return true;
    }
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof write;

  http.ServerResponse.prototype.end = function (this: Response, ...args: unknown[]) {
    firstByte(this);
    if (this[REPLACED]) {
      if (this.writableEnded) {
        const callback = callbackOf(args);
        if (callback) process.nextTick(callback);
        return this;
      }
      return (end as (...a: unknown[]) => Response).call(this, html, "utf8", callbackOf(args));
    }
    return (end as (...a: unknown[]) => Response).apply(this, args);
  } as typeof end;
}
