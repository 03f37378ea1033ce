import "server-only";
import { randomBytes } from "node:crypto";
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { cacheTags } from "@/lib/cache-tags";
import { databaseFailures } from "@/lib/db/health";
import { answerOutagesWith503, prepareOutageAnswer } from "@/lib/db/outage-status";
import { isServerAction, refusalFor, refuseUnreadableAction } from "@/lib/http/gate";
import { ChangeFeed, type Change } from "@/lib/page-cache/change-feed";
import { withForwardedFor } from "@/lib/page-cache/forwarded-for";
import { invalidateEverywhere, invalidationOf } from "@/lib/page-cache/changes";
import { afterRender, decide, hasSessionCookie, type CachePlan, type Render } from "@/lib/page-cache/policy";
import { installChangeFeed, installPageStore } from "@/lib/page-cache/registry";
import { PageStore, type StoredAnswer } from "@/lib/page-cache/store";
import { TagRelay } from "@/lib/page-cache/tag-relay";
import { revalidationToken } from "@/lib/page-cache/revalidate";
import { markFrontServer, membersOnly, siteAccessVerdict } from "@/lib/site-access/gate";
import { keepAnswerPrivate } from "@/lib/site-access/private-answers";
import { isVoteRequest, serveVote } from "@/lib/upvotes/vote-endpoint";

/**
 * The production server: Next.js, with the page cache in front of it (`npm start`, the end-to-end and
 * chaos suites and the benchmark all run this). A reader page is rendered once and then served from memory,
 * to strangers and members alike (a member gets it marked so: lib/page-cache/viewer-mark.ts, and asks for
 * their own part, GET /api/viewer), until a change invalidates its tags (`papersChanged`,
 * lib/page-cache/invalidate.ts) or it grows old; a stale page is served while one render refreshes it, and
 * keeps being served while the database is down. Votes (`POST /api/upvotes`) are answered here too, by the
 * same function as the route handler `next dev` uses (lib/upvotes/vote-endpoint.ts), with the same limit
 * and the same invalidation (lib/page-cache/changes.ts), but without a round through Next.js: they come in
 * bursts, and that round halves how many are answered (245/s against 500/s, docs/benchmarks.md). Everything
 * else — the router's RSC requests, actions, search, sign-in — goes to Next.js directly.
 *
 * What is served from memory, rendered or passed to Next.js, and what a render leaves stored, is decided in
 * lib/page-cache/policy.ts; this file carries it out. A render for the cache is a request to this same server
 * (loopback) carrying a per-process token, which Next.js answers like any request: through proxy.ts (a fresh
 * nonce), without cookies.
 */
export interface FrontServerOptions {
  port: number;
  /** The interface to listen on; omitted, all of them (as `next start`). */
  hostname?: string;
  /** The project root (where the build is). */
  dir: string;
  /** Most memory the stored pages may take. */
  maxBytes: number;
  /** After this long a stored page is refreshed in the background. */
  staleAfterMs: number;
  /** After this long a stored page is never served, whatever its refreshes answered. */
  maxAgeMs: number;
  /**
   * The database the other app servers share: changes are told to them, and heard from them, through it
   * (lib/page-cache/change-feed.ts). Omitted, this server keeps its caches to itself.
   */
  changesDatabaseUrl?: string;
}

export interface FrontServer {
  url: string;
  close(): Promise<void>;
}

const FILL_HEADER = "x-page-cache-fill";
/** A stale page is re-rendered at most this often, however many invalidations arrive. */
const REFRESH_INTERVAL_MS = 1_000;
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

/** A render and, when everyone may be given it, its stored form (made once, whoever waited on the render). */
interface SharedRender {
  render: Render;
  answer: StoredAnswer | null;
}

