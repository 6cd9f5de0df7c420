// The background half of "changing the model re-embeds in the background": `kam start` calls
// startReembedding(app) once; whenever passages wait for the configured embedder (a new
// KAM_EMBEDDING_MODEL, or notes written while the embedding service was down), it re-embeds them
// in small committed batches and builds the index that becomes due. `kam reindex` shows progress.
import type { AppContext } from '../app.ts';
import { activeEmbedder } from './active-embedder.ts';
import { pendingEmbeddings, reembed } from './reembed.ts';

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
      if (!pending) return;
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
