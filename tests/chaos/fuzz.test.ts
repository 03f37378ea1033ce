import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { report, world } from "@/tests/chaos/support/world";

/**
 * Replays the malformed-input probe of issue 10 against the running production server: every route in
 * app/ × the inputs that once answered 500 (broken %-escapes in dynamic segments, NUL bytes, year 0,
 * TRACE and writes to pages, forged forwarded headers…). No answer may be a 5xx, no input may come back
 * unescaped in the body, and every HTML answer carries the Content-Security-Policy.
 */

const BASE_URL = world.baseUrl;

/** Where a reflected input would show: a tag no page has. */
const MARKER = "<x-fuzz-7f3a>";
const MARKER_ENCODED = encodeURIComponent(MARKER);

/** Valid-looking values for each dynamic segment name, so query and method probes reach the page. */
const SAMPLE_SEGMENTS: Record<string, string> = {
  date: "2025-01-22",
  week: "2025-W04",
  month: "2025-01",
  id: "2501.12948",
  username: "no-such-reader",
  token: "a".repeat(43),
  feed: "daily.xml",
  nextauth: "session",
};

/** What goes into a dynamic segment (already written as it goes on the wire). */
const MALFORMED_SEGMENTS = [
  "%E2%82", // truncated UTF-8
  "%zz", // not hex
  "%C0%AF", // overlong "/"
  "%",
  "%E2%82%AC%E2", // valid then truncated
  "a%00b", // NUL
  "%0d%0aSet-Cookie:%20fuzz=1", // header injection attempt
  "%25zz", // double-encoded broken escape
  MARKER_ENCODED,
  "..%2F..%2F..%2Fetc%2Fpasswd",
  "x".repeat(2500),
];

/** Query strings tried on every route. */
const MALFORMED_QUERIES = [
  "q=%00",
  "q=a%00b",
  `q=${MARKER_ENCODED}`,
  "date=0000-01-01",
  "month=0000-01",
  "month=0001-01",
  "week=0000-W01",
  "submitter=a%00",
  "page=%00",
  "page=1e3",
  "p=-1&limit=1e3",
  "callbackUrl=foo",
  "error=%01",
  `error=${MARKER_ENCODED}`,
  "q=%E2%82",
];

const WRITE_METHODS = ["POST", "PUT", "DELETE", "PATCH"];
const FORGED_HEADERS: Record<string, string>[] = [
  { "X-Forwarded-Proto": "javascript" },
  { "X-Forwarded-Host": "a b" },
  { "X-Forwarded-Host": "evil.example/x?" },
];

/**
 * Bodies tried on the vote endpoint, with a session cookie that names no session: each must be refused
 * with a 4xx (malformed, too large, or signed out), never a 5xx.
 */
const VOTE_BODIES = [
  "",
  "{",
  "null",
  "[]",
  '"x"',
  "{}",
  '{"paperId":"2501.12948"}',
  '{"paperId":"2501.12948","upvoted":"yes"}',
  '{"paperId":"2501.12948\u0000","upvoted":true}',
  `{"paperId":"${MARKER}","upvoted":true}`,
  '{"paperId":"9999.99999","upvoted":true}',
  '{"paperId":"2501.12948","upvoted":true,"__proto__":{"x":1}}',
  '{"paperId":"2501.12948","upvoted":true}',
  '{"paperId":"2501.12948","upvoted":false}',
  `{"paperId":"${"9".repeat(5000)}","upvoted":true}`,
];

/**
 * Issue 20, item 5: requests that reached Next.js and answered 500. Each must be refused with a 4xx that
 * carries the security headers. They are sent to a real server action of the home page.
 */
const ACTION_BODIES: { contentType: string; body: string }[] = [
  { contentType: "text/plain;charset=UTF-8", body: "{" },
  { contentType: "text/plain;charset=UTF-8", body: "" },
  { contentType: "text/plain;charset=UTF-8", body: '["$Q99"]' },
  { contentType: "text/plain;charset=UTF-8", body: "[1,2" },
  { contentType: "text/plain;charset=UTF-8", body: '["$Q1", "$D"]' },
  { contentType: "text/plain;charset=UTF-8", body: "[".repeat(20_000) },
  { contentType: "text/plain;charset=UTF-8", body: '"\u0000"' },
  { contentType: "multipart/form-data; boundary=fuzz", body: "not multipart at all" },
  { contentType: "multipart/form-data", body: "--x\r\n\r\n" },
  {
    contentType: "multipart/form-data; boundary=fuzz",
    body: '--fuzz\r\nContent-Disposition: form-data; name="0"\r\n\r\n{broken\r\n--fuzz--\r\n',
  },
  { contentType: "application/x-www-form-urlencoded", body: "a=%zz&b" },
];

/** The id of a server action the home page takes, from the build's manifest. */
function homePageActionId(): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(world.distDir, "server", "app", "page", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, unknown> };
  const id = Object.keys(manifest.node)[0];
  if (!id) throw new Error("the home page has no server action");
  return id;
}

