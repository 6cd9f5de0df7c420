// Keeps chunks in step with their sources. Writers call these inside their own transaction, so a
// note saved a second ago is searchable at once:
//   reindexSource(tx, 'interactions', id, { tz })   after inserting or editing a record
//   removeSource(tx, 'interactions', id)            after deleting one (undo)
// Passages are embedded on the spot by the offline embedder (in-process, microseconds); when a
// remote embedding model is configured, `reembed` (kam reindex, or the background job) upgrades
// them, and until then keyword search already finds them.
import type { Db } from '../../db/index.ts';
import { chunkCount, dropSecondaryChunkIndexes, hasSourceChunks, recreateChunkIndexes, deleteOrphanChunks, deleteSourceChunks, insertChunks, sourceHashes, sourceRecordsByIds, sourceRecordsPage, type NewChunk } from '../store/chunks.ts';
import { splitIntoPassages } from './chunking.ts';
import type { Embedder } from './embedder.ts';
import { keywordGrams } from './grams.ts';
import { hashEmbedder } from './hash-embedder.ts';
import { composeSource, type ComposedSource } from './sources.ts';
import { SOURCE_TABLES, type SourceRecord, type SourceTable } from '../domain/passage-sources.ts';
import { afterBulkLoad, beforeBulkLoad } from './vector-index.ts';
import { restoreFkChecks, skipRedundantFkChecks } from '../store/import-export.ts';

export interface IndexOptions {
  /** Business time zone: passages carry the business date of their source. */
  tz: string;
  /** The embedder for new passages; default the offline one (safe inside any transaction). */
  embedder?: Embedder;
}

export function isSourceTable(table: string): table is SourceTable {
  return (SOURCE_TABLES as readonly string[]).includes(table);
}

/** Passages split from these sources, embedded by `embedder` (null: written without vectors). */
async function chunksOf(sources: ComposedSource[], embedder: Embedder | null): Promise<NewChunk[]> {
  // Built whole and filled in place: a bulk import makes a million of these (a spread copy of each cost seconds).
  const pending: NewChunk[] = [];
  for (const s of sources) {
    let index = 0;
    for (const text of s.texts) {
      for (const content of await splitIntoPassages(text)) {
        pending.push({
          accountId: s.accountId,
          sourceTable: s.table,
          sourceId: s.id,
          chunkIndex: index++,
          content,
          occurredAt: s.occurredAt,
          occurredOn: s.occurredOn,
          authorId: s.authorId,
          sourceHash: s.hash,
          grams: keywordGrams(content),
          embedder: null,
          dim: null,
          embedding: null,
        });
      }
    }
  }
  if (!pending.length) return [];
  if (!embedder) return pending;
  const vectors = await embedder.embed(pending.map((p) => p.content));
  const dim = embedder.dim() ?? vectors[0].length;
  for (let i = 0; i < pending.length; i++) {
    pending[i].embedder = embedder.id;
    pending[i].dim = dim;
    pending[i].embedding = vectors[i];
  }
  return pending;
}

/** Rewrites the chunks of these sources (absent ids lose their chunks). Returns passages written. */
export async function reindexSources(tx: Db, table: SourceTable, ids: string[], opts: IndexOptions): Promise<number> {
  if (!ids.length) return 0;
  const records = await sourceRecordsByIds(tx, table, ids);
  const chunks = await chunksOf(records.map((r) => composeSource(r, opts.tz)), opts.embedder ?? hashEmbedder());
  await deleteSourceChunks(tx, table, ids);
  await insertChunks(tx, chunks);
  return chunks.length;
}

/** Call after inserting or changing one record of a source table, in the same transaction. */
export function reindexSource(tx: Db, table: SourceTable, id: string, opts: IndexOptions): Promise<number> {
  return reindexSources(tx, table, [id], opts);
}

/** Call after deleting a record, in the same transaction. */
export async function removeSource(tx: Db, table: SourceTable, id: string): Promise<void> {
  await deleteSourceChunks(tx, table, [id]);
}

export interface BulkProgress {
  table: SourceTable;
  scanned: number;
  changed: number;
  passages: number;
}

export interface BulkResult {
  scanned: number;
  changed: number;
  passages: number;
}

const PAGE = 5000;
const INSERT_BATCH = 2000;

/**
 * Brings every chunk of these tables up to date with its source: sources whose text, date,
 * author and account hash the same as their chunks' are skipped, so importing the same files
 * again embeds nothing. Vector indexes are set aside for big loads and rebuilt once at the end.
 */
export async function syncTables(
  tx: Db,
  tables: SourceTable[],
  opts: IndexOptions & { onProgress?: (p: BulkProgress) => void; /** Build due vector indexes at the end (default true). */ buildIndexes?: boolean },
): Promise<BulkResult> {
  const embedder = opts.embedder ?? hashEmbedder();
  const total: BulkResult = { scanned: 0, changed: 0, passages: 0 };
  const bulk = await beforeBulkLoad(tx);
  for (const table of tables) {
    const progress: BulkProgress = { table, scanned: 0, changed: 0, passages: 0 };
    let after: string | null = null;
    for (;;) {
      const page: SourceRecord[] = await sourceRecordsPage(tx, table, after, PAGE);
      if (!page.length) break;
      after = page[page.length - 1].id;
      const composed = page.map((r) => composeSource(r, opts.tz));
      const known = await sourceHashes(tx, table, composed.map((c) => c.id));
      const changed = composed.filter((c) => known.get(c.id) !== c.hash);
      if (changed.length) {
        await bulk.growing(changed.length);
        const chunks = await chunksOf(changed, embedder);
        // Only sources that had chunks need their old ones removed (a first import has none).
        await deleteSourceChunks(tx, table, changed.filter((c) => known.has(c.id)).map((c) => c.id));
        for (let i = 0; i < chunks.length; i += INSERT_BATCH) await insertChunks(tx, chunks.slice(i, i + INSERT_BATCH));
        progress.changed += changed.length;
        progress.passages += chunks.length;
      }
      progress.scanned += page.length;
      opts.onProgress?.({ ...progress });
    }
    await deleteOrphanChunks(tx, table);
    total.scanned += progress.scanned;
    total.changed += progress.changed;
    total.passages += progress.passages;
  }
  if (opts.buildIndexes !== false) await afterBulkLoad(tx, bulk);
  return total;
}

