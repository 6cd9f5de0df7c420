// Ack-then-work: webhooks answer the platform at once and run the slow part (the engine, the
// reply) afterwards. Tracks what is still running so shutdown and tests can wait for it.
import type { Logger } from 'pino';

export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

  /** Starts `task` after the current request has been answered; failures are logged, never thrown. */
  run(label: string, task: () => Promise<void>): void {
    const p: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(task)
      .catch((err) => {
        this.log.error({ err, work: label }, 'background work failed');
      })
      .finally(() => {
        this.running.delete(p);
      });
    this.running.add(p);
  }

  get pending(): number {
    return this.running.size;
  }

  /**
   * Shutdown: waits up to `graceMs` for the running work, then calls `cutShort` (which makes its
   * platform calls fail at once, so answers get parked) and waits for the rest.
   */
  async settle(graceMs: number, cutShort: () => void): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    const outcome = await Promise.race([this.idle().then(() => 'idle' as const), late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      this.log.warn({ running: this.running.size }, 'shutting down: cutting short the platform calls of answers still running');
      cutShort();
    }
    await this.idle();
  }

  /** Resolves when everything started so far (and anything it started) has finished. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