export async function startFrontServer(options: FrontServerOptions): Promise<FrontServer> {
  markFrontServer();
  const app = next({ dev: false, dir: options.dir, hostname: options.hostname ?? "localhost", port: options.port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const store = installPageStore(
    new PageStore({ maxBytes: options.maxBytes, staleAfterMs: options.staleAfterMs, maxAgeMs: options.maxAgeMs }),
  );
  const token = randomBytes(24).toString("base64url");
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const inflight = new Map<string, Promise<SharedRender>>();
  const lastRefresh = new Map<string, number>();
  /** Where this server itself is reached for a render: known once it listens. */
  const loopback = { host: "127.0.0.1", port: 0 };

  await prepareOutageAnswer();
  /** Next.js answers; a 500 it gives while the database is failing becomes the calm 503. */
  const passToNext = (req: IncomingMessage, res: ServerResponse) => {
    answerOutagesWith503(res);
    void handle(req, res);
  };

  // Next.js's data cache is reached through POST /api/revalidate (`revalidateTag` runs only inside Next.js):
  // a vote's tags in batches, another server's changes as they come. `scope: "here"`: not announced again.
  const relayToken = revalidationToken();
  function relayToNext(tags: string[], mode: Change["how"]): Promise<void> {
    if (!relayToken) {
      store.invalidate(tags, mode);
      return Promise.resolve();
    }
    return postToSelf("/api/revalidate", JSON.stringify({ tags, mode, scope: "here" }), relayToken);
  }
  /**
   * One relay per kind of change, each retried until Next.js takes it (lib/page-cache/tag-relay.ts). While
   * a batch cannot reach Next.js, this server's stored pages under its tags are invalidated at once, and
   * again when the batch gets through (the route does that), so that a page rendered meanwhile from the
   * data cache's older copy is not kept.
   */
  const relays: Record<Change["how"], TagRelay> = {
    // Votes' tags gather for a moment: a burst of votes is a few requests.
    stale: new TagRelay((tags) => relayToNext(tags, "stale"), {
      onFailure: (tags, error) => relayFailed(tags, "stale", error),
    }),
    // What another server removed goes at once.
    expire: new TagRelay((tags) => relayToNext(tags, "expire"), {
      delayMs: 0,
      onFailure: (tags, error) => relayFailed(tags, "expire", error),
    }),
  };
  function relayFailed(tags: string[], how: Change["how"], error: unknown): void {
    console.error(`[cache] could not relay ${tags.length} tag(s) to Next.js (${(error as Error).message}); retrying`);
    store.invalidate(tags, how);
  }
  /**
   * A vote counted here: `papersChanged([paperId], "counted")` as Next.js would do it — the stored pages here
   * and on the other servers at once, this server's data cache through the relay.
   */
  function afterVote(paperId: string): void {
    const change = invalidationOf([paperId], "counted");
    invalidateEverywhere(change.pages, change.kind);
    relays[change.kind].add(change.data);
  }

  /**
   * Another server's change: Next's data cache first, then the stored pages (by the route itself), so that
   * no render between the two reads the old data and stores it as new.
   */
  function heardChange(change: Change): void {
    relays[change.how].add(change.tags);
  }
  const feed = options.changesDatabaseUrl
    ? installChangeFeed(
        new ChangeFeed({
          databaseUrl: options.changesDatabaseUrl,
          onChange: heardChange,
          // Changes may have been missed: everything stored may be behind. Stale, not expired, so readers
          // keep their pages while they refresh (a refresh that meets a hidden paper drops its copy).
          onGap: () => heardChange({ how: "stale", tags: [cacheTags.all] }),
          log: (line) => console.error(line),
        }),
      )
    : null;

  function postToSelf(path: string, body: string, bearer: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: loopback.host,
          port: loopback.port,
          path,
          method: "POST",
          headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
          agent,
        },
        (response) => {
          response.resume();
          response.on("end", () =>
            response.statusCode === 204 ? resolve() : reject(new Error(`${path} answered ${response.statusCode}`)),
          );
        },
      );
      request.setTimeout(10_000, () => request.destroy(new Error(`${path} took over 10 s.`)));
      request.on("error", reject);
      request.end(body);
    });
  }

  /** One render per key at a time; what it leaves in the store, `afterRender` says. */
  function renderShared(plan: CachePlan, req: IncomingMessage): Promise<SharedRender> {
    const running = inflight.get(plan.key);
    if (running) return running;
    const sequence = store.mark();
    const failuresBefore = databaseFailures();
    const render = renderThroughNext(req).then((result) => {
      const outcome = afterRender(result, databaseFailures() !== failuresBefore);
      if (outcome.kind === "store") store.store(plan.key, plan.tags, sequence, outcome.answer);
      if (outcome.kind === "drop") store.drop(plan.key);
      return { render: result, answer: outcome.kind === "store" ? outcome.answer : null };
    });
    inflight.set(plan.key, render);
    void render.then(
      () => inflight.delete(plan.key),
      () => inflight.delete(plan.key),
    );
    return render;
  }

  function renderThroughNext(req: IncomingMessage): Promise<Render> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: loopback.host,
          port: loopback.port,
          path: req.url,
          method: "GET",
          headers: fillHeaders(req, token),
          agent,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }),
          );
          response.on("error", reject);
        },
      );
      request.setTimeout(30_000, () => request.destroy(new Error("The render took over 30 s.")));
      request.on("error", reject);
      request.end();
    });
  }

  function refreshInBackground(plan: CachePlan, req: IncomingMessage): void {
    const now = Date.now();
    if (inflight.has(plan.key) || now - (lastRefresh.get(plan.key) ?? 0) < REFRESH_INTERVAL_MS) return;
    lastRefresh.set(plan.key, now);
    // Only needed for the interval: dropped then, so URLs seen once do not pile up.
    setTimeout(() => lastRefresh.delete(plan.key), REFRESH_INTERVAL_MS).unref();
    // A refresh that failed keeps the stale page (served while the database is down, up to its most age);
    // the next reader retries.
    renderShared(plan, req).catch(() => {});
  }

  /** Carries out the page cache's decision for a request (lib/page-cache/policy.ts). */
  async function answerFromCache(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const decision = decide(req.method, req.url, req.headers, store);
    if (decision.kind === "pass") return passToNext(req, res);
    if (decision.kind === "serve") {
      if (decision.label === "stale") refreshInBackground(decision.plan, req);
      return sendStored(req, res, decision.answer, decision.label);
    }
    return renderForReader(decision.plan, req, res);
  }

  /** A miss: the reader waits on the render (theirs, or one already running for the same key). */
  async function renderForReader(plan: CachePlan, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const originator = !inflight.has(plan.key);
    let shared: SharedRender;
    try {
      shared = await renderShared(plan, req);
    } catch {
      return passToNext(req, res);
    }
    const { render, answer } = shared;
    if (answer) return sendStored(req, res, answer, "miss");
    // Not for everyone (an error, a redirect, a 404): its first reader gets it as rendered; the others
    // who waited on it are answered by Next.js each, with their own nonce.
    if (originator) return sendRender(req, res, render);
    passToNext(req, res);
  }

  const server = http.createServer((req, res) => {
    const fill = req.headers[FILL_HEADER];
    if (fill !== undefined) {
      delete req.headers[FILL_HEADER];
      if (fill === token) return passToNext(req, res);
    }
    const refusal = refusalFor(req);
    if (refusal) {
      // The body, if any, is read and dropped, so that the client, still sending, gets the answer (a closed
      // connection would meet it with EPIPE instead); the server's request timeout bounds how long.
      req.resume();
      res.writeHead(refusal.status, { ...refusal.headers, "content-length": Buffer.byteLength(refusal.body) });
      return void res.end(req.method === "HEAD" ? undefined : refusal.body);
    }
    req.headers["x-forwarded-for"] = withForwardedFor(req.headers["x-forwarded-for"], req.socket.remoteAddress);
    if (!membersOnly()) return serve(req, res);
    // A members-only site: nothing is read, served or rendered before the gate has let the request in.
    void siteAccessVerdict(req).then((verdict) => {
      if (verdict.kind === "refuse") {
        req.resume();
        res.writeHead(verdict.status, { ...verdict.headers, "content-length": Buffer.byteLength(verdict.body) });
        return void res.end(req.method === "HEAD" ? undefined : verdict.body);
      }
      keepAnswerPrivate(res);
      if (verdict.url !== undefined) req.url = verdict.url;
      serve(req, res);
    });
  });

  /** A request let in: a vote, or the page cache's decision. */
  function serve(req: IncomingMessage, res: ServerResponse): void {
    const pathname = (req.url ?? "/").split("?", 1)[0]!;
    if (isServerAction(req.method ?? "", pathname, req.headers)) refuseUnreadableAction(res, pathname);
    if (isVoteRequest(req)) {
      return void serveVote(req, res, afterVote).catch(() => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end();
      });
    }
    void answerFromCache(req, res).catch(() => {
      if (!res.headersSent) passToNext(req, res);
    });
  }

  // An idle kept-alive connection stays open a minute (Node's default is 5 s). A client that sends on it just as
  // the server closes it meets ECONNRESET; the clients in front (a proxy's upstream pool, a browser, a test's
  // request context) keep connections idle for up to about a minute, so the server must be the one to wait longer.
  server.keepAliveTimeout = 65_000;
  await feed?.start();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const wildcard = address.address === "::" || address.address === "0.0.0.0";
  loopback.host = wildcard ? "127.0.0.1" : address.address;
  loopback.port = address.port;
  const shownHost = options.hostname && !wildcard ? options.hostname : "localhost";

  return {
    url: `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${address.port}`,
    async close() {
      await Promise.all([relays.stale.close(), relays.expire.close()]);
      await feed?.close();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await app.close();
    },
  };
}

