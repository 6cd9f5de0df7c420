// Retrieval's background work in `kam start` (call startReembedding(app) once): re-embeds passages
// waiting for the configured embedder (a new KAM_EMBEDDING_MODEL) in small committed batches, and
// builds vector indexes that became due (a big import defers its index to here). `kam reindex`
// does the same in the foreground, with progress.
import type { AppContext } from '../app.ts';
import { activeEmbedder } from './active-embedder.ts';
import { pendingEmbeddings, reembed } from './reembed.ts';
import { ensureVectorIndexes } from './vector-index.ts';

export interface BackgroundJob {
  stop(): Promise<void>;
}

export function startReembedding(app: AppContext, opts: { intervalMs?: number } = {}): BackgroundJob {
  const embedder = activeEmbedder(app.config);
  const abort = new AbortController();
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const { pending, total } = await pendingEmbeddings(app.db, embedder);
      if (!pending) {
        // A big import leaves its index to be built here, after its transaction.
        for (const name of await ensureVectorIndexes(app.db, { concurrently: true })) app.log.info({ index: name }, 'vector index built');
        return;
      }
      app.log.info({ embedder: embedder.id, pending, total }, 're-embedding passages in the background');
      const done = await reembed(app.db, embedder, { signal: abort.signal });
      app.log.info({ embedder: embedder.id, done: done.done }, 're-embedding finished');
    } catch (e) {
      // An unreachable embedding service is retried on the next tick; search keeps working on keywords.
      app.log.warn({ embedder: embedder.id, err: (e as Error).message }, 're-embedding failed; will retry');
    }
  };
  running = tick();
  const timer = setInterval(() => {
    running = running.then(tick);
  }, opts.intervalMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      abort.abort();
      await running;
    },
  };
}
