// Re-embedding after the embedding model changes (kam reindex, and the background job of kam
// start): every chunk not yet embedded by the active embedder is embedded again, in batches, each
// batch committed on its own so the work survives restarts and other writers are not held up.
// The target index is set aside while many rows change and rebuilt at the end.
import type { Db } from '../../db/index.ts';
import { chunksToEmbed, countChunksToEmbed, dropVectorIndex, setEmbeddings, vectorIndexNames } from '../store/chunks.ts';
import type { Embedder } from './embedder.ts';
import { BULK_LOAD_SOURCES, ensureVectorIndexes, indexName } from './vector-index.ts';

export interface ReembedProgress {
  embedder: string;
  dim: number | undefined;
  done: number;
  pending: number;
  total: number;
}

export async function pendingEmbeddings(db: Db, embedder: Embedder): Promise<{ total: number; pending: number }> {
  return countChunksToEmbed(db, embedder.id, embedder.dim());
}

export async function reembed(
  db: Db,
  embedder: Embedder,
  opts: { batchSize?: number; indexMinRows?: number; onProgress?: (p: ReembedProgress) => void; signal?: AbortSignal; onIndex?: (name: string, rows: number) => void } = {},
): Promise<ReembedProgress> {
  const batchSize = opts.batchSize ?? (embedder.local ? 1000 : 64);
  const { total, pending } = await countChunksToEmbed(db, embedder.id, embedder.dim());
  const progress: ReembedProgress = { embedder: embedder.id, dim: embedder.dim(), done: 0, pending, total };
  opts.onProgress?.({ ...progress });
  let afterId = 0;
  let indexSetAside = false;
  while (progress.done < pending && !opts.signal?.aborted) {
    const rows = await chunksToEmbed(db, embedder.id, embedder.dim(), afterId, batchSize);
    if (!rows.length) break;
    const vectors = await embedder.embed(rows.map((r) => r.content));
    const dim = embedder.dim() ?? vectors[0].length;
    if (!indexSetAside && pending >= BULK_LOAD_SOURCES) {
      // Updating thousands of rows through a vector index costs more than rebuilding it once.
      const name = indexName(embedder.id, dim);
      if ((await vectorIndexNames(db)).includes(name)) await dropVectorIndex(db, name, { concurrently: true });
      indexSetAside = true;
    }
    await db.transaction((tx) => setEmbeddings(tx, embedder.id, dim, rows.map((r, i) => ({ id: r.id, embedding: vectors[i] }))));
    afterId = rows[rows.length - 1].id;
    progress.done += rows.length;
    progress.dim = dim;
    opts.onProgress?.({ ...progress });
  }
  if (!opts.signal?.aborted) await ensureVectorIndexes(db, { concurrently: true, minRows: opts.indexMinRows, onBuild: opts.onIndex });
  return progress;
}
