import "server-only";
import { headers } from "next/headers";
import { clientKey } from "@/lib/auth/sign-in-limits";
import { appUrl, loadEnv, type Env } from "@/lib/env";

/** Where the development mailbox is read. */
export const DEV_MAILBOX_PATH = "/dev/mail";

/** Whether `address` (an IP as a server sees it, "::ffff:127.0.0.1" included) is this machine. */
export function isLoopbackAddress(address: string): boolean {
  const ip = address
    .trim()
    .toLowerCase()
    .replace(/^::ffff:/, "");
  return ip === "::1" || /^127(\.\d{1,3}){3}$/.test(ip);
}

/** Whether the site's own address (APP_URL, else http://localhost:PORT) is on this machine. */
function siteIsLocal(env: Env): boolean {
  const host = new URL(appUrl(env)).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || isLoopbackAddress(host);
}

/**
 * Whether the development mailbox — mail kept instead of sent because SMTP_URL is unset — may be shown to
 * `client` (the request's address, as lib/auth/sign-in-limits.ts's `clientKey` reads it). It holds sign-in
 * links, so whoever reads it can sign in as anyone: it must never be open on a public site. Open only when no
 * mail server is configured, and then
 * - under `npm run dev` (a developer's machine), or
 * - when the operator asked for it (DEV_MAILBOX=true), or
 * - when the site's address is this machine (APP_URL unset or localhost) and the request comes from this
 *   machine: the two-command demo. A site behind a proxy has a public APP_URL (TRUSTED_PROXY_HOPS requires
 *   one), so a request relayed by a proxy on the same machine does not open it.
 */
export function devMailboxOpen(env: Env, client: string): boolean {
  if (env.SMTP_URL) return false;
  if (env.NODE_ENV === "development" || env.DEV_MAILBOX) return true;
  return siteIsLocal(env) && isLoopbackAddress(client);
}

/** Where this request's sign-in mail goes: a mail server, the development mailbox this reader may open, or the log. */
export type MailDestination = "smtp" | "mailbox" | "log";

/** {@link devMailboxOpen} for the request being rendered, as where its reader's mail can be found. */
export async function mailDestination(): Promise<MailDestination> {
  const env = loadEnv();
  if (env.SMTP_URL) return "smtp";
  return devMailboxOpen(env, clientKey(await headers(), env.TRUSTED_PROXY_HOPS)) ? "mailbox" : "log";
}
