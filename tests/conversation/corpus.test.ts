// The question corpus (tests/conversation/corpus/): every question through the turn loop, on the
// sample data (plus a small extra fixture) and on a generated data set, with a per-class score
// printed. Each answer must contain its facts, leak nothing it must not, and cite its records
// (in the reply and in `data.citations`, as `kam ask --json` shows).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/chat/types.ts';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { importDir } from '../../src/importing/import-dir.ts';
import { emptyDb, sampleDb } from '../helpers/db.ts';
import { ROOT, TEST_TZ } from '../helpers/paths.ts';
import { generatedCorpus, GENERATED_SIZE } from './corpus/generated.ts';
import { sampleCorpus } from './corpus/sample.ts';
import { teamCorpus } from './corpus/team.ts';
import type { CorpusCase } from './corpus/types.ts';
import { ask, testApp } from './helpers.ts';
// @ts-expect-error: plain JavaScript module of the benchmarks
import { generate } from '../../bench/generate.mjs';

const scores = new Map<string, { pass: number; total: number; failed: string[] }>();

function problems(k: CorpusCase, r: Reply): string[] {
  const out: string[] = [];
  const text = r.text.toLowerCase();
  for (const m of k.must) {
    const alts = Array.isArray(m) ? m : [m];
    if (!alts.some((a) => text.includes(a.toLowerCase()))) out.push(`missing ${alts.join(' | ')}`);
  }
  const all = JSON.stringify(r).toLowerCase();
  for (const n of k.not ?? []) if (all.includes(n.toLowerCase())) out.push(`must not show ${n}`);
  if (k.cites) {
    const data = r.data as { citations?: unknown[] } | undefined;
    if (!r.citations?.length) out.push('no citations');
    else if (!data?.citations?.length) out.push('no citations in data');
  }
  return out;
}

async function run(app: AppContext, set: string, k: CorpusCase, i: number): Promise<string[]> {
  const turns = Array.isArray(k.q) ? k.q : [k.q];
  const chatId = `corpus-${set}-${i}`;
  let reply: Reply | undefined;
  for (const q of turns) reply = await ask(app, k.user, q, { chatId });
  const found = problems(k, reply!);
  const key = `${set} / ${k.cls}`;
  const s = scores.get(key) ?? { pass: 0, total: 0, failed: [] };
  s.total++;
  if (!found.length) s.pass++;
  else s.failed.push(`${k.user}: ${turns.join(' → ')}: ${found.join('; ')}\n      ${reply!.text.split('\n').slice(0, 3).join(' / ')}`);
  scores.set(key, s);
  return found;
}

afterAll(() => {
  const lines = [...scores.entries()].map(([k, s]) => `${k.padEnd(28)} ${String(s.pass).padStart(3)}/${String(s.total).padEnd(3)} ${((100 * s.pass) / s.total).toFixed(0).padStart(3)} %`);
  const total = [...scores.values()].reduce((a, s) => ({ pass: a.pass + s.pass, total: a.total + s.total }), { pass: 0, total: 0 });
  lines.push(`${'all'.padEnd(28)} ${String(total.pass).padStart(3)}/${String(total.total).padEnd(3)} ${((100 * total.pass) / Math.max(1, total.total)).toFixed(0).padStart(3)} %`);
  const failed = [...scores.values()].flatMap((s) => s.failed);
  console.log(`question corpus, per class:\n${lines.join('\n')}${failed.length ? `\nfailed:\n  ${failed.join('\n  ')}` : ''}`);
});

describe('question corpus on the sample data', () => {
  let db: Db;
  let app: AppContext;
  beforeAll(async () => {
    db = await sampleDb();
    await importDir(db, join(ROOT, 'tests', 'fixtures', 'corpus-extra'), TEST_TZ);
    app = testApp(db);
  });
  afterAll(() => db.close());

  it.each([...sampleCorpus, ...teamCorpus].map((k, i) => [i, `${k.cls}: ${Array.isArray(k.q) ? k.q.join(' → ') : k.q}`, k] as const))('%i %s', async (i, _name, k) => {
    expect(await run(app, 'sample', k, i)).toEqual([]);
  });
});

describe('question corpus on generated data', () => {
  let db: Db;
  let app: AppContext;
  let dir: string;
  let cases: CorpusCase[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kam-corpus-'));
    await generate({ accounts: GENERATED_SIZE, out: dir, seed: 7 });
    db = await emptyDb();
    await importDir(db, dir, TEST_TZ);
    app = testApp(db);
    cases = generatedCorpus(dir);
  }, 120000);
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every generated question', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    const failures: string[] = [];
    for (const [i, k] of cases.entries()) {
      const found = await run(app, 'generated', k, i);
      if (found.length) failures.push(`${Array.isArray(k.q) ? k.q.join(' → ') : k.q}: ${found.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 300000);
});
