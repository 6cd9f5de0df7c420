// The lease retrieval's background work runs under (re-embedding and vector index builds, in
// `kam start` and `kam reindex`), so several instances on one server do it once: the holder
// renews it every third of its term while it works, and stops at the next batch if it lost it.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/index.ts';
import { leaseHolder, releaseLease, renewLease, takeLease } from '../store/leases.ts';

export const RETRIEVAL_LEASE = 'retrieval';
/** A crashed holder's lease runs out after this; a live one renews it long before. */
export const RETRIEVAL_LEASE_MS = 120_000;

export function leaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export type LeaseOutcome<T> = { ran: true; value: T } | { ran: false; holder: { owner: string; until: Date; since: Date } | null };

/**
 * Runs fn while holding the named lease, or not at all when another owner holds it. fn's signal
 * aborts when a renewal finds the lease gone (a stalled holder whose term ran out).
 */
export async function withLease<T>(
  db: Db,
  name: string,
  owner: string,
  fn: (signal: AbortSignal) => Promise<T>,
  opts: { ttlMs?: number; signal?: AbortSignal } = {},
): Promise<LeaseOutcome<T>> {
  const ttl = opts.ttlMs ?? RETRIEVAL_LEASE_MS;
  if (!(await takeLease(db, name, owner, ttl))) return { ran: false, holder: await leaseHolder(db, name) };
  const lost = new AbortController();
  const onOuter = () => lost.abort();
  opts.signal?.addEventListener('abort', onOuter);
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing
      .then(() => renewLease(db, name, owner, ttl))
      .then((held) => {
        if (!held) lost.abort();
      })
      .catch(() => {
        // A failed renewal is retried on the next beat; the term covers a few misses.
      });
  }, Math.max(50, Math.floor(ttl / 3)));
  timer.unref();
  try {
    return { ran: true, value: await fn(lost.signal) };
  } finally {
    clearInterval(timer);
    opts.signal?.removeEventListener('abort', onOuter);
    await renewing;
    await releaseLease(db, name, owner).catch(() => {});
  }
}
