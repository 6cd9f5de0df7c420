// A bare new date after a note ("改成下周四", "推迟到月底", "make it next Friday"): a day ahead moves
// the next step's due date, a day gone by the note's own date; a day ahead on a note without a
// next step is not guessed at. At 2026-11-24 18:00 (+08:00), a Tuesday.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { parseFollowUp } from '../../src/conversation/notes/follow-ups.ts';
import { sampleDb } from '../helpers/db.ts';
import { chat, interaction, noteData, testApp } from './helpers.ts';

describe('parsing a bare date', () => {
  it.each([
    ['改成下周四', '下周四'],
    ['推迟到月底', '月底'],
    ['改到12月10日', '12月10日'],
    ['make it next Friday', 'next Friday'],
    ['push it to the end of month', 'the end of month'],
  ])('%s', (text, when) => {
    expect(parseFollowUp(text)).toEqual({ kind: 'when', text: when });
  });

  it('other edits keep their meaning', () => {
    expect(parseFollowUp('改成电话')).toEqual({ kind: 'type', type: 'call' });
    expect(parseFollowUp('日期改成昨天')).toEqual({ kind: 'date', text: '昨天' });
    expect(parseFollowUp('改成下周四开会')).not.toEqual(expect.objectContaining({ kind: 'when' }));
  });
});

describe('applying it', () => {
  let db: Db;
  beforeAll(async () => {
    db = await sampleDb();
  });
  afterAll(() => db.close());

  it('a day ahead moves the due date of the next step', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const id = noteData(await u.say('今天拜访了北方路桥的何军总工,下周五前发送技术方案')).note.interaction.id;
    expect((await interaction(db, id)).next_step_due).toBe('2026-12-04');
    const r = await u.say('改成下周四');
    expect(r.text).toContain('截止 2026-12-03');
    const i = await interaction(db, id);
    expect(i.next_step_due).toBe('2026-12-03');
    expect(i.next_step).toBe('发送技术方案');
    await u.say('推迟到月底');
    expect((await interaction(db, id)).next_step_due).toBe('2026-11-30');
    await u.say('撤销');
  });

  it('a day gone by moves the note itself', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const id = noteData(await u.say('今天拜访了北方路桥的何军总工,下周五前发送技术方案')).note.interaction.id;
    await u.say('改成昨天');
    const i = await interaction(db, id);
    expect(i.occurred_at.toISOString().slice(0, 10)).toBe('2026-11-23');
    expect(i.next_step_due).toBe('2026-12-04');
    await u.say('撤销');
  });

  it('a day ahead on a note without a next step changes nothing and says how', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const id = noteData(await u.say('今天和兴业建材的唐宁吃饭,聊了明年的合作')).note.interaction.id;
    const before = await interaction(db, id);
    const r = await u.say('改成下周四');
    expect(r.text).toContain('下一步改成');
    expect(await interaction(db, id)).toEqual(before);
    await u.say('撤销');
  });
});
