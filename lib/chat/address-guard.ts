import "server-only";
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { AppError } from "@/lib/errors";

/**
 * The SSRF rule of team chat webhooks: an admin types a URL, and the worker posts to it, so the URL must not
 * become a way into the app's own network. Only http(s); and unless the webhook allows private addresses, every
 * address its host resolves to must be public unicast: loopback, private (RFC 1918), carrier-grade NAT, unique
 * local, link-local (the cloud metadata address 169.254.169.254 among them), multicast, unspecified, reserved
 * and documentation ranges, and the IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo) are
 * refused. The ranges are ipaddr.js's, not ours. Checked when the webhook is saved and again on every post,
 * whose connection goes to an address this module's `lookup` checked (so DNS cannot answer differently later).
 */

/** Resolves a host name to all its addresses, as `dns.lookup` does; injectable for tests. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/** Why `address` may not be posted to without the private-address choice ("loopback"), or null if it is public. */
export function refusedRange(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  // process() turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 address it carries.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  return range === "unicast" ? null : (RANGE_NAMES[range] ?? range);
}

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private (RFC 1918) address",
  carrierGradeNat: "a carrier-grade NAT address",
  uniqueLocal: "a unique local IPv6 address",
  linkLocal: "a link-local address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  unspecified: "the unspecified address",
  reserved: "a reserved address",
  benchmarking: "a benchmarking address",
};

/** The URL's host as an address or a name, without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/** The URL parsed, or an INVALID_INPUT sentence; only absolute http(s) URLs pass. Never echoes the URL. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError("INVALID_INPUT", "That is not a web address: paste the webhook URL your chat gave you.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new AppError("INVALID_INPUT", "A webhook URL must start with https:// (or http://).");
  }
  if (!url.hostname) throw new AppError("INVALID_INPUT", "That webhook URL has no host.");
  return url;
}

function refusal(address: string, range: string): AppError {
  return new AppError(
    "INVALID_INPUT",
    `That webhook's host is ${range} (${address}): posting there needs “Allow private and loopback addresses”.`,
  );
}

/**
 * Checks a webhook URL as the rule above says: its scheme, and (unless `allowPrivate`) every address its host
 * resolves to. Throws an INVALID_INPUT `AppError` with a sentence that names the address, never the URL; a host
 * name that cannot be resolved now is an UPSTREAM_FAILED one (a resolver's hiccup passes: a post then waits for
 * its next try rather than failing for good).
 */
export async function checkWebhookUrl(
  raw: string,
  options: { allowPrivate: boolean; resolve?: Resolve },
): Promise<URL> {
  const url = parseWebhookUrl(raw);
  if (options.allowPrivate) return url;
  const host = hostOf(url);
  if (isIP(host)) {
    const range = refusedRange(host);
    if (range) throw refusal(host, range);
    return url;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await (options.resolve ?? systemResolve)(host);
  } catch {
    throw new AppError("UPSTREAM_FAILED", HOST_NOT_FOUND);
  }
  if (addresses.length === 0) throw new AppError("UPSTREAM_FAILED", HOST_NOT_FOUND);
  for (const { address } of addresses) {
    const range = refusedRange(address);
    if (range) throw refusal(address, range);
  }
  return url;
}

const HOST_NOT_FOUND = "The webhook's host name could not be found.";

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for the socket a post opens: resolves the host and refuses (ECONNREFUSED-like error carrying the
 * refusal's sentence) when any address is not public, so the connection goes to an address that was checked in
 * the same breath. Node calls it for host names only; `checkWebhookUrl` covers addresses written in the URL.
 */
export function guardedLookup(resolve: Resolve = systemResolve) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : null;
        const usable = wanted ? addresses.filter((a) => a.family === wanted) : addresses;
        for (const { address } of usable) {
          const range = refusedRange(address);
          if (range) return callback(Object.assign(refusal(address, range), { code: "EADDRREFUSED" }), "");
        }
        if (usable.length === 0) {
          return callback(Object.assign(new Error("no address"), { code: "ENOTFOUND" }), "");
        }
        if (options.all) return callback(null, usable);
        return callback(null, usable[0]!.address, usable[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}
