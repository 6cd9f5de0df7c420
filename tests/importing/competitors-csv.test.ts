// competitors.csv (issue 22): the competitors notes named per account, an optional file of the
// import format. Export → import → export is byte-identical; a note's competitors are exported.
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDir } from '../../src/importing/export-dir.ts';
import { ImportFailed, importDir } from '../../src/importing/import-dir.ts';
import { emptyDb, sampleDb } from '../helpers/db.ts';
import { SAMPLE_DIR, TEST_TZ } from '../helpers/paths.ts';
import { chat, testApp } from '../notes/helpers.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'kam-comp-'));

describe('competitors.csv', () => {
  it('a note\'s competitors are exported, and export → import → export is byte-identical', async () => {
    const src = await sampleDb();
    try {
      await chat(testApp(src), 'u_zhang').say('今天见了兴业建材的唐宁,柳工和"三一"都来过了');
      const a = tmp();
      await exportDir(src, a, TEST_TZ);
      const csv = readFileSync(join(a, 'competitors.csv'), 'utf8');
      expect(csv).toBe('account_id,name,first_seen,last_seen,mentions\nA600,三一,2026-11-24,2026-11-24,1\nA600,柳工,2026-11-24,2026-11-24,1\n');
      const dst = await emptyDb();
      try {
        await importDir(dst, a, TEST_TZ);
        const b = tmp();
        await exportDir(dst, b, TEST_TZ);
        expect(readFileSync(join(b, 'competitors.csv'), 'utf8')).toBe(csv);
        // Importing the same files again changes nothing.
        const again = await importDir(dst, b, TEST_TZ);
        expect(again.find((c) => c.file === 'competitors.csv')).toMatchObject({ rows: 2, inserted: 0, updated: 0, unchanged: 2 });
      } finally {
        await dst.close();
      }
    } finally {
      await src.close();
    }
  });

  it('is optional, and checked like every file', async () => {
    const dir = tmp();
    cpSync(SAMPLE_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'competitors.csv'), 'account_id,name,mentions\nA999,徐工,2\nA100,三一,many\n');
    const db = await emptyDb();
    try {
      const err = await importDir(db, dir, TEST_TZ).catch((e) => e);
      expect(err).toBeInstanceOf(ImportFailed);
      expect((err as ImportFailed).problems.filter((p) => p.startsWith('competitors.csv'))).toHaveLength(2);
    } finally {
      await db.close();
    }
  });
});
