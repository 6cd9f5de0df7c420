// kam reindex takes the retrieval lease kam start's background re-embedding holds: while another
// instance holds it, reindex changes nothing and says so (exit 1); --status names the holder.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/index.ts';
import { takeLease } from '../../src/store/leases.ts';
import { kam, tempDataDir } from '../helpers/cli.ts';
import { SAMPLE_DIR } from '../helpers/paths.ts';

const dir = tempDataDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kam reindex and the retrieval lease', () => {
  it('refuses while another instance holds the lease, runs once it is free', async () => {
    const env = { KAM_DATA_DIR: dir };
    expect(kam(['import', SAMPLE_DIR], env).code).toBe(0);
    const db = await openDatabase({ dataDir: dir });
    try {
      await db.query('UPDATE chunks SET embedding = NULL');
      expect(await takeLease(db, 'retrieval', 'other-host:4242:abcd', 60_000)).toBe(true);
    } finally {
      await db.close();
    }
    const status = kam(['reindex', '--status'], env);
    expect(status.stdout).toMatch(/in progress: other-host:4242:abcd has been re-embedding or building vector indexes since/);
    const refused = kam(['reindex'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/another instance is re-embedding passages or building vector indexes on this database \(other-host:4242:abcd, since .*\); nothing was changed/);
    expect(kam(['reindex', '--status'], env).stdout).toMatch(/: 0 of [1-9]\d* passages embedded/);

    const db2 = await openDatabase({ dataDir: dir });
    await db2.query('DELETE FROM work_leases');
    await db2.close();
    const ran = kam(['reindex'], env);
    expect(ran.code).toBe(0);
    expect(kam(['reindex', '--status'], env).stdout).toMatch(/: ([1-9]\d*) of \1 passages embedded, 0 waiting/);
  }, 120_000);
});
