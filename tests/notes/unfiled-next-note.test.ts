// After an unfiled note asks "which account?", the next message that is itself a note is a new
// note (filed on its own account), and only a reply that names no more than an account answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { sampleDb } from '../helpers/db.ts';
import { capture, chat, contactsOf, noteData, testApp } from './helpers.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

describe('a note after an unfiled note', () => {
  it('is saved as a new note on its own account; the unfiled one keeps its question and loses nothing', async () => {
    const app = testApp(db);
    const u = chat(app, 'u_zhang');
    const first = noteData(await u.say('今天拜访了宏达机械的王总,聊了装载机的租赁方案'));
    expect(first.note.status).toBe('unfiled');
    const xingye = (await contactsOf(db, 'A600')).length;

    const second = noteData(await u.say('昨天拜访了兴业建材的唐宁,她说预算300万'));
    expect(second.note.status).toBe('filed');
    expect(second.note.noteId).not.toBe(first.note.noteId);
    expect(second.note.account.id).toBe('A600');
    expect(second.note.interaction.summary).toContain('唐宁');
    expect(second.note.interaction.summary).not.toContain('宏达');

    const old = await capture(db, first.note.noteId);
    expect(old.status).toBe('unfiled');
    expect(old.interaction_id).toBeNull();
    expect(old.questions[0]).toMatchObject({ kind: 'choose_account', status: 'open' });
    // Nobody from the first note was added to 兴业建材.
    expect((await contactsOf(db, 'A600')).length).toBe(xingye);

    const list = await u.say('我有哪些未归档的记录?');
    expect(list.text).toContain('宏达机械');
  });

  it('files the unfiled note when the reply is just an account name, with filler words', async () => {
    const app = testApp(db);
    for (const reply of ['兴业建材', '是兴业建材的吧', '应该是北方路桥']) {
      const u = chat(app, 'u_zhang');
      const first = noteData(await u.say('上午去见了王总,谈了装载机租赁'));
      expect(first.note.status).toBe('unfiled');
      const r = noteData(await u.say(reply));
      expect(r.note.noteId).toBe(first.note.noteId);
      expect(r.note.status).toBe('filed');
    }
  });

  it('does not take a question naming an account as the answer', async () => {
    const app = testApp(db);
    const u = chat(app, 'u_zhang');
    const first = noteData(await u.say('上午去见了王总,谈了装载机租赁'));
    await u.say('北方路桥的合同什么时候到期?');
    expect((await capture(db, first.note.noteId)).status).toBe('unfiled');
  });
});
