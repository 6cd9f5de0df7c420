// Every platform call has a deadline (KAM_PLATFORM_TIMEOUT_MS), so a platform that hangs costs one
// timeout and the answer is parked instead of waiting forever; and at shutdown every call still
// running is cut short the same way, so `kam start` stops within seconds with the rest parked.
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

export const DEFAULT_PLATFORM_TIMEOUT_MS = 10_000;

/** Why a call was cut short: its deadline passed, or the process is shutting down. */
export type CutShort = 'timeout' | 'shutdown';

export class CallDeadline {
  private readonly stopping = new AbortController();

  constructor(readonly timeoutMs: number = DEFAULT_PLATFORM_TIMEOUT_MS) {
    // Every call in flight listens on it (hundreds under load): not a leak.
    setMaxListeners(0, this.stopping.signal);
  }

  /**
   * The signal one call runs under: aborts at its deadline or at shutdown. Not built with
   * `AbortSignal.any([AbortSignal.timeout(…), …])`: that composite holds its sources weakly and the
   * timeout's timer holds its signal weakly, so after a garbage collection neither fires and a
   * hung platform holds the call forever (measured: fetch to a silent server never rejected).
   * Here the timer's callback holds the controller until the deadline, and the shutdown signal
   * holds it until then too.
   */
  signal(): AbortSignal {
    const call = new AbortController();
    if (this.stopping.signal.aborted) {
      call.abort(this.stopping.signal.reason);
      return call.signal;
    }
    const onStop = () => call.abort(this.stopping.signal.reason);
    this.stopping.signal.addEventListener('abort', onStop, { once: true });
    const timer = setTimeout(() => {
      this.stopping.signal.removeEventListener('abort', onStop);
      call.abort(new DOMException(`no answer within ${this.timeoutMs} ms`, 'TimeoutError'));
    }, this.timeoutMs);
    // The deadline never keeps the process alive by itself.
    timer.unref();
    return call.signal;
  }

  /** Shutdown: every running call is aborted, later ones fail at once. */
  abort(): void {
    this.stopping.abort();
  }

  get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  /** A pause (rate-limit wait, retry back-off) that ends early at shutdown. */
  async sleep(ms: number): Promise<void> {
    if (this.stopped) return;
    await sleep(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined);
  }

  /** Whether a failed call was cut short by this deadline (HTTP clients name an aborted request differently). */
  cause(err: unknown): CutShort | undefined {
    if (this.stopped) return 'shutdown';
    const seen = new Set<unknown>();
    for (let e: any = err; e && typeof e === 'object' && !seen.has(e); e = e.original ?? e.cause) {
      seen.add(e);
      if (['TimeoutError', 'AbortError', 'CanceledError'].includes(e.name) || ['ERR_CANCELED', 'ECONNABORTED', 'ETIMEDOUT'].includes(e.code)) return 'timeout';
    }
    return undefined;
  }
}
