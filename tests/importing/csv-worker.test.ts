// Files read in a worker thread (csv-rows.ts) import exactly as files read on the main thread:
// the same FILE:LINE problems in the same order, nothing written on error, the same counts,
// progress and export; a file bigger than the worker's window of unread messages streams through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/index.ts';
import { FORMATS } from '../../src/domain/csv-format.ts';
import { csvItems, csvItemsInWorker, workerCanRead, type CsvItem } from '../../src/importing/csv-rows.ts';
import { importDir, ImportFailed, type ImportOptions, type ImportProgress } from '../../src/importing/import-dir.ts';
import { exportDir } from '../../src/importing/export-dir.ts';
import { emptyDb, sampleDb } from '../helpers/db.ts';
import { SAMPLE_DIR, TEST_TZ } from '../helpers/paths.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'kam-csvw-'));

function sampleCopy(): string {
  const dir = tmp();
  cpSync(SAMPLE_DIR, dir, { recursive: true });
  return dir;
}

async function problemsOf(db: Db, dir: string, opts: ImportOptions): Promise<string[]> {
  try {
    await importDir(db, dir, TEST_TZ, opts);
  } catch (e) {
    if (e instanceof ImportFailed) return e.problems;
    throw e;
  }
  return [];
}

function readExport(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

async function collect(items: AsyncIterable<CsvItem>): Promise<CsvItem[]> {
  const out: CsvItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const interactions = FORMATS.find((f) => f.table === 'interactions')!;
const header = 'id,account_id,user_id,occurred_at,type,contact_ids,summary,next_step,next_step_due';

/** n interaction rows, every 997th with a bad type, every 1,999th with a field too many. */
function bigInteractions(n: number): string {
  const lines = [header];
  for (let i = 1; i <= n; i++) {
    const type = i % 997 === 0 ? 'fax' : 'visit';
    const extra = i % 1999 === 0 ? ',x' : '';
    lines.push(`I${i},A100,u_li,2026-0${1 + (i % 9)}-1${i % 10}T09:30:00+08:00,${type},C1001,"第${i}次拜访, 谈到\n价格",,${extra}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('CSV files read in a worker thread', () => {
  let db: Db;
  beforeAll(async () => {
    db = await sampleDb();
  });
  afterAll(() => db.close());

  it('is available from the sources for every import format', () => {
    for (const f of FORMATS) expect(workerCanRead(f)).toBe(true);
  });

  it('yields the same items as reading on this thread, through many messages', async () => {
    const dir = tmp();
    const path = join(dir, 'interactions.csv');
    writeFileSync(path, bigInteractions(12_000));
    const here = await collect(csvItems(interactions, path, 'utf-8', TEST_TZ));
    const there = await collect(csvItemsInWorker(interactions, path, 'utf-8', TEST_TZ));
    expect(there.length).toBeGreaterThan(12_000);
    expect(there).toEqual(here);
    expect(there.filter((i) => i.kind === 'problem').length).toBe(6);
  });

  it('stops the worker when the reader leaves early', async () => {
    const dir = tmp();
    const path = join(dir, 'interactions.csv');
    writeFileSync(path, bigInteractions(12_000));
    let n = 0;
    for await (const _ of csvItemsInWorker(interactions, path, 'utf-8', TEST_TZ)) if (++n === 10) break;
    expect(n).toBe(10);
  });

  it('reports the same problems in the same order, and writes nothing', async () => {
    const dir = sampleCopy();
    const before = tmp();
    await exportDir(db, before, TEST_TZ);
    appendFileSync(join(dir, 'accounts.csv'), 'A900,新客户,,,,,X,,u_zhang,2024-01-01\n');
    appendFileSync(join(dir, 'orders.csv'), 'O-9,A100,2026-13-01,100,x\nO-10,A100,2026-01-01,5\nO-11,A100,2026-01-01,5,p\nO-11,A100,2026-01-01,5,p\n');
    writeFileSync(join(dir, 'contacts.csv'), readFileSync(join(dir, 'contacts.csv'), 'utf8').replace('C6001,A600,唐宁', 'C6001,A999,唐宁'));
    writeFileSync(join(dir, 'tickets.csv'), 'id,account_id,kind,colour\nT1,A100,complaint,red\n');
    writeFileSync(join(dir, 'interactions.csv'), bigInteractions(3000));
    writeFileSync(join(dir, 'opportunities.csv'), 'id,account_id,name\n"P1,A100,unclosed\n');
    writeFileSync(join(dir, 'budgets.csv'), '');
    const inThread = await problemsOf(db, dir, { csvWorker: 'never' });
    const inWorker = await problemsOf(db, dir, { csvWorker: 'always' });
    expect(inWorker).toEqual(inThread);
    expect(inWorker).toContain('accounts.csv:10: "tier" must be one of S, A, B, C, not "X"');
    expect(inWorker).toContain('orders.csv:16: expected 5 fields, found 4');
    expect(inWorker.some((p) => p.startsWith('orders.csv:18: duplicate id'))).toBe(true);
    expect(inWorker.some((p) => p.startsWith('tickets.csv:1: unknown column "colour"'))).toBe(true);
    expect(inWorker.some((p) => p.startsWith('opportunities.csv:') && p.includes('not valid CSV'))).toBe(true);
    expect(inWorker).toContain('budgets.csv:1: the file is empty (a header row is required)');
    expect(inWorker.filter((p) => p.startsWith('interactions.csv:')).length).toBeGreaterThan(3);
    const after = tmp();
    await exportDir(db, after, TEST_TZ);
    expect(readExport(after)).toEqual(readExport(before));
  });

  it('reports a GBK file once, and reads it with encoding gbk', async () => {
    const gbk = Buffer.from('cef7c9bdbff3d2b5bcafcdc5', 'hex'); // 西山矿业集团
    const dir = tmp();
    writeFileSync(join(dir, 'accounts.csv'), Buffer.concat([Buffer.from('id,name,owner_id,tier\nA200,'), gbk, Buffer.from(',u_li,A\nA300,'), gbk, Buffer.from(',u_li,B\n')]));
    const problems = await problemsOf(db, dir, { csvWorker: 'always' });
    expect(problems).toEqual(await problemsOf(db, dir, { csvWorker: 'never' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^accounts\.csv:2: "name" holds bytes that are not UTF-8/);
    expect(await problemsOf(db, dir, { csvWorker: 'always', encoding: 'gbk' })).toEqual([]);
  });

  it('imports the sample with the same counts, progress and export', async () => {
    const runs: { counts: unknown; progress: ImportProgress[]; files: Record<string, string> }[] = [];
    for (const csvWorker of ['never', 'always'] as const) {
      const fresh = await emptyDb();
      try {
        const progress: ImportProgress[] = [];
        const counts = await importDir(fresh, SAMPLE_DIR, TEST_TZ, { csvWorker, onProgress: (p) => progress.push(p) });
        const out = tmp();
        await exportDir(fresh, out, TEST_TZ);
        runs.push({ counts, progress, files: readExport(out) });
      } finally {
        await fresh.close();
      }
    }
    expect(runs[1]).toEqual(runs[0]);
  });
});
