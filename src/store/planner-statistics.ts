// Embedded PGlite runs no autovacuum, so the planner never learns table sizes on its own and
// guesses (e.g. 280 users, 12,480 team rows); with 10,000 accounts those guesses pick nested loops
// that take seconds. An import changes the numbers most, so it refreshes them.
import type { Db } from '../../db/index.ts';

export async function refreshPlannerStatistics(tx: Db): Promise<void> {
  await tx.exec('ANALYZE');
}
