import type { DigestChoice } from "@/lib/settings/schema";
import { MAX_VIEWER_PAPERS, type ViewerState } from "@/lib/viewer/schema";

/**
 * The reader's part of the page, in the browser. The page itself is the same for everyone (it comes from
 * the page cache, lib/page-cache/); the server marks it `<html data-viewer="member">` when the request
 * carried a session cookie. A guest's page asks nothing more. A member's page asks `GET /api/viewer` once
 * for what its components need (the vote buttons shown, the discussion shown), batched: each component
 * says what it needs when it mounts (`want`), and one request per page view answers them all.
 *
 * What the reader does here (a vote, a comment, a subscription) is noted at once, and an answer to a
 * request sent before it never overwrites it.
 */

export type ViewerStatus =
  /** A member's page whose state has not arrived yet. */
  | "unknown"
  | "member"
  | "guest"
  /** A member's page whose state could not be read (the database away): the page's own counts stand. */
  | "failed";

export interface ViewerSnapshot {
  status: ViewerStatus;
  user: ViewerState["user"];
  isAdmin: boolean;
  digest: DigestChoice | null;
  upvoted: ReadonlySet<string>;
  counts: ReadonlyMap<string, number>;
  ownComments: ReadonlySet<string>;
  /** Papers whose page the reader has opened (of those asked about, and those opened since). */
  seen: ReadonlySet<string>;
  /** Papers the reader's mutes hide (of those asked about). */
  muted: ReadonlySet<string>;
  /** Authors asked about (an author's page) and whether the reader follows each. */
  followedAuthors: ReadonlyMap<string, boolean>;
}

const GUEST: ViewerSnapshot = {
  status: "guest",
  user: null,
  isAdmin: false,
  digest: null,
  upvoted: new Set(),
  counts: new Map(),
  ownComments: new Set(),
  seen: new Set(),
  muted: new Set(),
  followedAuthors: new Map(),
};

/** On the server (and before hydration) nobody is known: members' placeholders show (see globals.css). */
export const SERVER_SNAPSHOT: ViewerSnapshot = { ...GUEST, status: "unknown" };

let snapshot: ViewerSnapshot | null = null;
const listeners = new Set<() => void>();

/** A clock of local changes: an answer to a request sent before a change does not overwrite what it changed. */
let clock = 0;
const changedAt = new Map<string, number>();

/** What this page view has asked (or is asking) already. */
const askedPapers = new Set<string>();
let askedDiscussion: string | null = null;
let askedAuthor: string | null = null;
let wantedAuthor: string | null = null;
const wantedPapers = new Set<string>();
let wantedDiscussion: string | null = null;
let wantsUser = false;
let flushScheduled = false;

/**
 * Whether the page may be a member's: marked so by the server, or not marked at all — a 404 that Next streams
 * as its error shell (`notFound()` in a page) has an `<html>` without the mark, so it asks, and a stranger's
 * answer makes it a guest's.
 */
function markedMember(): boolean {
  const mark = document.documentElement.dataset.viewer;
  return mark === undefined || mark === "member";
}

