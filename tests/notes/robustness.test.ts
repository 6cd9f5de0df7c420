// Nothing typed is lost: when extraction itself fails, the note is still saved (as its text, at
// the time sent) on the account it names; and the competitor list comes from settings when set.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/index.ts';
import { sampleDb } from '../helpers/db.ts';
import { chat, interaction, noteData, testApp } from './helpers.ts';

const failing = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/conversation/notes/extract/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/conversation/notes/extract/index.ts')>();
  return {
    ...real,
    extractNote: (...args: Parameters<typeof real.extractNote>) => {
      if (failing.on) throw new Error('extractor bug');
      return real.extractNote(...args);
    },
  };
});

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

describe('robustness', () => {
  it('an extractor failure still saves the note text on its account', async () => {
    failing.on = true;
    try {
      const u = chat(testApp(db), 'u_zhang');
      const text = '今天拜访了兴业建材的唐宁,周五前发报价';
      const r = await u.say(text);
      const note = noteData(r).note;
      expect(note.status).toBe('filed');
      const i = await interaction(db, note.interaction.id);
      expect(i).toMatchObject({ account_id: 'A600', summary: text, type: 'visit', contact_ids: [] });
      expect(i.occurred_at.toISOString()).toBe('2026-11-24T10:00:00.000Z');
      await u.say('撤销');
    } finally {
      failing.on = false;
    }
  });

  it('the competitor list in settings replaces the default one', async () => {
    await db.query(`INSERT INTO settings (key, value) VALUES ('notes.competitors', $1::jsonb)`, [JSON.stringify([{ name: '恒力重工', aliases: ['Hengli'] }])]);
    try {
      const u = chat(testApp(db), 'u_zhang');
      const r = await u.say('今天拜访了兴业建材的唐宁,恒力重工和三一都报了价');
      expect(noteData(r).note.competitors).toEqual(['恒力重工']);
      expect(r.text).toContain('竞品:恒力重工');
      await u.say('撤销');
    } finally {
      await db.query(`DELETE FROM settings WHERE key = 'notes.competitors'`);
    }
    const r = await chat(testApp(db), 'u_zhang').say('今天拜访了兴业建材的唐宁,三一也报了价');
    expect(noteData(r).note.competitors).toEqual(['三一']);
  });
});
