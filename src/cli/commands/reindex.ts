// `kam reindex [--rechunk] [--status]`: brings retrieval up to date — rechunks records whose text
// changed (all of them with --rechunk), re-embeds every passage not embedded by the configured
// embedder (after KAM_EMBEDDING_MODEL changes), and builds the vector indexes that are due.
// Progress goes to stdout as it happens.
import type { Command } from 'commander';
import { withApp } from '../context.ts';
import { activeEmbedder } from '../../retrieval/active-embedder.ts';
import { syncTables } from '../../retrieval/indexer.ts';
import { pendingEmbeddings, reembed } from '../../retrieval/reembed.ts';
import { SOURCE_TABLES } from '../../domain/passage-sources.ts';
import { vectorIndexStatus, type VectorIndexStatus } from '../../retrieval/vector-index.ts';
import { clearSourceHashes } from '../../store/chunks.ts';
import { UserInputError } from '../../errors.ts';
import { leaseHolder } from '../../store/leases.ts';
import { leaseOwner, RETRIEVAL_LEASE, withLease } from '../../retrieval/work-lease.ts';

const INDEX_STATE: Record<VectorIndexStatus['state'], string> = {
  ready: 'ready',
  missing: 'missing, searches over many accounts scan every passage until `kam reindex` or `kam start` builds it',
  invalid: 'being built, or a build broke off (`kam reindex` rebuilds it)',
};

const pct = (done: number, total: number) => (total ? `${Math.floor((100 * done) / total)}%` : '100%');

export function register(program: Command) {
  program
    .command('reindex')
    .description('rechunk changed records, re-embed passages with the configured embedder (with progress), build vector indexes')
    .option('--rechunk', 'rebuild the passages of every record, not only of changed ones')
    .option('--status', 'only show how many passages wait for the configured embedder, and the state of each vector index due')
    .action(async (opts: { rechunk?: boolean; status?: boolean }) => {
      await withApp(async (app) => {
        const embedder = activeEmbedder(app.config);
        const say = (line: string) => process.stdout.write(line + '\n');
        if (opts.status) {
          const { total, pending } = await pendingEmbeddings(app.db, embedder);
          say(`${embedder.id}: ${total - pending} of ${total} passages embedded, ${pending} waiting`);
          const holder = await leaseHolder(app.db, RETRIEVAL_LEASE);
          if (holder) say(`in progress: ${holder.owner} has been re-embedding or building vector indexes since ${holder.since.toISOString()}`);
          for (const ix of await vectorIndexStatus(app.db, app.config.reembed.indexMinRows)) say(`vector index ${ix.name} (${ix.rows} passages of ${ix.embedder}): ${INDEX_STATE[ix.state]}`);
          return;
        }
        // The same lease as kam start's background re-embedding: one of them works at a time.
        const out = await withLease(app.db, RETRIEVAL_LEASE, leaseOwner(), async (signal) => {
          const started = Date.now();
          const chunked = await app.db.transaction(async (tx) => {
            if (opts.rechunk) await clearSourceHashes(tx);
            return syncTables(tx, [...SOURCE_TABLES], {
              tz: app.config.timeZone,
              onProgress: (p) => say(`chunking ${p.table}: ${p.scanned} records read, ${p.changed} changed, ${p.passages} passages written`),
            });
          });
          say(`chunked: ${chunked.scanned} records, ${chunked.changed} changed, ${chunked.passages} passages written`);
          let last = 0;
          const result = await reembed(app.db, embedder, {
            signal,
            batchSize: app.config.reembed.batchSize || undefined,
            indexMinRows: app.config.reembed.indexMinRows,
            onProgress: (p) => {
              const now = Date.now();
              if (p.done === p.pending || now - last > 1000) {
                last = now;
                const rate = p.done / Math.max(0.001, (now - started) / 1000);
                say(`embedding with ${p.embedder}${p.dim ? ` (${p.dim} dims)` : ''}: ${p.done}/${p.pending} ${pct(p.done, p.pending)}, ${Math.round(rate)}/s`);
              }
            },
            onIndex: (name, rows) => say(`building vector index ${name} over ${rows} passages…`),
          });
          if (signal.aborted) throw new UserInputError('kam reindex lost its lease to another instance (its work stalled past the lease term); run it again');
          say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.total} passages, ${result.done} re-embedded with ${result.embedder}`);
        });
        if (!out.ran) {
          const who = out.holder ? `${out.holder.owner}, since ${out.holder.since.toISOString()}` : 'another instance';
          throw new UserInputError(`another instance is re-embedding passages or building vector indexes on this database (${who}); nothing was changed — run kam reindex again when it is done (kam reindex --status shows progress)`);
        }
      });
    });
}
