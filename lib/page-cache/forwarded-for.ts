import "server-only";

/**
 * X-Forwarded-For with the address that connected to this server appended, as a proxy appends it. Next.js
 * only fills the header in when it is missing, so a client could otherwise name itself; the sign-in limit
 * per client (lib/auth/sign-in-limits.ts) counts from the right, `TRUSTED_PROXY_HOPS` entries in.
 */
export function withForwardedFor(sent: string | string[] | undefined, remoteAddress: string | undefined): string {
  const earlier = (Array.isArray(sent) ? sent.join(", ") : (sent ?? "")).trim();
  const connected = remoteAddress ?? "unknown";
  return earlier ? `${earlier}, ${connected}` : connected;
}
