import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { query, world } from "@/tests/chaos/support/world";
import { BAD_SIGN_IN_ADDRESSES } from "@/tests/support/bad-sign-in-addresses";

/**
 * Replays the sign-in mail probe of issue 10 against the running production server: 25 requests for one
 * address sent 25 mails in 1.6 s, through the sign-in page's server action and through Auth.js's own
 * `POST /api/auth/signin/nodemailer` (which also took `<script>@example.com`). Now each address gets at
 * most 3 links per 15 minutes and each client at most 10, on both paths, however the client fills in
 * X-Forwarded-For; only the newest link works;
 * bad addresses get nothing.
 */

const BASE_URL = world.baseUrl;
/** Where an SMTP sink writes the messages it accepts, when the server sends through one. */
const MAIL_DIR = process.env.CHAOS_MAIL_DIR;

const PER_ADDRESS = 3;
const PER_CLIENT = 10;
const ATTEMPTS = 25;

/** Mails that reached `address`: the Outbox (no SMTP_URL) plus what an SMTP sink wrote. */
async function mailsTo(address: string): Promise<number> {
  const [row] = await query<{ n: string }>(`select count(*) as n from "OutboxMessage" where lower("to") = lower($1)`, [
    address,
  ]);
  const inSink =
    address && MAIL_DIR && fs.existsSync(MAIL_DIR)
      ? fs.readdirSync(MAIL_DIR).filter((file) => file.toLowerCase().includes(address.toLowerCase())).length
      : 0;
  return Number(row?.n ?? 0) + inSink;
}

async function tokensFor(address: string): Promise<number> {
  const [row] = await query<{ n: string }>(`select count(*) as n from "VerificationToken" where identifier = $1`, [
    address.toLowerCase(),
  ]);
  return Number(row?.n ?? 0);
}

/** A fresh documentation-range client address: tests of the per-address limit must not hit the client one. */
function randomIp(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

function freshAddress(label: string): string {
  return `chaos-signin-${label}-${randomUUID().slice(0, 8)}@example.test`;
}

/** Asks for a link through Auth.js's own endpoint, as a script would (CSRF token first). */
async function askAuthJs(email: string, ip: string): Promise<Response> {
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = (csrf.headers.get("set-cookie") ?? "").split(";")[0]!;
  return fetch(`${BASE_URL}/api/auth/signin/nodemailer`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": ip },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: "/" }),
  });
}

let actionFields: [string, string][] | undefined;

/**
 * Asks for a link through the sign-in page's server action, posted the way a browser posts the form
 * before its JavaScript has run (the action's id travels in the form's hidden fields).
 * @returns the page's answer (its status line names the outcome)
 */
