import "server-only";

/**
 * Gathers cache tags and hands them on in batches: at most one `send` in flight, the tags that arrive
 * meanwhile go in the next one. The front server answers votes outside Next.js, where `revalidateTag`
 * cannot run, so it relays their tags to `POST /api/revalidate`; 500 votes a second become four requests.
 */
export class TagRelay {
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sending: Promise<void> | null = null;

  constructor(
    private readonly send: (tags: string[]) => Promise<void>,
    /** How long tags gather before a batch leaves. */
    private readonly delayMs = 250,
    /** Most tags in one batch (the endpoint's own limit). */
    private readonly batchSize = 100,
  ) {}

  add(tags: readonly string[]): void {
    for (const tag of tags) this.pending.add(tag);
    this.schedule();
  }

  /** Sends everything gathered so far and waits for it (for shutdown and tests). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.sending || this.pending.size) {
      if (this.sending) await this.sending;
      else await this.sendBatch();
    }
  }

  private schedule(): void {
    if (this.timer || this.sending || !this.pending.size) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sendBatch();
    }, this.delayMs);
    this.timer.unref();
  }

  private sendBatch(): Promise<void> {
    const batch = [...this.pending].slice(0, this.batchSize);
    for (const tag of batch) this.pending.delete(tag);
    // A failed batch is not retried: the caches it meant to refresh catch up within their lifetimes.
    this.sending = this.send(batch)
      .catch(() => {})
      .finally(() => {
        this.sending = null;
        this.schedule();
      });
    return this.sending;
  }
}
