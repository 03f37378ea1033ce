import { setTimeout as sleep } from "node:timers/promises";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query, world } from "@/tests/chaos/support/world";
import { startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";
import { TSX_NODE_ARGS } from "@/tools/tsx-node-args";

/**
 * Issue 20, items 1 and 2, probed on production servers of the chaos build that mail through a real SMTP
 * sink (tests/support/smtp-sink.ts):
 * - the default install (no APP_URL, no trusted proxy) mailed a sign-in link on whatever origin the form's
 *   `Host` or `X-Forwarded-Host` named (`http://evil.example/api/auth/callback/nodemailer?…&token=…`): every
 *   link must now be on the address the server listens on;
 * - `email=decoy@…&email=victim@…` counted the decoy and mailed the victim (6 of 6 against a limit of 3), and
 *   `+tag` variants put 8 of 8 into one inbox: the limit must count the inbox.
 */

const root = path.resolve(import.meta.dirname, "../..");
const AUTH_SECRET = "test-secret-that-is-long-enough-for-auth-js-0123456789";
/** The ports this suite's extra servers may take (the workplace's range for them): the first free ones. */
const EXTRA_PORTS = Array.from({ length: 10 }, (_, i) => 3300 + i);
const PER_ADDRESS = 3;

interface Server {
  url: string;
  port: number;
  sink: SmtpSink;
  mailDir: string;
  stop(): Promise<void>;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

async function freeExtraPort(): Promise<number> {
  for (const port of EXTRA_PORTS) if (await isFree(port)) return port;
  throw new Error(`No free port among ${EXTRA_PORTS.join(", ")}.`);
}

/** The production server as `npm start` runs it, on this suite's build and database, mailing into a sink. */
async function startServer(env: (port: number) => Record<string, string>): Promise<Server> {
  const port = await freeExtraPort();
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "chaos-origin-mail-"));
  const sink = await startSmtpSink(mailDir);
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith("VITEST") && !["APP_URL", "TRUSTED_PROXY_HOPS", "SMTP_URL"].includes(key),
    ),
  );
  const log = fs.openSync(path.join(path.dirname(world.serverLog), `server-${port}.log`), "w");
  const server: ChildProcess = spawn(
    process.execPath,
    [...TSX_NODE_ARGS, path.join(root, "scripts", "serve.ts"), "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: root,
      env: {
        ...inherited,
        NODE_ENV: "production",
        NEXT_DIST_DIR: path.relative(root, world.distDir),
        NEXT_TELEMETRY_DISABLED: "1",
        AUTH_SECRET,
        DATABASE_URL: world.databaseUrl,
        SMTP_URL: sink.url,
        DIGEST_WORKER: "false",
        ...env(port),
      },
      stdio: ["ignore", log, log],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server on ${port} exited (${server.exitCode})`);
    const ok = await fetch(`${url}/api/daily_papers`, { signal: AbortSignal.timeout(5000) })
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`the server on ${port} did not answer within 90 s`);
    await sleep(250);
  }
  return {
    url,
    port,
    sink,
    mailDir,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        const timer = setTimeout(() => server.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.closeSync(log);
      await sink.stop();
      fs.rmSync(mailDir, { recursive: true, force: true });
    },
  };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with exactly the headers given (fetch will not send a Host of our choosing). */
function request(
  base: string,
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path: pathname, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Asks for a link through Auth.js's own endpoint with `headers` (a hostile Host, say), CSRF token first. */
async function askAuthJs(base: string, fields: [string, string][], headers: Record<string, string>): Promise<Answer> {
  const csrf = await request(base, "GET", "/api/auth/csrf", headers);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = String(csrf.headers["set-cookie"]?.[0] ?? "").split(";")[0]!;
  const body = new URLSearchParams([...fields, ["csrfToken", csrfToken], ["callbackUrl", "/"]]).toString();
  return request(
    base,
    "POST",
    "/api/auth/signin/nodemailer",
    {
      ...headers,
      cookie,
      "content-type": "application/x-www-form-urlencoded",
      "content-length": String(Buffer.byteLength(body)),
    },
    body,
  );
}

/**
 * Asks through the sign-in page's server action, posted as a browser posts the form before its JavaScript
 * runs (the action's id is in the form's hidden fields), with `headers`.
 */
async function askServerAction(
  base: string,
  fields: [string, string][],
  headers: Record<string, string>,
): Promise<Answer> {
  const page = await request(base, "GET", "/signin", headers);
  const form = [...page.body.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].find((match) =>
    match[1]!.includes('name="email"'),
  )?.[1];
  const actionFields = [...(form ?? "").matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)]
    .filter((match) => match[1]!.startsWith("$ACTION"))
    .map((match): [string, string] => [match[1]!, (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&")]);
  if (!actionFields.length) throw new Error("The sign-in form has no server-action fields: has the page changed?");
  const posted = new FormData();
  const all: [string, string][] = [...actionFields, ["callbackUrl", "/"], ...fields];
  for (const [name, value] of all) posted.append(name, value);
  const encoded = new Response(posted);
  const body = Buffer.from(await encoded.arrayBuffer());
  return request(
    base,
    "POST",
    "/signin",
    {
      ...headers,
      "content-type": encoded.headers.get("content-type")!,
      "content-length": String(body.length),
    },
    body,
  );
}

/** The sign-in links the sink received for `address`. */
async function linksTo(server: Server, address: string): Promise<URL[]> {
  const files = fs.readdirSync(server.mailDir).filter((file) => file.endsWith(`-${address}.eml`));
  const links: URL[] = [];
  for (const file of files) {
    const mail = await simpleParser(fs.readFileSync(path.join(server.mailDir, file)));
    const link = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/.exec(mail.text ?? "")?.[0];
    if (link) links.push(new URL(link));
  }
  return links;
}

function freshAddress(label: string, domain = "example.test"): string {
  return `chaos-origin-${label}-${randomUUID().slice(0, 8)}@${domain}`;
}

function randomIp(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

afterAll(async () => {
  await query(`delete from "User" where email like 'chaos-origin-%'`);
  await query(`delete from "VerificationToken" where identifier like 'chaos-origin-%'`);
});

describe("sign-in links on the default install (no APP_URL): issue 20, item 1", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer(() => ({}));
    // No trusted proxy: every request here is the one client 127.0.0.1, whose allowance (10 links per 15
    // minutes, kept in the database) an earlier run on this database may have spent.
    const loopback = createHash("sha256").update("127.0.0.1").digest("base64url");
    await query(`delete from "RateLimiterFlexible" where key = $1`, [`sign-in-client:${loopback}`]);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  const hostile: Record<string, Record<string, string>> = {
    "Host: evil.example": { host: "evil.example", origin: "http://evil.example" },
    "X-Forwarded-Host: evil.example": {
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      origin: "https://evil.example",
    },
  };
  const paths = { "Auth.js's endpoint": askAuthJs, "the sign-in page's server action": askServerAction };

  for (const [pathName, ask] of Object.entries(paths)) {
    for (const [headerName, headers] of Object.entries(hostile)) {
      it(`mails a link on the served address, not evil.example, for a form posted through ${pathName} with ${headerName}`, async () => {
        const address = freshAddress("host");
        const answer = await ask(server.url, [["email", address]], headers);
        expect(answer.status).toBeLessThan(500);
        const links = await linksTo(server, address);
        // Mailed (the form is accepted, as it was when the link went to evil.example), on the served address.
        expect(links).toHaveLength(1);
        expect(links[0]!.origin).toBe(`http://localhost:${server.port}`);
        expect(links[0]!.searchParams.get("callbackUrl") ?? "").not.toContain("evil.example");
        expect(answer.body).not.toContain("evil.example");
        expect(String(answer.headers.location ?? "")).not.toContain("evil.example");
      });
    }
  }

  it("mails a link that signs in on the served address", async () => {
    const address = freshAddress("works");
    await askAuthJs(server.url, [["email", address]], {});
    const [link] = await linksTo(server, address);
    expect(link?.origin).toBe(`http://localhost:${server.port}`);
    const signedIn = await request(server.url, "GET", `${link!.pathname}${link!.search}`, {});
    expect(String(signedIn.headers["set-cookie"] ?? "")).toMatch(/authjs\.session-token=/);
  });
});

