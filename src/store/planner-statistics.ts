// Embedded PGlite runs no autovacuum, so the planner never learns table sizes on its own and
// guesses (e.g. 280 users, 12,480 team rows); with 10,000 accounts those guesses pick nested loops
// that take seconds. An import changes the numbers most, so it refreshes them. Nor does anything
// merge a GIN index's pending list into the index: after a bulk load every keyword search scanned
// about 470 pending pages (100,000 passages), twice as slow as after the merge (measured).
import type { Db } from '../../db/index.ts';

export async function refreshPlannerStatistics(tx: Db): Promise<void> {
  if (tx.kind === 'pglite') {
    await tx.query(
      `SELECT gin_clean_pending_list(i.indexrelid::regclass)
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE am.amname = 'gin' AND n.nspname = current_schema()`,
    );
  }
  await tx.exec('ANALYZE');
}
