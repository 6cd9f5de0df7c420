// kam import tells what it is doing: files and rows as they are read, then each after-import step;
// as pino lines on stderr when that is not a terminal.
import { describe, expect, it, vi } from 'vitest';
import { importDir, type ImportProgress } from '../../src/importing/import-dir.ts';
import { emptyDb } from '../helpers/db.ts';
import { kam, tempDataDir } from '../helpers/cli.ts';
import { SAMPLE_DIR, TEST_TZ } from '../helpers/paths.ts';

vi.setConfig({ testTimeout: 180_000 });

describe('import progress', () => {
  it('reports the files, their rows and the after-import steps, in order', async () => {
    const db = await emptyDb();
    try {
      const seen: ImportProgress[] = [];
      await importDir(db, SAMPLE_DIR, TEST_TZ, { onProgress: (p) => seen.push(p) });
      expect(seen[0]).toMatchObject({ kind: 'start' });
      expect((seen[0] as any).files.map((f: any) => f.file)).toContain('interactions.csv');
      expect(seen.find((p) => p.kind === 'file_done' && p.file === 'interactions.csv')).toMatchObject({ rows: 20 });
      expect(seen.filter((p) => p.kind === 'step').map((p: any) => p.step)).toEqual(['chunkImportedRecords', 'backfillAfterImport', 'refreshPlannerStatistics', 'refreshLatinKeys']);
      expect(seen.at(-1)).toEqual({ kind: 'done' });
      const kinds = seen.map((p) => p.kind);
      expect(kinds.lastIndexOf('file_done')).toBeLessThan(kinds.indexOf('step'));
    } finally {
      await db.close();
    }
  });

  it('kam import prints pino lines on stderr when not a terminal, counts on stdout', () => {
    const r = kam(['import', SAMPLE_DIR], { KAM_DATA_DIR: tempDataDir(), LOG_LEVEL: 'info' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/accounts\.csv\s+8 rows: 8 new/);
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.msg)).toContain('import committed');
    expect(lines.filter((l) => l.msg === 'after import').map((l) => l.step)).toContain('health history');
    expect(lines.find((l) => l.msg === 'import file read' && l.file === 'orders.csv')).toMatchObject({ rows: 13 });
  });
});
