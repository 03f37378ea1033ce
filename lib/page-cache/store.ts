import "server-only";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { markedForMember } from "@/lib/page-cache/viewer-mark";

/**
 * The page cache's memory: stored answers by key, the tags they depend on, and what happened to those tags
 * since. Invalidation is lazy: a tag's invalidation is a sequence number, and an answer stored before it is
 * stale (`stale`: served while one refill runs) or gone (`expire`: the next reader waits for a fresh one).
 * Bounded by bytes, least recently used first out, and by age: an answer older than `maxAgeMs` is never
 * served, however its refills fail (a database down for long, a refill that keeps timing out).
 */

/** One form of a stored body: as is, gzipped (for readers who accept it), and its ETag. */
export interface Rendition {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

export interface StoredAnswer extends Rendition {
  status: number;
  headers: Record<string, string>;
  /**
   * The same page marked for a member (lib/page-cache/viewer-mark.ts), given to requests with a session
   * cookie; null when the answer is the same for both (JSON, feeds).
   */
  member: Rendition | null;
}

interface Entry {
  answer: StoredAnswer;
  tags: string[];
  /** The invalidation sequence when the render that made it began. */
  sequence: number;
  storedAt: number;
  bytes: number;
}

export type Freshness = "fresh" | "stale" | "expired";

export interface PageCacheOptions {
  /** Most bytes kept (bodies, gzipped too). */
  maxBytes: number;
  /** After this long a stored answer is stale: served, and refilled in the background. */
  staleAfterMs: number;
  /** After this long a stored answer is gone, stale or not: the most a reader can be behind. */
  maxAgeMs: number;
}

export class PageStore {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private sequence = 0;
  private readonly expiredAt = new Map<string, number>();
  private readonly stalenedAt = new Map<string, number>();

  constructor(private readonly options: PageCacheOptions) {}

  /** The current invalidation sequence: take it before a render, give it back to `store`. */
  mark(): number {
    return this.sequence;
  }

  /** Marks everything stored under `tags` stale (`stale`) or unusable (`expire`). */
  invalidate(tags: readonly string[], how: "stale" | "expire"): void {
    this.sequence += 1;
    const record = how === "expire" ? this.expiredAt : this.stalenedAt;
    for (const tag of tags) record.set(tag, this.sequence);
  }

  /** The stored answer for `key` and how fresh it is, or null. */
  get(key: string, now = Date.now()): { answer: StoredAnswer; freshness: Freshness } | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    const freshness = this.freshnessOf(entry, now);
    if (freshness === "expired") {
      this.remove(key, entry);
      return null;
    }
    // Least recently used goes first: a read moves the entry to the end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return { answer: entry.answer, freshness };
  }

  /**
   * Stores a render begun at `sequence`. A render that an `expire` of one of its tags overtook is dropped (it
   * may show what was removed); one a `stale` overtook is stored stale, so the next reader refills it.
   */
  store(key: string, tags: string[], sequence: number, answer: StoredAnswer, now = Date.now()): void {
    const entry: Entry = { answer, tags, sequence, storedAt: now, bytes: bytesOf(answer) };
    if (this.overtaken(tags, sequence, this.expiredAt)) return;
    if (entry.bytes > this.options.maxBytes / 8) return;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.remove(oldest, old);
    }
  }

  /**
   * Forgets `key`: its refill answered something not for everyone, or not what was stored (a 404 for a
   * paper since hidden, a redirect). Kept, a stale copy would undo the removal.
   */
  drop(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.remove(key, entry);
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private freshnessOf(entry: Entry, now: number): Freshness {
    if (this.overtaken(entry.tags, entry.sequence, this.expiredAt)) return "expired";
    if (now - entry.storedAt >= this.options.maxAgeMs) return "expired";
    if (this.overtaken(entry.tags, entry.sequence, this.stalenedAt)) return "stale";
    return now - entry.storedAt >= this.options.staleAfterMs ? "stale" : "fresh";
  }

  private overtaken(tags: readonly string[], sequence: number, record: Map<string, number>): boolean {
    return tags.some((tag) => (record.get(tag) ?? 0) > sequence);
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

function bytesOf(answer: StoredAnswer): number {
  const own = answer.body.length + answer.gzipped.length;
  return answer.member ? own + answer.member.body.length + answer.member.gzipped.length : own;
}

function rendition(body: Buffer): Rendition {
  return { body, gzipped: gzipSync(body), etag: `"${createHash("sha1").update(body).digest("base64url")}"` };
}

/** A stored answer from a render's status, headers and body (and its member's form, for a page). */
export function storedAnswer(status: number, headers: Record<string, string>, body: Buffer): StoredAnswer {
  const marked = markedForMember(body);
  return { status, headers, ...rendition(body), member: marked ? rendition(marked) : null };
}
