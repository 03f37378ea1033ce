import "server-only";
import type http from "node:http";

type Headers = http.OutgoingHttpHeaders | http.OutgoingHttpHeader[];

/** What a 500 becomes: a status and headers, and a body in place of Next.js's (null: Next.js's own). */
export interface Replacement {
  status: number;
  headers: Record<string, string>;
  /** Null keeps Next.js's body; a function sees the response's headers (its content type) first. */
  body: string | null | ((response: http.ServerResponse) => string | null);
}

/**
 * Rewrites this one response on its way out when Next.js answers it with a 500 and `replace` gives a
 * replacement: the status and headers change before the head is sent, and Next.js's body is dropped when
 * the replacement brings its own. Next.js either sets the status and writes (the head goes out with the
 * first byte), or writes the head itself: both are caught. The front server (lib/page-cache/front-server.ts)
 * applies it to the responses it hands to Next.js — per response, no shared prototype is touched.
 */
export function rewrite500(response: http.ServerResponse, replace: () => Replacement | null): void {
  const { writeHead, write, end } = response;
  let body: string | null = null;

  function convert(replacement: Replacement, headers?: Headers): void {
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) response.setHeader(String(headers[i]), String(headers[i + 1]));
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
    }
    response.statusCode = replacement.status;
    const own = typeof replacement.body === "function" ? replacement.body(response) : replacement.body;
    if (own !== null) {
      body = own;
      response.removeHeader("content-length");
      response.removeHeader("content-encoding");
    }
    for (const [name, value] of Object.entries(replacement.headers)) response.setHeader(name, value);
  }

  function firstByte(): void {
    if (response.headersSent || response.statusCode !== 500) return;
    const replacement = replace();
    if (replacement) convert(replacement);
  }

  response.writeHead = function (status: number, ...rest: unknown[]) {
    const replacement = status === 500 && !response.headersSent ? replace() : null;
    if (replacement) {
      convert(replacement, rest.find((a) => typeof a === "object" && a !== null) as Headers | undefined);
      return writeHead.call(response, replacement.status);
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).call(response, status, ...rest);
  } as typeof writeHead;

  const callbackOf = (args: unknown[]) => args.find((a): a is () => void => typeof a === "function");

  response.write = function (...args: unknown[]) {
    firstByte();
    if (body !== null) {
      const callback = callbackOf(args.slice(1));
      if (callback) process.nextTick(callback);
      return true;
    }
    return (write as (...a: unknown[]) => boolean).apply(response, args);
  } as typeof write;

  response.end = function (...args: unknown[]) {
    firstByte();
    if (body !== null) {
      if (response.writableEnded) {
        const callback = callbackOf(args);
        if (callback) process.nextTick(callback);
        return response;
      }
      return (end as (...a: unknown[]) => http.ServerResponse).call(response, body, "utf8", callbackOf(args));
    }
    return (end as (...a: unknown[]) => http.ServerResponse).apply(response, args);
  } as typeof end;
}
