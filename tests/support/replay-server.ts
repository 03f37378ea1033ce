import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Socket } from "node:net";
import type { HttpOptions } from "@/lib/ingest/http";

/**
 * A real HTTP server on 127.0.0.1 that answers the importers with the recorded upstream responses in
 * tests/fixtures/ingest/ — their real status codes, headers and bytes — and with scripted misbehaviour
 * (hanging, truncating, hanging up, rate limiting). It logs every request so tests can assert what the
 * client sent (User-Agent, conditional headers, spacing) and counts the TCP connections it accepted.
 */

export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../fixtures/ingest");

/** The real HTTP client with short spacing and timeouts, so each failure against this server shows in well under a second. */
export const QUICK_HTTP: HttpOptions = {
  arxivIntervalMs: 20,
  attempts: 2,
  backoffMs: 20,
  headersTimeoutMs: 500,
  bodyTimeoutMs: 500,
  totalTimeoutMs: 3000,
};

/** What the server does for one request. */
export type Behaviour =
  | {
      kind: "respond";
      status: number;
      headers?: [string, string][];
      body: Buffer;
      /** Serve `ETag` and answer 304 when the request's `If-None-Match` matches. */
      etag?: string;
      /** Serve `Last-Modified` and answer 304 when `If-Modified-Since` is not older. */
      lastModified?: string;
    }
  /** Accepts the request and never answers. */
  | { kind: "hang" }
  /** Sends the headers and the first `bytes` of the body, then stalls. */
  | { kind: "stall-body"; body: Buffer; bytes: number }
  /** Announces the full length, sends the first `bytes`, then closes the socket. */
  | { kind: "truncate"; body: Buffer; bytes: number }
  /** Closes the socket without a word. */
  | { kind: "close" }
  /** Rate limited: `status` (429 or 503) with `Retry-After`. */
  | { kind: "busy"; status: 429 | 503; retryAfter?: string };

export interface LoggedRequest {
  time: number;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** Which accepted connection carried it (1-based). */
  connection: number;
}

export interface ReplayServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  log: LoggedRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  /**
   * Answers requests to `pathname` (optionally only those whose query `matches`) with `behaviours` in
   * order; the last one repeats. A later route for the same path replaces the earlier one.
   */
  route(pathname: string, behaviours: Behaviour[], matches?: (query: URLSearchParams) => boolean): void;
  reset(): void;
  stop(): Promise<void>;
}

// Hop-by-hop and framing headers of a recording describe the original connection, not ours.
const FRAMING = new Set(["content-length", "transfer-encoding", "connection", "content-encoding", "keep-alive"]);

