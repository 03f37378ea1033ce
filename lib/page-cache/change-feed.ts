import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";

/**
 * What one app server's mutations invalidated, told to every other app server on the same database: Postgres
 * LISTEN/NOTIFY on one channel, over one connection per server. Each server keeps its own page cache and
 * Next.js data cache; without this, a paper hidden through server A stayed on server B until its caches
 * aged out (23 minutes and more, issue 20). A notification reaches the others in milliseconds; the bound
 * docs/scaling.md states (`CHANGE_BOUND_MS`) leaves room for a busy server.
 *
 * NOTIFY is not stored: a server whose connection dropped may have missed changes. When it is back it says
 * so (`onGap`), and its caller treats everything cached as possibly behind. A heartbeat finds a connection
 * that died without closing (a stalled network) within `HEARTBEAT_MS` + `HEARTBEAT_TIMEOUT_MS`.
 */

export const CHANGES_CHANNEL = "daily_papers_cache";
/** How late a change may reach another server's caches (stated in docs/scaling.md, tested in the chaos suite). */
export const CHANGE_BOUND_MS = 2_000;
const HEARTBEAT_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;
const RECONNECT_MS = 1_000;
/** How long changes gather before they leave, so a burst of votes is a few notifications, not thousands. */
const GATHER_MS = 50;
/** NOTIFY's payload limit is 8000 bytes: tags are sent in batches well under it. */
const MAX_PAYLOAD_BYTES = 6_000;

export type ChangeKind = "expire" | "stale";

export interface Change {
  how: ChangeKind;
  tags: string[];
}

export interface ChangeFeedOptions {
  databaseUrl: string;
  /** A change another server made. */
  onChange: (change: Change) => void;
  /** The connection was lost and is back: changes made meanwhile were not heard. */
  onGap: () => void;
  log?: (line: string) => void;
}

interface Message extends Change {
  from: string;
}

export class ChangeFeed {
  /** This server, so that it skips its own notifications. */
  readonly id = randomUUID();
  private client: pg.Client | null = null;
  private connected = false;
  private everConnected = false;
  private closed = false;
  private readonly pending: Record<ChangeKind, Set<string>> = { expire: new Set(), stale: new Set() };
  private gatherTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly options: ChangeFeedOptions) {}

  /** Connects and listens; resolves once listening (or after the first failure, retrying in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Tells the other servers that `tags` changed (gathered for GATHER_MS, then sent). */
  publish(how: ChangeKind, tags: readonly string[]): void {
    if (this.closed || !tags.length) return;
    for (const tag of tags) this.pending[how].add(tag);
    this.gatherTimer ??= setTimeout(() => {
      this.gatherTimer = null;
      void this.flush();
    }, GATHER_MS);
    this.gatherTimer.unref();
  }

  /** Sends what is gathered now (and waits for it). */
  async flush(): Promise<void> {
    if (this.gatherTimer) clearTimeout(this.gatherTimer);
    this.gatherTimer = null;
    const batches: string[] = [];
    for (const how of ["expire", "stale"] as const) {
      const tags = [...this.pending[how]];
      this.pending[how].clear();
      for (const chunk of chunks(tags))
        batches.push(JSON.stringify({ from: this.id, how, tags: chunk } satisfies Message));
    }
    if (!batches.length) return;
    this.sending = this.sending.then(() => this.send(batches));
    await this.sending;
  }

  async close(): Promise<void> {
    await this.flush().catch(() => {});
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.client?.end().catch(() => {});
  }

  private async send(payloads: string[]): Promise<void> {
    for (const [index, payload] of payloads.entries()) {
      try {
        if (!this.client || !this.connected) throw new Error("not connected");
        await this.client.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, payload]);
      } catch (error) {
        // Kept for when the connection is back (connect() flushes them), and retried meanwhile.
        for (const unsent of payloads.slice(index)) {
          const message = JSON.parse(unsent) as Message;
          for (const tag of message.tags) this.pending[message.how].add(tag);
        }
        this.options.log?.(`[cache] could not tell the other servers (${(error as Error).message}); retrying`);
        setTimeout(() => void this.flush(), RECONNECT_MS).unref();
        return;
      }
    }
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: "daily-papers-cache-feed",
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    this.client = client;
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    client.on("notification", (notification) => this.heard(notification.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      this.options.log?.(`[cache] cannot listen for other servers' changes: ${(error as Error).message}`);
      this.lost(client);
      return;
    }
    this.connected = true;
    if (this.everConnected) this.options.onGap();
    this.everConnected = true;
    this.heartbeat = setInterval(() => void this.beat(client), HEARTBEAT_MS);
    this.heartbeat.unref();
    if (this.pending.expire.size || this.pending.stale.size) void this.flush();
  }

  private async beat(client: pg.Client): Promise<void> {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("heartbeat timed out")), HEARTBEAT_TIMEOUT_MS).unref(),
    );
    try {
      await Promise.race([client.query("SELECT 1"), timeout]);
    } catch {
      this.lost(client);
    }
  }

  private lost(client: pg.Client): void {
    if (client !== this.client) return;
    this.client = null;
    this.connected = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    client.removeAllListeners("notification");
    client.on("error", () => {});
    // A stalled socket does not end on its own.
    (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    void client.end().catch(() => {});
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }

  private heard(payload: string | undefined): void {
    let message: Message;
    try {
      message = JSON.parse(payload ?? "") as Message;
    } catch {
      return;
    }
    if (message.from === this.id || (message.how !== "expire" && message.how !== "stale")) return;
    if (!Array.isArray(message.tags)) return;
    const tags = message.tags.filter((tag): tag is string => typeof tag === "string");
    if (tags.length) this.options.onChange({ how: message.how, tags });
  }
}

/** `tags` in runs whose JSON stays under MAX_PAYLOAD_BYTES. */
function chunks(tags: string[]): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let bytes = 0;
  for (const tag of tags) {
    const size = Buffer.byteLength(tag) + 3;
    if (run.length && bytes + size > MAX_PAYLOAD_BYTES) {
      runs.push(run);
      run = [];
      bytes = 0;
    }
    run.push(tag);
    bytes += size;
  }
  if (run.length) runs.push(run);
  return runs;
}
