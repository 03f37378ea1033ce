import type { PGlite } from "@electric-sql/pglite";

/**
 * The one queue in front of the embedded PGlite backend, shared by every socket connection.
 *
 * PGlite is a single Postgres session, so connections take turns. pglite-socket's own queue (0.2.17) keeps a
 * connection's turn while it is inside a transaction, but hands the backend to another connection between the
 * messages of one extended-protocol query (Parse, Bind, Execute, … Sync), which its handler forwards one at a
 * time. A BEGIN from another connection that runs after an INSERT's Execute and before its Sync pulls that
 * INSERT into its transaction; a ROLLBACK then takes the INSERT with it, after its client was told it was
 * written (seen as comments vanishing under load). This queue also keeps the turn from a connection's first
 * extended-protocol message to its Sync, so every query's implicit transaction ends before another starts.
 *
 * It has the interface pglite-socket's handlers call (`enqueue`, `clearQueueForHandler`,
 * `clearTransactionIfNeeded`, `getQueueLength`) and replaces the server's own queue (see server.ts).
 */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/** Frontend messages that belong to an extended-protocol batch which only a Sync ('S') ends. */
const BATCH_MESSAGES = new Set(["P", "B", "D", "E", "C", "H"].map((c) => c.charCodeAt(0)));
const SYNC = "S".charCodeAt(0);
const TERMINATE = "X".charCodeAt(0);
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);

export class ConnectionTurnQueue {
  private readonly queue: QueuedMessage[] = [];
  private processing = false;
  /** The connection whose turn it is: in a transaction, or between an extended query's first message and its Sync. */
  private owner: number | null = null;
  private lastHandlerId: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** Refuses whatever a disconnected connection left queued. */
  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const item = this.queue[i]!;
      if (item.handlerId !== handlerId) continue;
      this.queue.splice(i, 1);
      item.reject(new Error("Handler disconnected"));
    }
  }

  /**
   * A connection that went away mid-turn: its unfinished extended query is ended with a Sync, its open
   * transaction rolled back, and the others go on.
   */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    const holdsTurn = this.owner === handlerId || (this.db.isInTransaction() && this.lastHandlerId === handlerId);
    if (!holdsTurn) return;
    await this.db.runExclusive(async () => {
      await this.db.execProtocolRawStream(SYNC_MESSAGE, { onRawData: () => {} });
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    });
    this.owner = null;
    this.lastHandlerId = null;
    await this.process();
  }

  /** The next message to run: the turn-holder's while it holds the turn (waiting for it if none is queued). */
  private next(): QueuedMessage | undefined {
    const holder = this.owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
    if (holder === null) return this.queue.shift();
    const index = this.queue.findIndex((item) => item.handlerId === holder);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        const type = item.message[0] ?? 0;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        if (BATCH_MESSAGES.has(type)) this.owner = item.handlerId;
        else if (type === SYNC || type === TERMINATE) this.owner = null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}
