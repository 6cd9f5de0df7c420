// The visit-note corpus (tests/notes/corpus/): notes written from the sample data and from data
// made by bench/generate.mjs, colloquial, terse, English, mixed and mistyped, each with the facts
// that must be saved. Every note goes through the real turn loop, is checked field by field
// against what was saved, then undone (which must restore the data exactly). A per-class score is
// printed; every note must be right.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { importDir } from '../../src/importing/import-dir.ts';
import { emptyDb, sampleDb } from '../helpers/db.ts';
// @ts-expect-error: a plain ES module without types
import { generate } from '../../bench/generate.mjs';
import { generatedNotes } from './corpus/generated-notes.ts';
import { SAMPLE_NOTES, type NoteCase } from './corpus/sample-notes.ts';
import { chat, dataState as counts, noteData, testApp } from './helpers.ts';

const AT = '2026-11-24T18:00:00+08:00';
const scores = new Map<string, { n: number; ok: number; failures: string[] }>();

/** What differs between the note as saved and what the case expects ([] when it all matches). */
function mismatches(c: NoteCase, note: any): string[] {
  const e = c.expect;
  const out: string[] = [];
  const same = (a: unknown[], b: unknown[]) => JSON.stringify([...a].map(String).sort()) === JSON.stringify([...b].map(String).sort());
  const account = note?.status === 'filed' ? note.account?.id : null;
  if (account !== e.account) out.push(`account ${account} ≠ ${e.account}`);
  if (e.account === null) return out;
  const i = note?.interaction;
  if (!i) return [...out, 'nothing filed'];
  const contacts = i.contacts.map((x: any) => x.name);
  if (e.contacts && !same(contacts, e.contacts)) out.push(`contacts ${JSON.stringify(contacts)} ≠ ${JSON.stringify(e.contacts)}`);
  if (e.type && i.type !== e.type) out.push(`type ${i.type} ≠ ${e.type}`);
  if (e.nextStep === null && i.nextStep) out.push(`next step "${i.nextStep}" ≠ none`);
  if (e.nextStep && !(i.nextStep ?? '').includes(e.nextStep)) out.push(`next step "${i.nextStep}" ⊉ "${e.nextStep}"`);
  if (e.due !== undefined && i.nextStepDue !== e.due) out.push(`due ${i.nextStepDue} ≠ ${e.due}`);
  if (e.amounts && !same(note.amounts.map((a: any) => a.value), e.amounts)) out.push(`amounts ${JSON.stringify(note.amounts.map((a: any) => a.value))} ≠ ${JSON.stringify(e.amounts)}`);
  if (e.competitors && !same(note.competitors, e.competitors)) out.push(`competitors ${JSON.stringify(note.competitors)} ≠ ${JSON.stringify(e.competitors)}`);
  return out;
}

async function runCases(db: Db, cases: NoteCase[]) {
  const app = testApp(db);
  for (const c of cases) {
    const before = await counts(db);
    const u = chat(app, c.user, AT);
    const note = noteData(await u.say(c.text)).note;
    const wrong = mismatches(c, note);
    await u.say('撤销');
    const s = scores.get(c.class) ?? { n: 0, ok: 0, failures: [] };
    s.n++;
    if (wrong.length) s.failures.push(`${c.text}\n      ${wrong.join('; ')}`);
    else s.ok++;
    scores.set(c.class, s);
    // Undo leaves the data as it was, so each case starts from the same state.
    expect(await counts(db)).toEqual(before);
  }
}

afterAll(() => {
  const lines = [...scores].map(([k, s]) => `${k.padEnd(11)} ${String(s.ok).padStart(3)}/${String(s.n).padEnd(3)} ${((100 * s.ok) / s.n).toFixed(1)} %`);
  const total = [...scores.values()].reduce((a, s) => ({ n: a.n + s.n, ok: a.ok + s.ok }), { n: 0, ok: 0 });
  console.log(`visit-note corpus, per class:\n${lines.join('\n')}\ntotal       ${total.ok}/${total.n}`);
  for (const [k, s] of scores) for (const f of s.failures) console.log(`  ✗ [${k}] ${f}`);
});

describe('the visit-note corpus', () => {
  it('has at least 100 notes', () => {
    expect(SAMPLE_NOTES.length).toBeGreaterThanOrEqual(70);
  });

  describe('on the sample data', () => {
    let db: Db;
    beforeAll(async () => {
      db = await sampleDb();
    });
    afterAll(() => db.close());
    for (const cls of ['colloquial', 'terse', 'english', 'mixed', 'typos'] as const) {
      it(`${cls}: every note saves exactly its facts`, { timeout: 240_000 }, async () => {
        await runCases(db, SAMPLE_NOTES.filter((c) => c.class === cls));
        expect(scores.get(cls)?.failures ?? []).toEqual([]);
      });
    }
  });

  describe('on generated data', () => {
    let db: Db;
    let cases: NoteCase[] = [];
    beforeAll(async () => {
      db = await emptyDb();
      const dir = mkdtempSync(join(tmpdir(), 'kam-corpus-'));
      await generate({ accounts: 3, out: dir, seed: 7 });
      await importDir(db, dir, 'Asia/Shanghai');
      cases = generatedNotes(dir);
    }, 120_000);
    afterAll(() => db.close());
    it('every note saves exactly its facts', { timeout: 240_000 }, async () => {
      expect(cases.length + SAMPLE_NOTES.length).toBeGreaterThanOrEqual(100);
      await runCases(db, cases);
      expect(scores.get('generated')?.failures ?? []).toEqual([]);
    });
  });
});