describe("the per-address limit against two email fields and +tags: issue 20, item 2", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer((port) => ({
      APP_URL: `http://127.0.0.1:${port}`,
      // The suite plays the one trusted proxy, naming a new client each time: only the address limit counts.
      TRUSTED_PROXY_HOPS: "1",
    }));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses a post to Auth.js's endpoint with two email fields (400), and mails no one", async () => {
    const decoy = freshAddress("decoy");
    const victim = freshAddress("victim");
    for (let i = 0; i < 6; i++) {
      const answer = await askAuthJs(
        server.url,
        [
          ["email", `${decoy.replace("@", `${i}@`)}`],
          ["email", victim],
        ],
        {
          "x-forwarded-for": randomIp(),
        },
      );
      expect(answer.status).toBe(400);
    }
    expect(server.sink.countFor(victim)).toBe(0);
    expect(server.sink.delivered.filter((to) => to.includes("-decoy-"))).toEqual([]);
  });

  it("refuses a sign-in form with two email fields, and mails no one", async () => {
    const decoy = freshAddress("decoy");
    const victim = freshAddress("victim");
    for (let i = 0; i < 6; i++) {
      const answer = await askServerAction(
        server.url,
        [
          ["email", decoy],
          ["email", victim],
        ],
        {
          "x-forwarded-for": randomIp(),
          origin: server.url,
        },
      );
      expect(answer.status).toBeLessThan(500);
      expect(answer.body).toContain("Enter one email address.");
    }
    expect(server.sink.countFor(victim)).toBe(0);
    expect(server.sink.countFor(decoy)).toBe(0);
  });

  it(`puts at most ${PER_ADDRESS} links into one inbox however it is +tagged or (at Gmail) dotted`, async () => {
    const local = `chaos-origin-tags-${randomUUID().slice(0, 8)}`;
    const tagged = Array.from({ length: 8 }, (_, i) => `${local}+${i}@example.test`);
    for (const address of tagged) {
      expect((await askAuthJs(server.url, [["email", address]], { "x-forwarded-for": randomIp() })).status).toBe(302);
    }
    const sentTagged = server.sink.delivered.filter((to) => to.startsWith(`${local}+`)).length;
    expect(sentTagged).toBe(PER_ADDRESS);

    const gmail = `chaosorigin${randomUUID().slice(0, 8)}`;
    const dotted = [
      gmail,
      `${gmail.slice(0, 3)}.${gmail.slice(3)}`,
      `${gmail}+x`,
      `${gmail.slice(0, 5)}.${gmail.slice(5)}+y`,
    ];
    const variants = [
      ...dotted.map((l) => `${l}@gmail.com`),
      `${gmail}@googlemail.com`,
      `${gmail.toUpperCase()}@GMAIL.COM`,
    ];
    for (const address of variants) {
      await askServerAction(server.url, [["email", address]], { "x-forwarded-for": randomIp(), origin: server.url });
    }
    const sentGmail = server.sink.delivered.filter((to) => to.replaceAll(".", "").startsWith(gmail)).length;
    expect(sentGmail).toBe(PER_ADDRESS);
    await query(`delete from "VerificationToken" where identifier like $1 or identifier like $2`, [
      `${local}%`,
      `%${gmail.slice(0, 3)}%`,
    ]);
  });
});
