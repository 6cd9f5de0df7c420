// Follow-up edits of the last note, and undo removing exactly what the note did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { sampleDb } from '../helpers/db.ts';
import { chat, contactsOf, counts, interaction, noteData, testApp } from './helpers.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

const NOTE = '今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对方案很感兴趣。下周三前发送交付计划。';

describe('editing the last note', () => {
  it('日期改成昨天 moves the interaction to yesterday', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const id = noteData(await u.say(NOTE)).note.interaction.id;
    const r = await u.say('日期改成昨天');
    expect(r.text).toContain('已把日期改为 2026-11-23');
    expect((await interaction(db, id)).occurred_at.toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(r.text).toContain('时间:2026-11-23 10:00');
    await u.say('撤销');
  });

  it('不是北方路桥,是兴业建材 moves the note and the people it created; 何军 stays behind', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const before = await counts(db);
    const first = noteData(await u.say(NOTE)).note;
    const r = await u.say('不是北方路桥,是兴业建材');
    const note = noteData(r).note;
    expect(r.text).toContain('已改为记到兴业建材有限公司名下');
    expect(note.interaction.id).toBe(first.interaction.id);
    const i = await interaction(db, note.interaction.id);
    expect(i.account_id).toBe('A600');
    // 何军 is not a contact of 兴业建材: here he is someone new; 高远 likewise.
    expect((await contactsOf(db, 'A400')).map((c) => c.name)).toEqual(['何军']);
    expect((await contactsOf(db, 'A600')).map((c) => c.name).sort()).toEqual(['何军', '唐宁', '高远'].sort());
    expect(await counts(db)).toEqual({ i: before.i + 1, c: before.c + 2 });
    await u.say('撤销');
    expect(await counts(db)).toEqual(before);
  });

  it('把何军设为决策人 changes an existing contact, and undo puts the old role back', async () => {
    const u = chat(testApp(db), 'u_zhang');
    await u.say(NOTE);
    const r = await u.say('把何军设为决策人');
    expect(r.text).toContain('已将何军设为决策者');
    expect((await contactsOf(db, 'A400')).find((c) => c.id === 'C4001').decision_role).toBe('decision_maker');
    // The question about 高远 is still open and asked again.
    expect(r.text).toContain('高远是决策者吗?');
    const no = await u.say('不是');
    expect(no.text).toContain('高远的角色保持不变');
    const undo = await u.say('撤销');
    expect(undo.text).toContain('已恢复何军原来的角色');
    expect((await contactsOf(db, 'A400')).find((c) => c.id === 'C4001').decision_role).toBe('influencer');
  });

  it('把高远设为决策人 sets the new contact\'s role and settles the question', async () => {
    const u = chat(testApp(db), 'u_zhang');
    await u.say(NOTE);
    const r = await u.say('把高远设为决策人');
    expect(r.text).toContain('已将高远设为决策者');
    expect(r.text).not.toContain('高远是决策者吗?');
    expect((await contactsOf(db, 'A400')).find((c) => c.name === '高远').decision_role).toBe('decision_maker');
    // "是" now answers nothing and is left to the rest of the assistant.
    expect(noteData(await u.say('是'))?.kind).not.toBe('note');
    await u.say('撤销');
    expect((await contactsOf(db, 'A400')).map((c) => c.name)).toEqual(['何军']);
  });

  it('type, next step and due date', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const id = noteData(await u.say(NOTE)).note.interaction.id;
    await u.say('类型改成电话');
    expect((await interaction(db, id)).type).toBe('call');
    const r = await u.say('下一步改成发送报价,周五前');
    expect(await interaction(db, id)).toMatchObject({ next_step: '发送报价', next_step_due: '2026-11-27' });
    expect(r.text).toContain('下一步:发送报价(截止 2026-11-27)');
    await u.say('截止日期改成月底');
    expect((await interaction(db, id)).next_step_due).toBe('2026-11-30');
    await u.say('撤销');
  });

  it('the Edit button explains how to edit, with this note\'s names', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const r = await u.say(NOTE);
    const help = await u.press(r.buttons!.find((b) => b.action === 'note.edit')!);
    expect(help.text).toContain('日期改成昨天');
    expect(help.text).toContain('不是北方路桥建设有限公司');
    expect(help.text).toContain('把何军设为决策人');
    await u.press(r.buttons!.find((b) => b.action === 'note.undo')!);
    expect(await interaction(db, noteData(r).note.interaction.id)).toBeUndefined();
  });

  it('in English: change the date, set the role, undo', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const r = await u.say('Visited Xingye Building Materials today, met buyer Tang Ning about a maintenance package.');
    const note = noteData(r).note;
    expect(note.account.id).toBe('A600');
    expect(note.interaction.contacts.map((c: any) => c.id)).toEqual(['C6001']);
    const d = await u.say('change the date to last Friday');
    expect(d.text).toContain('Date changed to 2026-11-20');
    const role = await u.say('set Tang Ning as gatekeeper');
    expect(role.text).toContain('Set 唐宁 as gatekeeper');
    await u.say('undo');
    expect((await contactsOf(db, 'A600')).find((c) => c.id === 'C6001').decision_role).toBe('user');
  });
});

describe('undo removes only what the note created', () => {
  it('a contact a later note relies on is kept', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const first = noteData(await u.say('今天拜访了兴业建材的采购经理刘芳,谈了装载机保养')).note;
    const liu = first.interaction.contacts.find((c: any) => c.name === '刘芳');
    expect(liu.created).toBe(true);
    const other = chat(testApp(db), 'u_zhang');
    const second = noteData(await other.say('今天下午又和兴业建材的刘芳通了电话')).note;
    expect(second.interaction.contacts.map((c: any) => c.id)).toEqual([liu.id]);

    const undo = await u.say('撤销');
    expect(undo.text).toContain('联系人刘芳已被其他记录使用,予以保留');
    expect(await interaction(db, first.interaction.id)).toBeUndefined();
    expect((await contactsOf(db, 'A600')).some((c) => c.id === liu.id)).toBe(true);
    await other.say('撤销');
  });

  it('nothing to undo in a new chat', async () => {
    const r = await chat(testApp(db), 'u_zhang').say('撤销');
    expect(r.text).toContain('没有可以撤销的记录');
  });

  it('another user cannot undo my note with a button', async () => {
    const mine = await chat(testApp(db), 'u_zhang').say(NOTE);
    const undo = mine.buttons!.find((b) => b.action === 'note.undo')!;
    const theirs = await chat(testApp(db), 'u_li').press(undo);
    expect(theirs.text).toContain('找不到这条记录');
    expect(await interaction(db, noteData(mine).note.interaction.id)).toBeDefined();
  });
});
