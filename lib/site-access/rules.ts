/**
 * Which addresses a stranger may reach on a members-only site (`SITE_ACCESS=members`), and how the others
 * refuse one. Pure: the front server (lib/page-cache/front-server.ts) and, without it, `proxy.ts` (`next dev`)
 * ask it for every request before anything is read.
 *
 * - `open`: what signing in needs and what carries its own proof — the sign-in pages and Auth.js, the
 *   unsubscribe link of a digest (its token), the development mailbox (its own guard), the page cache's own
 *   relay (its bearer token), Next.js's static files (`/_next/static/`, and its development server's live
 *   reload), the icons and robots.txt. Nothing else under `/_next/`: its image optimizer fetches any address of
 *   the site in-process, past this gate (`/_next/image?url=/og/<id>` drew a paper's card for a stranger).
 * - `own`: the MCP server, which answers strangers itself (it takes personal tokens).
 * - `feed`: the RSS/Atom feeds, which a member's feed reader reaches with their secret `?key=`.
 * - `machine`: what programs read (the JSON API, images, the sitemap, Markdown and citation exports, the rest
 *   of `/_next/`): a 401.
 * - `page`: everything else, a page for a person: the sign-in page, then back here.
 */
export type AccessKind = "open" | "own" | "feed" | "machine" | "page";

const OPEN =
  /^\/(?:signin(?:\/check-email)?|api\/auth\/.*|api\/unsubscribe\/.*|unsubscribe\/.*|dev\/mail(?:\/.*)?|api\/revalidate|_next\/static\/.*|_next\/webpack-hmr|favicon\.ico|icon\.svg|robots\.txt)$/;
const MACHINE = /^\/(?:api|og|_next)\/|^\/sitemap\.xml$|\.(?:md|bib|ris|csl\.json|xml|atom|json)$/;

/** How a members-only site treats a request for `pathname` from someone it does not know yet. */
export function accessKindOf(pathname: string, accept: string | undefined): AccessKind {
  if (OPEN.test(pathname)) return "open";
  if (pathname === "/mcp") return "own";
  if (pathname.startsWith("/feeds/")) return "feed";
  if (MACHINE.test(pathname)) return "machine";
  // An agent asking for a page as Markdown, or a client that takes no HTML, is a program.
  if (accept !== undefined && (/text\/markdown/i.test(accept) || !/text\/html|\*\/\*/i.test(accept))) {
    return "machine";
  }
  return "page";
}

/**
 * The path a request names, as Next.js will route it: dot segments resolved (`/signin/../papers` is
 * `/papers`, and so is `/signin/%2e%2e/papers`), so that no look-alike of an open address reaches a page.
 */
export function routedPath(url: string): string {
  try {
    return new URL(url, "http://gate.invalid").pathname;
  } catch {
    return "/";
  }
}

/** The feed key a feed request carries (`?key=…`), or null; and the request's URL without it. */
export function splitFeedKey(url: string): { key: string | null; rest: string } {
  const queryAt = url.indexOf("?");
  if (queryAt === -1) return { key: null, rest: url };
  const params = new URLSearchParams(url.slice(queryAt + 1));
  const keys = params.getAll("key");
  if (keys.length === 0) return { key: null, rest: url };
  params.delete("key");
  const query = params.toString();
  return { key: keys.length === 1 ? keys[0]! : null, rest: url.slice(0, queryAt) + (query ? `?${query}` : "") };
}
