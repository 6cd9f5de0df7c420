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

  /** Resolves when everything started so far (and anything it started) has finished. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