async function askServerAction(email: string, ip: string): Promise<{ status: number; body: string }> {
  if (!actionFields) {
    const html = await (await fetch(`${BASE_URL}/signin`, { headers: { "x-forwarded-for": ip } })).text();
    const form =
      [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].find((match) => match[1]!.includes('name="email"'))?.[1] ??
      "";
    actionFields = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)]
      .filter((match) => match[1]!.startsWith("$ACTION"))
      .map((match) => [match[1]!, (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&")]);
    if (!actionFields.length) throw new Error("The sign-in form has no server-action fields: has the page changed?");
  }
  const body = new FormData();
  for (const [name, value] of actionFields) body.append(name, value);
  body.append("callbackUrl", "/");
  body.append("email", email);
  const response = await fetch(`${BASE_URL}/signin`, {
    method: "POST",
    redirect: "manual",
    headers: { "x-forwarded-for": ip, origin: new URL(BASE_URL).origin },
    body,
  });
  return { status: response.status, body: await response.text() };
}

const paths = {
  "the sign-in page's server action": async (email: string, ip: string) => (await askServerAction(email, ip)).status,
  "Auth.js's POST /api/auth/signin/nodemailer": async (email: string, ip: string) =>
    (await askAuthJs(email, ip)).status,
};

describe("sign-in mail limits (issue 10)", () => {
  afterAll(async () => {
    await query(`delete from "User" where email like 'chaos-signin-%'`);
    await query(`delete from "VerificationToken" where identifier like 'chaos-signin-%'`);
  });

  for (const [name, ask] of Object.entries(paths)) {
    describe(name, () => {
      it(`sends one address at most ${PER_ADDRESS} links for ${ATTEMPTS} requests, and only the newest works`, async () => {
        const address = freshAddress("address");
        // Control: the first request does send a mail, so counting them works on this server.
        expect(await ask(address, randomIp())).toBeLessThan(500);
        expect(await mailsTo(address)).toBe(1);
        const statuses: number[] = [];
        for (let i = 1; i < ATTEMPTS; i++) statuses.push(await ask(address, randomIp()));
        expect(statuses.filter((status) => status >= 500)).toEqual([]);
        expect(await mailsTo(address)).toBe(PER_ADDRESS);
        expect(await tokensFor(address)).toBe(1);
      });

      it(`sends one client at most ${PER_CLIENT} links, whatever the addresses`, async () => {
        const ip = randomIp();
        const addresses = Array.from({ length: PER_CLIENT + 5 }, (_, i) => freshAddress(`client${i}`));
        for (const address of addresses) expect(await ask(address, ip)).toBeLessThan(500);
        let sent = 0;
        for (const address of addresses) sent += await mailsTo(address);
        expect(sent).toBe(PER_CLIENT);
      });

      it(`counts a client that writes a new address into X-Forwarded-For each time as one client`, async () => {
        // The server trusts one proxy (TRUSTED_PROXY_HOPS=1: this suite): the entry the proxy wrote is `ip`;
        // what the client wrote before it changes with every request and must not open a new allowance.
        const ip = randomIp();
        const addresses = Array.from({ length: PER_CLIENT + 5 }, (_, i) => freshAddress(`spoof${i}`));
        for (const address of addresses) expect(await ask(address, `${randomIp()}, ${ip}`)).toBeLessThan(500);
        let sent = 0;
        for (const address of addresses) sent += await mailsTo(address);
        expect(sent).toBe(PER_CLIENT);
      });

      it("refuses bad addresses and sends them nothing", async () => {
        for (const address of BAD_SIGN_IN_ADDRESSES) {
          const status = await ask(address, randomIp());
          expect(status, JSON.stringify(address)).toBeLessThan(500);
          expect(await mailsTo(address), JSON.stringify(address)).toBe(0);
          expect(await tokensFor(address), JSON.stringify(address)).toBe(0);
        }
      });
    });
  }

  it("tells the reader in a sentence when the limit is reached, on the page and through Auth.js", async () => {
    const address = freshAddress("sentence");
    for (let i = 0; i < PER_ADDRESS; i++) await askServerAction(address, randomIp());
    const limited = await askServerAction(address, randomIp());
    expect(limited.body).toContain("Too many sign-in links were asked for");
    const viaAuthJs = await askAuthJs(address, randomIp());
    expect(viaAuthJs.status).toBe(302);
    const location = viaAuthJs.headers.get("location") ?? "";
    expect(location).toBe("/signin?error=EmailLimit");
    const page = await (await fetch(`${BASE_URL}${location}`)).text();
    expect(page).toContain("Too many sign-in links were asked for");
    expect(await mailsTo(address)).toBe(PER_ADDRESS);
  });

  it("voids the earlier link when a newer one is sent", async () => {
    const address = freshAddress("newest");
    await askAuthJs(address, randomIp());
    await askAuthJs(address, randomIp());
    const mails = await query<{ text: string }>(
      `select text from "OutboxMessage" where "to" = $1 order by "createdAt" asc`,
      [address],
    );
    expect(mails).toHaveLength(2);
    const links = mails.map(
      (mail) => new URL(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/.exec(mail.text)![0]),
    );
    const older = await fetch(`${BASE_URL}${links[0]!.pathname}${links[0]!.search}`, { redirect: "manual" });
    expect(older.headers.get("location")).toMatch(/error=Verification/);
    const newer = await fetch(`${BASE_URL}${links[1]!.pathname}${links[1]!.search}`, { redirect: "manual" });
    expect(newer.headers.get("location") ?? "").not.toMatch(/error=/);
    expect(newer.headers.get("set-cookie") ?? "").toMatch(/authjs\.session-token=/);
  });
});
