import "server-only";
import type http from "node:http";

/**
 * On a members-only site every answer is a member's: no shared cache (a CDN, a proxy in front) may keep it for
 * the next reader. This response's `Cache-Control: public` becomes `private` (a missing one `private, no-cache`)
 * and it varies by cookie, however Next.js or the page cache wrote its head — per response, like
 * lib/http/rewrite-500.ts.
 */
export function keepAnswerPrivate(response: http.ServerResponse): void {
  const { writeHead } = response;
  response.writeHead = function (status: number, ...rest: unknown[]) {
    const given = rest.find((arg) => typeof arg === "object" && arg !== null);
    if (Array.isArray(given)) {
      for (let i = 0; i + 1 < given.length; i += 2) response.setHeader(String(given[i]), String(given[i + 1]));
    } else if (given) {
      for (const [name, value] of Object.entries(given as http.OutgoingHttpHeaders)) {
        if (value !== undefined) response.setHeader(name, value);
      }
    }
    const message = rest.find((arg) => typeof arg === "string");
    response.setHeader("cache-control", privateCacheControl(response.getHeader("cache-control")));
    response.setHeader("vary", withCookie(response.getHeader("vary")));
    const call = writeHead as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse;
    return message === undefined ? call.call(response, status) : call.call(response, status, message);
  } as typeof writeHead;
}

/** `value` made private: `public` → `private`, nothing → `private, no-cache`. */
export function privateCacheControl(value: http.OutgoingHttpHeader | undefined): string {
  const text = value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value);
  if (!text) return "private, no-cache";
  if (/\b(?:private|no-store)\b/i.test(text)) return text;
  return /\bpublic\b/i.test(text) ? text.replace(/\bpublic\b/gi, "private") : `private, ${text}`;
}

function withCookie(value: http.OutgoingHttpHeader | undefined): string {
  const text = value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value);
  if (/(?:^|,)\s*(?:cookie|\*)\s*(?:,|$)/i.test(text)) return text;
  return text ? `${text}, Cookie` : "Cookie";
}
