// Retrieval's background work in `kam start` (call startReembedding(app) once): re-embeds passages
// waiting for the configured embedder (a new KAM_EMBEDDING_MODEL) in small committed batches, and
// builds vector indexes that became due (a big import defers its index to here). `kam reindex`
// does the same in the foreground, with progress. Each tick runs under the retrieval lease, so of
// several instances on one server one does the work and the others skip that tick.
import type { AppContext } from '../app.ts';
import { activeEmbedder } from './active-embedder.ts';
import { pendingEmbeddings, reembed } from './reembed.ts';
import { ensureVectorIndexes } from './vector-index.ts';
import { leaseOwner, RETRIEVAL_LEASE, RETRIEVAL_LEASE_MS, withLease } from './work-lease.ts';

export interface BackgroundJob {
  stop(): Promise<void>;
}

export function startReembedding(app: AppContext, opts: { intervalMs?: number; owner?: string; leaseMs?: number } = {}): BackgroundJob {
  const embedder = activeEmbedder(app.config);
  const abort = new AbortController();
  const owner = opts.owner ?? leaseOwner();
  const settings = app.config.reembed ?? { batchSize: 0, intervalMs: 60_000, indexMinRows: undefined };
  let running: Promise<void> = Promise.resolve();
  const work = async (signal: AbortSignal) => {
    const { pending, total } = await pendingEmbeddings(app.db, embedder);
    if (!pending) {
      // A big import leaves its index to be built here, after its transaction.
      for (const name of await ensureVectorIndexes(app.db, { concurrently: true, minRows: settings.indexMinRows })) app.log.info({ index: name, owner }, 'vector index built');
      return;
    }
    app.log.info({ embedder: embedder.id, pending, total, owner }, 're-embedding passages in the background');
    const done = await reembed(app.db, embedder, {
      signal,
      batchSize: settings.batchSize || undefined,
      indexMinRows: settings.indexMinRows,
      onIndex: (name) => app.log.info({ index: name, owner }, 'building vector index'),
    });
    app.log.info({ embedder: embedder.id, done: done.done, owner }, 're-embedding finished');
  };
  const tick = async () => {
    if (abort.signal.aborted) return;
    try {
      const out = await withLease(app.db, RETRIEVAL_LEASE, owner, work, { ttlMs: opts.leaseMs ?? RETRIEVAL_LEASE_MS, signal: abort.signal });
      if (!out.ran) app.log.debug({ holder: out.holder?.owner }, 'retrieval work held by another instance');
    } catch (e) {
      // An unreachable embedding service is retried on the next tick; search keeps working on keywords.
      app.log.warn({ embedder: embedder.id, err: (e as Error).message }, 're-embedding failed; will retry');
    }
  };
  running = tick();
  const timer = setInterval(() => {
    running = running.then(tick);
  }, opts.intervalMs ?? settings.intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      abort.abort();
      await running;
    },
  };
}