/** Replaces the passages of these sources (`replaced`: those that had some) with `chunks`, `batch` rows a statement. */
async function writeChunks(tx: Db, table: SourceTable, replaced: string[], chunks: NewChunk[], batch: number): Promise<void> {
  await deleteSourceChunks(tx, table, replaced);
  for (let j = 0; j < chunks.length; j += batch) await insertChunks(tx, chunks.slice(j, j + batch));
}

/**
 * Sources an import may change in one go and still embed inside its transaction. Embedding and
 * writing a vector cost about as much again as the rest of a passage on PGlite (bench/RESULTS.md,
 * "Binary array parameters"), so a bigger import writes its passages' text and keyword grams at
 * once — keyword search finds them the moment the import commits — and leaves the vectors to
 * re-embedding (kam start's background job, or kam reindex), which picks up every passage without
 * one.
 */
export const INLINE_EMBED_MAX_SOURCES = 20_000;

const IMPORT_PAGE = 5000;

/**
 * The import step: (re)chunks exactly the records the upsert reported as new or changed. Records
 * whose passages would come out the same (same hash) are left alone, so re-importing unchanged
 * files does no retrieval work at all. Imports never delete, so there are no orphans to look for.
 */
export async function indexImportedSources(
  tx: Db,
  changed: Map<SourceTable, string[]>,
  opts: IndexOptions & { /** Default INLINE_EMBED_MAX_SOURCES. */ inlineEmbedMax?: number },
): Promise<BulkResult> {
  const total: BulkResult = { scanned: 0, changed: 0, passages: 0 };
  const sources = [...changed.values()].reduce((n, ids) => n + ids.length, 0);
  if (!sources) return total;
  const big = sources > (opts.inlineEmbedMax ?? INLINE_EMBED_MAX_SOURCES);
  const embedder = big ? null : (opts.embedder ?? hashEmbedder());
  const bulk = await beforeBulkLoad(tx);
  // A big load that at least doubles the table rebuilds the secondary indexes once at the end, on
  // the embedded database only: there transactions run one after another anyway, while on a server
  // the drop would lock every search out until the import commits.
  const rebuilt = big && tx.kind === 'pglite' && sources * 2 >= (await chunkCount(tx)) ? await dropSecondaryChunkIndexes(tx) : [];
  // Every passage's account is its source record's account, which the importer has just checked:
  // the per-row foreign-key trigger (deferred, queued per row until commit) adds nothing.
  const skipped = await skipRedundantFkChecks(tx);
  // Only passages from before this step can match a page's sources (each source is on one page),
  // so a source table with none has nothing to look up. That is every first import, whose lookups
  // were the slowest: the planner had no statistics of the passages the import was writing and
  // scanned all of a table's passages per page (O(n²); 35 s at 10,000 accounts on a server).
  const hadChunks = new Map<SourceTable, boolean>();
  for (const table of changed.keys()) hadChunks.set(table, await hasSourceChunks(tx, table));
  // Pipelined: the next page is read and the last one's passages written while this process
  // composes the current page, so the server and this process work at the same time. The
  // connection runs its statements one after another, in the order they were sent.
  let writing: Promise<void> = Promise.resolve();
  for (const [table, ids] of changed) {
    const page = (i: number) => sourceRecordsByIds(tx, table, ids.slice(i, i + IMPORT_PAGE));
    let next: Promise<SourceRecord[]> | undefined = ids.length ? page(0) : undefined;
    for (let i = 0; next; i += IMPORT_PAGE) {
      const records: SourceRecord[] = await next;
      next = i + IMPORT_PAGE < ids.length ? page(i + IMPORT_PAGE) : undefined;
      // A rejected read is awaited in the next round; until then it must not count as unhandled.
      next?.catch(() => {});
      const composed = records.map((r) => composeSource(r, opts.tz));
      // Sent after the last page's write: if that failed, its error is the one to report.
      const known = hadChunks.get(table)
        ? await sourceHashes(tx, table, composed.map((c) => c.id)).catch(async (e: unknown) => {
            await writing;
            throw e;
          })
        : new Map<string, string>();
      const stale = composed.filter((c) => known.get(c.id) !== c.hash);
      total.scanned += records.length;
      if (!stale.length) continue;
      await bulk.growing(stale.length);
      const chunks = await chunksOf(stale, embedder);
      await writing;
      writing = writeChunks(tx, table, stale.filter((c) => known.has(c.id)).map((c) => c.id), chunks, embedder ? INSERT_BATCH : IMPORT_PAGE);
      writing.catch(() => {});
      total.changed += stale.length;
      total.passages += chunks.length;
    }
  }
  await writing;
  await recreateChunkIndexes(tx, rebuilt);
  if (skipped) await restoreFkChecks(tx);
  await afterBulkLoad(tx, bulk);
  return total;
}
