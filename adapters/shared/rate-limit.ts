// Per-recipient send queue: at most `limit` sends per `windowMs` for one key (a WeCom member, a
// Feishu user or chat, a Slack channel). Excess sends wait their turn instead of being dropped
// by the platform. In-process: each instance respects the limit for what it sends itself.
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  /** Milliseconds clock; injectable for tests. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** At shutdown nothing waits for its slot: the send runs (and fails fast) so its answer is parked. */
  stopped?: () => boolean;
}

interface Lane {
  tail: Promise<unknown>;
  starts: number[];
  queued: number;
}

export class RecipientRateLimiter {
  private readonly lanes = new Map<string, Lane>();
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: RateLimitOptions) {
    this.clock = opts.clock ?? (() => Date.now());
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Runs `task` for `key` in arrival order, waiting while the key's window is full. */
  schedule<T>(key: string, task: () => Promise<T>): Promise<T> {
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), starts: [], queued: 0 };
    this.lanes.set(key, lane);
    lane.queued++;
    const result = lane.tail.then(async () => {
      await this.waitForSlot(lane);
      lane.starts.push(this.clock());
      return task();
    });
    lane.tail = result
      .catch(() => undefined)
      .finally(() => {
        lane.queued--;
        if (!lane.queued && this.windowEmpty(lane)) this.lanes.delete(key);
      });
    return result;
  }

  /** Number of keys with sends queued or still inside their window. */
  get size(): number {
    return this.lanes.size;
  }

  private windowEmpty(lane: Lane): boolean {
    const from = this.clock() - this.opts.windowMs;
    lane.starts = lane.starts.filter((t) => t > from);
    return lane.starts.length === 0;
  }

  private async waitForSlot(lane: Lane): Promise<void> {
    for (;;) {
      if (this.opts.stopped?.()) return;
      const now = this.clock();
      lane.starts = lane.starts.filter((t) => t > now - this.opts.windowMs);
      if (lane.starts.length < this.opts.limit) return;
      await this.sleep(lane.starts[0] + this.opts.windowMs - now);
    }
  }
}
