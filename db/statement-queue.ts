// PGlite runs one statement at a time, in arrival order. With dozens of chat turns in flight that
// queue is long, and a webhook's dedup insert — all that stands between the platform and its ack —
// would wait behind every statement queued before it (acks reached 3 s at 50 chats). So the
// embedded driver keeps the queue itself, in two lanes: statements marked urgent go before any
// waiting ordinary one (never interrupting the one running, nor a transaction).
export class StatementQueue {
  private busy = false;
  private readonly urgent: (() => void)[] = [];
  private readonly normal: (() => void)[] = [];

  async run<T>(urgent: boolean, fn: () => Promise<T>): Promise<T> {
    if (this.busy) await new Promise<void>((resolve) => (urgent ? this.urgent : this.normal).push(resolve));
    this.busy = true;
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next waiter, urgent ones first.
      const next = this.urgent.shift() ?? this.normal.shift();
      if (next) next();
      else this.busy = false;
    }
  }

  get waiting(): number {
    return this.urgent.length + this.normal.length;
  }
}
