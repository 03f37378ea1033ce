import "server-only";

export interface TagRelayOptions {
  /** How long tags gather before a batch leaves. */
  delayMs?: number;
  /** Most tags in one batch (the endpoint's own limit). */
  batchSize?: number;
  /** The wait before the first retry of a failed batch; doubled after each failure in a row. */
  retryMs?: number;
  /** The longest wait between retries. */
  maxRetryMs?: number;
  /** A batch could not be sent (it will be retried): what the caller does meanwhile. */
  onFailure?: (tags: string[], error: unknown) => void;
}

/**
 * Gathers cache tags and hands them on in batches: at most one `send` in flight, the tags that arrive
 * meanwhile go in the next one. The front server answers votes outside Next.js, where `revalidateTag`
 * cannot run, so it relays their tags (and the changes other servers announce) to `POST /api/revalidate`;
 * 500 votes a second become four requests.
 *
 * A batch that fails is kept and sent again, after 250 ms, then twice as long each time up to 10 s: dropped,
 * it left Next.js's data cache holding what another server had removed (a hidden paper) until its entry
 * aged out, and the next render put it back on the page.
 */
export class TagRelay {
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sending: Promise<boolean> | null = null;
  private failuresInARow = 0;
  private closed = false;
  private readonly delayMs: number;
  private readonly batchSize: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;

  constructor(
    private readonly send: (tags: string[]) => Promise<void>,
    private readonly options: TagRelayOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 250;
    this.batchSize = options.batchSize ?? 100;
    this.retryMs = options.retryMs ?? 250;
    this.maxRetryMs = options.maxRetryMs ?? 10_000;
  }

  add(tags: readonly string[]): void {
    if (this.closed) return;
    for (const tag of tags) this.pending.add(tag);
    this.schedule();
  }

  /** Tags waiting to be sent, a failed batch's included. */
  get waiting(): number {
    return this.pending.size;
  }

  /**
   * Sends everything gathered so far and waits for it (for shutdown and tests). A failure ends the flush;
   * the tags stay for the next retry.
   */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.sending || this.pending.size) {
      const sent = await (this.sending ?? this.sendBatch());
      if (!sent) return;
    }
  }

  /** Sends what it can once more, then stops: nothing is retried after this. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.closed || this.timer || this.sending || !this.pending.size) return;
    const wait = this.failuresInARow
      ? Math.min(this.maxRetryMs, this.retryMs * 2 ** (this.failuresInARow - 1))
      : this.delayMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sendBatch();
    }, wait);
    this.timer.unref();
  }

  private sendBatch(): Promise<boolean> {
    const batch = [...this.pending].slice(0, this.batchSize);
    for (const tag of batch) this.pending.delete(tag);
    this.sending = this.send(batch)
      .then(
        () => {
          this.failuresInARow = 0;
          return true;
        },
        (error: unknown) => {
          for (const tag of batch) this.pending.add(tag);
          this.failuresInARow += 1;
          this.options.onFailure?.(batch, error);
          return false;
        },
      )
      .finally(() => {
        this.sending = null;
        this.schedule();
      });
    return this.sending;
  }
}