/** The security headers every answer carries (next.config.ts), and the policy on HTML. */
function securityHeadersMissing(headers: Headers): string | null {
  const missing = ["x-content-type-options", "x-frame-options", "referrer-policy"].filter((name) => !headers.get(name));
  return missing.length ? `without ${missing.join(", ")}` : null;
}

/** The probes of item 5: malformed action bodies, a 20 MB body, foreign origins, a broken router state, `OPTIONS *`. */
function requestPathProbes(actionId: string): Probe[] {
  const refused = (what: string) => (status: number, headers: Headers) =>
    status >= 400 && status < 500
      ? securityHeadersMissing(headers) && `${what}: ${securityHeadersMissing(headers)}`
      : `${what} answered ${status}, not a 4xx`;
  const action = (headers: Record<string, string>) => ({ "next-action": actionId, origin: BASE_URL, ...headers });
  const probes: Probe[] = ACTION_BODIES.map(({ contentType, body }) => ({
    method: "POST",
    path: "/",
    headers: action({ "content-type": contentType }),
    body,
    expect: refused("a malformed action body"),
  }));
  probes.push(
    {
      method: "POST",
      path: "/",
      headers: action({ "content-type": "text/plain;charset=UTF-8" }),
      body: "x".repeat(20 * 1024 * 1024),
      expect: refused("a 20 MB action body"),
    },
    ...["https://evil.example", "null"].map((origin) => ({
      method: "POST",
      path: "/",
      headers: action({ "content-type": "text/plain;charset=UTF-8", origin }),
      body: "[]",
      expect: refused(`an action from Origin ${origin}`),
    })),
    ...["garbage", "%E2%82", '["",{"children":"x"}]'].map((tree) => ({
      method: "GET",
      path: "/papers/trending",
      headers: { rsc: "1", "next-router-state-tree": tree },
      expect: refused(`an RSC request with Next-Router-State-Tree ${tree}`),
    })),
    { method: "OPTIONS", path: "*", expect: refused("OPTIONS *") },
  );
  return probes;
}

interface Route {
  /** "/papers/date/[date]" */
  template: string;
  kind: "page" | "handler";
  /** Dynamic segment names in order. */
  params: string[];
}

/** Every page and route handler under app/, with its dynamic segments. */
function listRoutes(): Route[] {
  const root = path.resolve(import.meta.dirname, "../../app");
  const routes: Route[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name;
        // Private folders, parallel and intercepting routes are not URLs of their own.
        if (name.startsWith("_") || name.startsWith("@") || name.startsWith("(.")) continue;
        walk(path.join(dir, name), /^\(.*\)$/.test(name) ? segments : [...segments, name]);
      } else if (/^page\.(tsx?|jsx?)$/.test(entry.name) || /^route\.(tsx?|jsx?)$/.test(entry.name)) {
        routes.push({
          template: `/${segments.join("/")}`,
          kind: entry.name.startsWith("page") ? "page" : "handler",
          params: segments.filter((s) => s.startsWith("[")).map((s) => s.replace(/^\[+(\.\.\.)?|\]+$/g, "")),
        });
      }
    }
  };
  walk(root, []);
  return routes.sort((a, b) => a.template.localeCompare(b.template));
}

/** The route's URL with each dynamic segment given by `value` (the sample when undefined). */
function fill(route: Route, value?: (param: string) => string): string {
  return route.template.replace(/\[+(?:\.\.\.)?([^\]]+)\]+/g, (_, name: string) =>
    value ? value(name) : (SAMPLE_SEGMENTS[name] ?? "x"),
  );
}

interface Probe {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Statuses this probe must answer with, beyond "not a 5xx". */
  expect?: (status: number, headers: Headers) => string | null;
}

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