/** The headers of a render for the cache: the reader's host and scheme (links depend on them), no cookies. */
function fillHeaders(req: IncomingMessage, token: string): Record<string, string> {
  const headers: Record<string, string> = {
    [FILL_HEADER]: token,
    "accept-encoding": "identity",
    host: req.headers.host ?? "localhost",
  };
  for (const name of ["x-forwarded-host", "x-forwarded-proto", "accept", "user-agent"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers[name] = value;
  }
  return headers;
}

/**
 * A stored answer, to a stranger as stored and to a member (a session cookie) in its member's form: the
 * same page, whose root tells the browser to ask for the reader's own part (lib/viewer/).
 */
function sendStored(req: IncomingMessage, res: ServerResponse, answer: StoredAnswer, label: string): void {
  const form = answer.member && hasSessionCookie(req.headers) ? answer.member : answer;
  const common = { ...answer.headers, etag: form.etag, vary: "Cookie, Accept-Encoding", "x-page-cache": label };
  if (req.headers["if-none-match"] === form.etag) {
    res.writeHead(304, common);
    return void res.end();
  }
  const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  const body = gzip ? form.gzipped : form.body;
  res.writeHead(answer.status, {
    ...common,
    "content-length": body.length,
    ...(gzip ? { "content-encoding": "gzip" } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

function sendRender(req: IncomingMessage, res: ServerResponse, render: Render): void {
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(render.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
  res.writeHead(render.status, { ...headers, "content-length": render.body.length });
  res.end(req.method === "HEAD" ? undefined : render.body);
}
