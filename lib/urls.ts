/**
 * The URLs of the site's own pages, said once here, and links that come from data (a source's GitHub repo,
 * project page, thumbnail, licence, a DOI), rendered only through these helpers so that a `javascript:` or
 * `data:` value an upstream sent can never become a live link or image. Universal: used by server and client
 * components, feeds and the JSON API alike.
 */

/** Whitespace, quotes and angle brackets never belong in a URL we render; control characters neither. */
const UNSAFE_CHARACTERS = /[\s<>"\u0000-\u001F\u007F]/;

/**
 * The normalised href of an absolute http(s) URL, or null for anything else: other schemes (`javascript:`,
 * `data:`, `vbscript:`, in any case, with leading spaces or embedded tabs), protocol-relative (`//host`) and
 * relative URLs, URLs without a host, and malformed ones.
 */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (typeof raw !== "string") return null;
  const candidate = raw.trim();
  // Checked before parsing: the URL parser drops tabs and newlines, which would turn "java\tscript:" into a scheme.
  if (!/^https?:\/\/[^/?#]/i.test(candidate) || UNSAFE_CHARACTERS.test(candidate)) return null;
  try {
    const url = new URL(candidate);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** DOIs look like "10.1145/3458817.3476205": a "10." prefix, a registrant code, a slash and a suffix. */
const DOI = /^10\.\d{4,9}\/\S+$/;

/** The https://doi.org/ link of a DOI ("10.48550/arXiv.2501.12948", or given as a doi.org URL), or null. */
export function doiUrl(doi: string | null | undefined): string | null {
  if (typeof doi !== "string") return null;
  const bare = doi.trim().replace(/^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i, "");
  if (!DOI.test(bare)) return null;
  return safeHttpUrl(`https://doi.org/${bare.split("/").map(encodeURIComponent).join("/")}`);
}

/** Creative Commons licence URLs, as arXiv gives them ("http://creativecommons.org/licenses/by-nc-sa/4.0/"). */
const CREATIVE_COMMONS = /^https?:\/\/creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d\.\d)\/?$/i;

/** A readable name for a licence URL: "CC BY 4.0", "CC0 1.0", "arXiv licence", else "Licence". */
export function licenseName(url: string): string {
  const cc = CREATIVE_COMMONS.exec(url.trim());
  if (cc) {
    const [, kind, code, version] = cc as unknown as [string, string, string, string];
    if (kind.toLowerCase() === "publicdomain")
      return code.toLowerCase() === "zero" ? `CC0 ${version}` : "Public domain";
    return `CC ${code.toUpperCase()} ${version}`;
  }
  if (/^https?:\/\/arxiv\.org\/licenses\/nonexclusive-distrib\//i.test(url.trim())) return "arXiv licence";
  return "Licence";
}

/** The search for an author's papers: their name as a phrase, so "Tri Dao" does not match every "Tri". */
export function authorSearchPath(name: string): string {
  return `/papers/search?q=${encodeURIComponent(`"${name.replaceAll('"', "")}"`)}`;
}

/** An author's page: the papers here with their name among the authors. */
export function authorPath(name: string): string {
  return `/authors/${encodeURIComponent(name)}`;
}

/** A member's public page. */
export function userPath(username: string): string {
  return `/users/${encodeURIComponent(username)}`;
}

/** A day's listing (`/papers/date/2025-01-22`); `day` is "YYYY-MM-DD". */
export function dayPath(day: string): string {
  return `/papers/date/${day}`;
}

/** A paper's page on this site (`/papers/2501.12948`, `/papers/hep-th/9901001`), with an optional fragment. */
export function paperPath(id: string, fragment?: string): string {
  return `/papers/${id}${fragment ? `#${fragment}` : ""}`;
}

/** The absolute URL of a paper's page on the site at `baseUrl` (no trailing slash), for feeds and the API. */
export function paperUrl(baseUrl: string, id: string): string {
  return `${baseUrl}${paperPath(id)}`;
}