function buildProbes(routes: Route[]): Probe[] {
  const probes: Probe[] = [];
  for (const route of routes) {
    const sample = fill(route);
    for (const query of MALFORMED_QUERIES) probes.push({ method: "GET", path: `${sample}?${query}` });
    for (const headers of FORGED_HEADERS) probes.push({ method: "GET", path: sample, headers });
    probes.push({
      method: "TRACE",
      path: sample,
      expect: (status) => (status === 405 ? null : `TRACE answered ${status}, not 405`),
    });
    if (route.kind === "page") {
      for (const method of WRITE_METHODS) {
        probes.push({
          method,
          path: sample,
          expect: (status, headers) =>
            status === 405 && headers.get("allow") === "GET, HEAD"
              ? null
              : `${method} to a page answered ${status} (Allow: ${headers.get("allow")}), not 405 with Allow: GET, HEAD`,
        });
      }
    }
    for (const param of route.params) {
      for (const segment of MALFORMED_SEGMENTS) {
        const broken = !decodes(segment);
        probes.push({
          method: "GET",
          path: fill(route, (name) => (name === param ? segment : (SAMPLE_SEGMENTS[name] ?? "x"))),
          expect: broken
            ? (status) => ([400, 404].includes(status) ? null : `a malformed escape answered ${status}`)
            : undefined,
        });
      }
    }
  }
  const vote = {
    origin: BASE_URL,
    "content-type": "application/json",
    cookie: "authjs.session-token=fuzz-no-such-session",
  };
  for (const body of VOTE_BODIES) {
    probes.push({
      method: "POST",
      path: "/api/upvotes",
      headers: vote,
      body,
      expect: (status) => ([400, 401, 413].includes(status) ? null : `a vote's body answered ${status}`),
    });
  }
  // Cross-site, not JSON, no cookie: refused before anything is read.
  for (const headers of [
    { ...vote, origin: "https://evil.example" },
    { ...vote, origin: "null" },
    { ...vote, "content-type": "text/plain" },
    { origin: BASE_URL, "content-type": "application/json" },
  ]) {
    probes.push({
      method: "POST",
      path: "/api/upvotes",
      headers,
      body: '{"paperId":"2501.12948","upvoted":true}',
      expect: (status) => ([400, 401, 403].includes(status) ? null : `a refused vote answered ${status}`),
    });
  }
  // Unknown addresses under the machine prefixes answer HTML 404s, which need the policy too.
  for (const missing of ["/api/no-such-endpoint", "/feeds/no-such-feed", "/no-such-page"]) {
    probes.push({ method: "GET", path: missing });
  }
  return probes;
}

interface Finding {
  probe: string;
  problem: string;
}

interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

/**
 * One raw HTTP exchange. node:http rather than fetch: fetch refuses TRACE, and must not tidy the path
 * (the broken escapes are the point).
 */
function send(probe: Probe): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const base = new URL(BASE_URL);
    const request = http.request(
      {
        host: base.hostname,
        port: base.port,
        path: probe.path,
        method: probe.method,
        headers: { accept: "text/html,application/json;q=0.9,*/*;q=0.8", ...probe.headers },
        timeout: 20_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
          }
          resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString("utf8") });
        });
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out after 20 s")));
    request.on("error", reject);
    request.end(probe.body);
  });
}

async function runProbe(probe: Probe): Promise<Finding[]> {
  const label = `${probe.method} ${probe.path.slice(0, 120)}${probe.headers ? ` ${JSON.stringify(probe.headers)}` : ""}${
    probe.body === undefined ? "" : ` ${probe.body.slice(0, 80)}`
  }`;
  const findings: Finding[] = [];
  let answer: Answer;
  try {
    answer = await send(probe);
  } catch (error) {
    return [{ probe: label, problem: `no answer: ${(error as Error).message}` }];
  }
  const { status, headers, body } = answer;
  if (status >= 500) findings.push({ probe: label, problem: `answered ${status}` });
  const problem = probe.expect?.(status, headers);
  if (problem) findings.push({ probe: label, problem });
  if (body.includes(MARKER)) findings.push({ probe: label, problem: "reflected the input unescaped" });
  // A component that threw inside <Suspense> streams a 200 whose boundary the browser turns into the
  // error page; React marks it with the error's digest (Next's own notFound/redirect digests aside).
  if (/data-dgst="(?!NEXT_)/.test(body)) findings.push({ probe: label, problem: `streamed an error (${status})` });
  if (headers.get("set-cookie")?.includes("fuzz=1")) {
    findings.push({ probe: label, problem: "let a header be injected" });
  }
  if ((headers.get("content-type") ?? "").includes("text/html") && !headers.get("content-security-policy")) {
    findings.push({ probe: label, problem: `HTML answer (${status}) without a Content-Security-Policy` });
  }
  return findings;
}

/** Runs `probes` a few at a time: bounded load on a shared machine, still quick. */
async function runAll(probes: Probe[], concurrency = 4): Promise<Finding[]> {
  const findings: Finding[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < probes.length) {
        const probe = probes[next++]!;
        findings.push(...(await runProbe(probe)));
      }
    }),
  );
  return findings;
}

describe("fuzz: every route × the malformed inputs of issue 10", () => {
  it(
    "answers every probe without a 5xx, a reflected input or a page without its policy",
    { timeout: 300_000 },
    async () => {
      const routes = listRoutes();
      expect(routes.length).toBeGreaterThan(15);
      const probes = [...buildProbes(routes), ...requestPathProbes(homePageActionId())];
      const started = Date.now();
      const findings = await runAll(probes);
      report("fuzz", {
        routes: routes.length,
        requests: probes.length,
        seconds: Number(((Date.now() - started) / 1000).toFixed(1)),
        fiveHundreds: findings.filter((f) => /^answered 5/.test(f.problem)).length,
        findings: findings.length,
      });
      expect(findings.map((f) => `${f.probe} → ${f.problem}`)).toEqual([]);
    },
  );
});
