import "server-only";
import { createHash } from "node:crypto";

/**
 * A cached page is served to many readers, so it cannot carry the per-request nonce proxy.ts gives every
 * render: a nonce shared by everyone is no secret. When a page is stored, its policy trades the nonce for
 * the hashes of exactly the inline scripts that render emitted with that nonce (Next.js's own and the theme
 * script); anything else inline — markup an attacker slipped into a title or comment — has no hash and does
 * not run. External scripts stay limited to this site ('self'), as `strict-dynamic` limited them to what
 * the nonced scripts loaded: Next.js loads its chunks from /_next/static.
 */

/** Inline script elements: the attributes and the text up to the first `</script` (which is how HTML ends it). */
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script/gi;

/** The nonce a policy allows (`'nonce-…'`), or null. */
export function nonceOf(policy: string): string | null {
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy)?.[1] ?? null;
}

/** The sha256 sources (`'sha256-…'`) of the inline scripts in `html` that carry `nonce`. */
export function noncedScriptHashes(html: string, nonce: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, text] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes!) || !hasNonce(attributes!, nonce)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(text!, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

function hasNonce(attributes: string, nonce: string): boolean {
  const match = /\bnonce\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
  return match !== null && (match[1] ?? match[2] ?? match[3]) === nonce;
}

/**
 * The policy a stored copy of `html` is served with: `policy` (a nonce policy from proxy.ts) with its
 * `'nonce-…' 'strict-dynamic'` replaced by 'self' and the hashes of the nonced inline scripts. Null when the
 * policy has no nonce to trade (the page is then not stored).
 */
export function policyForStoredPage(html: string, policy: string): string | null {
  const nonce = nonceOf(policy);
  if (!nonce) return null;
  const sources = noncedScriptHashes(html, nonce);
  return policy
    .split(";")
    .map((directive) => {
      const trimmed = directive.trim();
      if (!trimmed.startsWith("script-src ")) return trimmed;
      const kept = trimmed
        .slice("script-src ".length)
        .split(/\s+/)
        .filter((source) => source !== `'nonce-${nonce}'` && source !== "'strict-dynamic'" && source !== "'self'");
      return ["script-src 'self'", ...kept, ...sources].join(" ");
    })
    .join("; ");
}
