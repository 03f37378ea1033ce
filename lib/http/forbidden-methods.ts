import "server-only";
import http from "node:http";
import { FORBIDDEN_METHODS, methodNotAllowed } from "@/lib/http/methods";

let installed = false;

/**
 * Answers TRACE, TRACK and CONNECT with a 405 before Next.js sees them: Next.js builds a Fetch `Request`
 * for every request, and the Fetch standard forbids these methods, so the constructor threw and every
 * route answered 500. Installed once per process, from instrumentation.ts.
 */
export function refuseForbiddenMethods(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      if (FORBIDDEN_METHODS.has((request.method ?? "").toUpperCase())) {
        const pathname = (request.url ?? "/").split("?")[0] ?? "/";
        const answer = methodNotAllowed(pathname);
        response.writeHead(answer.status, answer.headers);
        response.end(answer.body);
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
