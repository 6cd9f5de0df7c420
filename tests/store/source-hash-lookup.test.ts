// The import's source-hash lookup (which sources' passages are already up to date) must descend the
// (source_table, source_id, chunk_index) key once per id. Planned with the ids only filtered, it
// reads every passage of the source table per page of 5,000 sources (162 ms per page at 10,000
// accounts on a server, 18 ms by key): quadratic over an import. With statistics of the passages
// the existing unique key fits (this test); without them (passages written by the running import)
// the planner filters, which is why an import skips the lookup for source tables it starts empty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { textArray } from '../../src/store/binary-arrays.ts';
import { SOURCE_HASHES_SQL, hasSourceChunks } from '../../src/store/chunks.ts';
import { emptyDb } from '../helpers/db.ts';

type PlanNode = { 'Node Type': string; 'Index Cond'?: string; Filter?: string; Plans?: PlanNode[] };

function nodes(n: PlanNode): PlanNode[] {
  return [n, ...(n.Plans ?? []).flatMap(nodes)];
}

describe('source-hash lookup', () => {
  let db: Db;
  beforeAll(async () => {
    db = await emptyDb();
    await db.query("INSERT INTO users (id, name, role) VALUES ('u1', 'U', 'admin')");
    await db.query("INSERT INTO accounts (id, name, owner_id) SELECT 'A' || g, '客户' || g, 'u1' FROM generate_series(1, 50) g");
    await db.query(
      `INSERT INTO chunks (account_id, source_table, source_id, chunk_index, content, source_hash)
       SELECT 'A' || (1 + g % 50), t, t || '-' || g, k, 'text ' || g, 'h' || g
       FROM generate_series(1, 20000) g, unnest(ARRAY['interactions', 'tickets']) t, generate_series(0, 1) k
       WHERE t = 'interactions' OR g <= 500`,
    );
    await db.exec('ANALYZE chunks');
  });
  afterAll(() => db.close());

  it('descends the unique key once per id, the ids in the index condition and not a filter', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `interactions-${10000 + i * 7}`);
    const r = await db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(`EXPLAIN (FORMAT JSON) ${SOURCE_HASHES_SQL}`, ['interactions', textArray(ids)]);
    const raw = r.rows[0]['QUERY PLAN'];
    const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw)[0].Plan as PlanNode;
    const scans = nodes(plan).filter((n) => /Index/.test(n['Node Type']));
    expect(scans.length).toBeGreaterThan(0);
    expect(scans.some((n) => /source_id = ANY/.test(n['Index Cond'] ?? ''))).toBe(true);
    expect(nodes(plan).some((n) => /source_id = ANY/.test(n.Filter ?? ''))).toBe(false);
    const found = await db.query(SOURCE_HASHES_SQL, ['interactions', textArray(ids)]);
    expect(found.rows).toHaveLength(200);
  });

  it('tells whether a source table has any passage (an import skips the lookup where none)', async () => {
    expect(await hasSourceChunks(db, 'interactions')).toBe(true);
    expect(await hasSourceChunks(db, 'opportunities')).toBe(false);
  });
});