export function getSnapshot(): ViewerSnapshot {
  snapshot ??= markedMember() ? { ...GUEST, status: "unknown" } : GUEST;
  return snapshot;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function update(change: Partial<ViewerSnapshot>): void {
  snapshot = { ...getSnapshot(), ...change };
  for (const listener of listeners) listener();
}

function touch(key: string): void {
  changedAt.set(key, ++clock);
}

/**
 * A new page view (the header calls it on each navigation): who the reader is is asked again, with whatever
 * the page shows, in one request. A guest's page sends none.
 */
export function newPageView(): void {
  askedPapers.clear();
  askedDiscussion = null;
  askedAuthor = null;
  wantsUser = true;
  scheduleFlush();
}

/**
 * Asks for the reader's state of `paperIds` (vote buttons) and of `discussion` (a thread), unless this page
 * view asked already. The page's own vote buttons and thread are read from the page when the request goes
 * out (`data-vote-paper`, `data-discussion-paper`: they are in the HTML before the components hydrate), so a
 * page's first request asks for all of them; this catches what arrives later.
 */
export function want(request: { paperIds?: readonly string[]; discussion?: string; author?: string }): void {
  for (const id of request.paperIds ?? []) if (!askedPapers.has(id)) wantedPapers.add(id);
  if (request.discussion && request.discussion !== askedDiscussion) wantedDiscussion = request.discussion;
  if (request.author && request.author !== askedAuthor) wantedAuthor = request.author;
  if (wantedPapers.size || wantedDiscussion || wantedAuthor) scheduleFlush();
}

function scheduleFlush(): void {
  if (flushScheduled || getSnapshot().status === "guest") return;
  flushScheduled = true;
  setTimeout(() => void flush(), 0);
}

/** What the page shows that its reader's state is about. */
function scanPage(): void {
  for (const element of document.querySelectorAll<HTMLElement>("[data-vote-paper]")) {
    const id = element.dataset.votePaper;
    if (id && !askedPapers.has(id)) wantedPapers.add(id);
  }
  const discussion = document.querySelector<HTMLElement>("[data-discussion-paper]")?.dataset.discussionPaper;
  if (discussion && discussion !== askedDiscussion) wantedDiscussion = discussion;
  const author = document.querySelector<HTMLElement>("[data-follow-author]")?.dataset.followAuthor;
  if (author && author !== askedAuthor) wantedAuthor = author;
}

async function flush(): Promise<void> {
  flushScheduled = false;
  scanPage();
  if (!wantsUser && !wantedPapers.size && !wantedDiscussion && !wantedAuthor) return;
  const papers = [...wantedPapers].slice(0, MAX_VIEWER_PAPERS);
  const discussion = wantedDiscussion;
  const author = wantedAuthor;
  for (const id of papers) askedPapers.add(id);
  if (discussion) askedDiscussion = discussion;
  if (author) askedAuthor = author;
  wantedPapers.clear();
  wantedDiscussion = null;
  wantedAuthor = null;
  wantsUser = false;
  const params = new URLSearchParams();
  if (papers.length) params.set("papers", papers.join(","));
  if (discussion) params.set("discussion", discussion);
  if (author) params.set("author", author);
  const sentAt = clock;
  let state: ViewerState;
  try {
    const response = await fetch(`/api/viewer?${params}`, { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) throw new Error(`GET /api/viewer answered ${response.status}`);
    state = (await response.json()) as ViewerState;
  } catch {
    if (getSnapshot().status === "unknown") update({ status: "failed" });
    return;
  }
  receive(state, sentAt, author);
}

/** Merges an answer into what is known; what the reader changed after `sentAt` stays as they left it. */
function receive(state: ViewerState, sentAt: number, author: string | null): void {
  if (!state.signedIn) return becomeGuest();
  const current = getSnapshot();
  const fresh = (key: string) => (changedAt.get(key) ?? 0) <= sentAt;
  const upvoted = new Set(current.upvoted);
  const counts = new Map(current.counts);
  for (const [id, count] of Object.entries(state.counts)) {
    if (!fresh(`vote:${id}`)) continue;
    counts.set(id, count);
    if (state.upvoted.includes(id)) upvoted.add(id);
    else upvoted.delete(id);
  }
  const ownComments = new Set(current.ownComments);
  for (const id of state.ownComments) ownComments.add(id);
  const seen = new Set(current.seen);
  for (const id of state.seen) seen.add(id);
  // The answer says which of the papers asked about are muted now: the others are not (any more).
  const muted = new Set(current.muted);
  for (const id of Object.keys(state.counts)) muted.delete(id);
  for (const id of state.muted) muted.add(id);
  const followedAuthors = new Map(current.followedAuthors);
  if (author && state.followsAuthor !== null && fresh(`follow:${author}`)) {
    followedAuthors.set(author, state.followsAuthor);
  }
  update({
    status: "member",
    user: state.user,
    isAdmin: state.isAdmin,
    digest: fresh("digest") ? state.digest : current.digest,
    upvoted,
    counts,
    ownComments,
    seen,
    muted,
    followedAuthors,
  });
}

/** The reader's vote on `paperId` as the server acknowledged it. */
export function noteVote(paperId: string, upvoted: boolean, count: number): void {
  touch(`vote:${paperId}`);
  const current = getSnapshot();
  const votes = new Set(current.upvoted);
  if (upvoted) votes.add(paperId);
  else votes.delete(paperId);
  update({ upvoted: votes, counts: new Map(current.counts).set(paperId, count) });
}

/** A comment the reader just posted: theirs to edit and delete. */
export function noteOwnComment(commentId: string): void {
  update({ ownComments: new Set(getSnapshot().ownComments).add(commentId) });
}

/** A paper whose page the reader just opened. */
export function noteSeen(paperId: string): void {
  if (!getSnapshot().seen.has(paperId)) update({ seen: new Set(getSnapshot().seen).add(paperId) });
}

/** The reader just followed (or stopped following) `author`. */
export function noteFollowAuthor(author: string, following: boolean): void {
  touch(`follow:${author}`);
  update({ followedAuthors: new Map(getSnapshot().followedAuthors).set(author, following) });
}

/** The digest the reader just chose. */
export function noteDigest(digest: DigestChoice): void {
  touch("digest");
  update({ digest });
}

/** The server said this reader has no session (it expired, or they signed out). */
export function becomeGuest(): void {
  wantedPapers.clear();
  askedPapers.clear();
  wantedDiscussion = null;
  wantedAuthor = null;
  wantsUser = false;
  if (getSnapshot().status !== "guest") update(GUEST);
}