export async function startReplayServer(): Promise<ReplayServer> {
  type Route = { pathname: string; behaviours: Behaviour[]; matches?: (q: URLSearchParams) => boolean; served: number };
  let routes: Route[] = [];
  const log: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const connectionIds = new WeakMap<Socket, number>();
  let connectionCount = 0;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    log.push({
      time: Date.now(),
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      connection: connectionIds.get(req.socket) ?? 0,
    });
    const route = [...routes]
      .reverse()
      .find((r) => r.pathname === url.pathname && (!r.matches || r.matches(url.searchParams)));
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`no route for ${url.pathname}`);
      return;
    }
    const behaviour = route.behaviours[Math.min(route.served++, route.behaviours.length - 1)]!;
    serve(behaviour, req, res);
  });
  server.on("connection", (socket) => {
    connectionIds.set(socket, ++connectionCount);
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    connections: () => connectionCount,
    route(pathname, behaviours, matches) {
      if (behaviours.length === 0) throw new Error("a route needs at least one behaviour");
      routes = routes.filter((r) => !(r.pathname === pathname && r.matches === matches));
      routes.push({ pathname, behaviours, matches, served: 0 });
    },
    reset() {
      routes = [];
      log.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function serve(behaviour: Behaviour, req: http.IncomingMessage, res: http.ServerResponse) {
  switch (behaviour.kind) {
    case "respond": {
      const headers: [string, string][] = (behaviour.headers ?? []).filter(
        ([name]) => !FRAMING.has(name.toLowerCase()),
      );
      if (behaviour.etag) headers.push(["ETag", behaviour.etag]);
      if (behaviour.lastModified) headers.push(["Last-Modified", behaviour.lastModified]);
      const etagMatches = behaviour.etag !== undefined && req.headers["if-none-match"] === behaviour.etag;
      const since = req.headers["if-modified-since"];
      const notModifiedSince =
        behaviour.lastModified !== undefined &&
        since !== undefined &&
        Date.parse(since) >= Date.parse(behaviour.lastModified);
      if (etagMatches || (behaviour.etag === undefined && notModifiedSince)) {
        res.writeHead(304, headers.flat()).end();
        return;
      }
      headers.push(["Content-Length", String(behaviour.body.length)]);
      res.writeHead(behaviour.status, headers.flat()).end(behaviour.body);
      return;
    }
    case "hang":
      return;
    case "stall-body":
      res.writeHead(200, { "content-type": "application/xml", "content-length": String(behaviour.body.length) });
      res.write(behaviour.body.subarray(0, behaviour.bytes));
      return;
    case "truncate":
      res.writeHead(200, { "content-type": "application/xml", "content-length": String(behaviour.body.length) });
      res.write(behaviour.body.subarray(0, behaviour.bytes), () => req.socket.destroy());
      return;
    case "close":
      req.socket.destroy();
      return;
    case "busy": {
      const body = Buffer.from(
        `<html><body><h1>${behaviour.status === 429 ? "Too many requests" : "Retry later"}</h1></body></html>\n`,
      );
      const headers: Record<string, string> = { "content-type": "text/html", "content-length": String(body.length) };
      if (behaviour.retryAfter !== undefined) headers["retry-after"] = behaviour.retryAfter;
      res.writeHead(behaviour.status, headers).end(body);
      return;
    }
  }
}

/** A redirect: `status` (301, 302, 303, 307 or 308) with `Location: location`, and an empty body. */
export function redirect(status: number, location: string): Behaviour {
  return { kind: "respond", status, headers: [["Location", location]], body: Buffer.alloc(0) };
}

/** The bytes of a fixture file. */
export function fixtureBytes(name: string): Buffer {
  return fs.readFileSync(path.join(FIXTURES_DIR, name));
}

function contentTypeFor(name: string): string {
  if (name.endsWith(".json")) return "application/json; charset=utf-8";
  if (name.startsWith("arxiv-rss_")) return "application/rss+xml";
  if (name.startsWith("arxiv-api_") || name.startsWith("arxiv-rss-atom_")) return "application/atom+xml; charset=utf-8";
  return "text/xml";
}

/** A recorded body served as a 200 (or `status`) with the content type the upstream sends. */
export function fixture(
  name: string,
  options: { status?: number; etag?: string; lastModified?: string } = {},
): Behaviour {
  return {
    kind: "respond",
    status: options.status ?? 200,
    headers: [["Content-Type", contentTypeFor(name)]],
    body: fixtureBytes(name),
    etag: options.etag,
    lastModified: options.lastModified,
  };
}

/**
 * An arxiv.py recording (`{url, status_code, body}`): its status code, and the bytes arXiv sent — the
 * `*.DERIVED-body.xml` next to it, since the JSON keeps the body latin-1-decoded. `url` is the
 * request it answered.
 */
export function arxivPyRecording(name: string): { url: URL; behaviour: Behaviour } {
  const wrapper = JSON.parse(fixtureBytes(name).toString("utf8")) as { url: string; status_code: string | number };
  const body = fixtureBytes(name.replace(/\.json$/, ".DERIVED-body.xml"));
  return {
    url: new URL(wrapper.url),
    behaviour: {
      kind: "respond",
      status: Number(wrapper.status_code),
      headers: [["Content-Type", "application/atom+xml; charset=utf-8"]],
      body,
    },
  };
}

/** A nock recording (an array of exchanges): each answer in order, with its recorded status and headers. */
export function nockRecording(name: string): { path: string; behaviours: Behaviour[] } {
  const exchanges = JSON.parse(fixtureBytes(name).toString("utf8")) as {
    path: string;
    status: number;
    response: string;
    rawHeaders: string[];
  }[];
  return {
    path: exchanges[0]?.path ?? "/",
    behaviours: exchanges.map((exchange) => {
      const headers: [string, string][] = [];
      for (let i = 0; i + 1 < exchange.rawHeaders.length; i += 2) {
        headers.push([exchange.rawHeaders[i]!, exchange.rawHeaders[i + 1]!]);
      }
      return { kind: "respond", status: exchange.status, headers, body: Buffer.from(exchange.response, "utf8") };
    }),
  };
}
