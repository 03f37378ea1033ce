import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { loadEnv } from "@/lib/env";
import { consumeAllowance, rateLimit, tryAgainIn } from "@/lib/rate-limits";

/**
 * Sign-in links are mail we send to an address someone else typed: without limits anyone can flood an
 * inbox (the probe got 25 mails out in 1.6 s) or spend our sending reputation. Both ways in — the sign-in
 * page's server action and Auth.js's own `POST /api/auth/signin/nodemailer` — go through
 * `allowSignInEmail`, so the limits hold whichever is used (per client and per address, lib/rate-limits.ts).
 */

/**
 * An address we will send a sign-in link to. Stricter than Auth.js's own check, which let
 * `<script>@example.com` and `a@[127.0.0.1]` through: a plain mailbox at a domain name.
 */
export const signInEmailSchema = z
  .string("Enter your email address.")
  .trim()
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address."))
  .transform(normalizeEmail);

/** The form Auth.js stores and compares identifiers in (its own normaliser's: NFKC, lowercase, trimmed). */
export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

/** Providers that deliver `a.b.c@` to `abc@` (Google says so of Gmail); elsewhere a dot may be a different person. */
const DOTLESS_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * The inbox an address (normalised by `signInEmailSchema`) delivers to, as the per-address limit counts it:
 * `+tag` sub-addresses dropped (`ada+1@` and `ada+2@` both reach `ada@` at nearly every provider), and at Gmail
 * the dots too, with googlemail.com as gmail.com. Only a key: the link still goes to the address typed.
 */
export function mailboxKey(email: string): string {
  const at = email.lastIndexOf("@");
  let local = email.slice(0, at);
  let domain = email.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (DOTLESS_DOMAINS.has(domain)) {
    domain = "gmail.com";
    local = local.replaceAll(".", "") || local;
  }
  return `${local}@${domain}`;
}

/**
 * Who is asking, for the per-client limit: the X-Forwarded-For entry `trustedHops` from the right. The app's
 * own server (`scripts/serve.ts`) appends the address that connected to it, and each trusted proxy in front
 * appends the one that connected to it, so that entry is the client as the outermost trusted proxy saw it;
 * anything left of it was sent by the client and could be anything. Without the header (`next dev`), one shared
 * bucket.
 */
export function clientKey(headers: Headers, trustedHops = loadEnv().TRUSTED_PROXY_HOPS): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const client = hops[Math.max(0, hops.length - 1 - trustedHops)] ?? "unknown";
  return client.slice(0, 100).toLowerCase();
}

export type SignInAllowance = { allowed: true } | { allowed: false; message: string };

/** The sentence a limited reader sees; it never says whether the address has an account. */
export function signInLimitedMessage(retryAfterSeconds: number): string {
  return `Too many sign-in links were asked for. Check your inbox for the last one. ${tryAgainIn(retryAfterSeconds)}`;
}

/**
 * Counts one sign-in mail for `email` (already normalised) asked for by the client of `headers`, and
 * says whether it may be sent. The client is counted first, so one client cannot use up many addresses'
 * allowances beyond its own; the address is counted by the inbox it reaches (`mailboxKey`).
 */
export async function allowSignInEmail(email: string, headers: Headers): Promise<SignInAllowance> {
  const client = await consumeAllowance(rateLimit("sign-in-client"), hashed(clientKey(headers)));
  if (!client.allowed) return { allowed: false, message: signInLimitedMessage(client.retryAfterSeconds) };
  const address = await consumeAllowance(rateLimit("sign-in-address"), hashed(mailboxKey(email)));
  if (!address.allowed) return { allowed: false, message: signInLimitedMessage(address.retryAfterSeconds) };
  return { allowed: true };
}

/** The limiter table keeps keys, not addresses or IPs. */
function hashed(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}
