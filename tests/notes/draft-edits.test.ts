// Edits of a saved note's contacts, money, competitors, type and summary by chat, and Undo after
// them still restoring exactly the state before the note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { parseFollowUp } from '../../src/conversation/notes/follow-ups.ts';
import { sampleDb } from '../helpers/db.ts';
import { chat, contactsOf, counts, interaction, noteData, testApp } from './helpers.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

describe('reading edit requests', () => {
  it.each([
    ['把马振华加到参与人里', { kind: 'add_contact', person: '马振华' }],
    ['联系人是马振华', { kind: 'add_contact', person: '马振华' }],
    ['add Ma Zhenhua to the contacts', { kind: 'add_contact', person: 'Ma Zhenhua' }],
    ['把赵磊吃改成赵磊', { kind: 'rename', from: '赵磊吃', to: '赵磊' }],
    ['金额改成500万', { kind: 'amount', text: '金额改成500万' }],
    ['竞品还有徐工', { kind: 'competitors', op: 'add', text: '徐工' }],
    ['竞品是三一', { kind: 'competitors', op: 'set', text: '三一' }],
    ['没有竞品', { kind: 'competitors', op: 'remove', text: '' }],
    ['改成拜访', { kind: 'type', type: 'visit' }],
    ['改成电话', { kind: 'type', type: 'call' }],
    ['摘要改成谈了二期方案的交付周期', { kind: 'summary', text: '谈了二期方案的交付周期' }],
  ])('%s', (text, expected) => {
    expect(parseFollowUp(text)).toEqual(expected);
  });

  it('still reads a role or an account change', () => {
    expect(parseFollowUp('把高远设为决策人')).toMatchObject({ kind: 'role', person: '高远' });
    expect(parseFollowUp('不是北方路桥,是兴业建材')).toMatchObject({ kind: 'account', from: '北方路桥', to: '兴业建材' });
  });
});

describe('editing a saved note by chat', () => {
  it('corrects a name, adds a contact, changes money, competitors, type and summary; undo restores everything', async () => {
    const u = chat(testApp(db), 'u_li');
    const before = await counts(db);
    const a200 = await contactsOf(db, 'A200');
    const saved = noteData(await u.say('今天去西山矿业跟钱芳处长吃饭,说中联重科在报价,预算大约600万')).note;
    expect(saved.interaction.type).toBe('dinner');
    const id = saved.interaction.id;

    let r = await u.say('把马振华加到参与人里');
    expect(r.text).toContain('已把马振华加到联系人里');
    expect((await interaction(db, id)).contact_ids).toEqual(['C2002', 'C2001']);

    r = await u.say('联系人还有赵磊');
    expect(r.text).toContain('赵磊');
    const zhao = (await contactsOf(db, 'A200')).find((c) => c.name === '赵磊');
    expect(zhao.source).toBe('chat');

    r = await u.say('把赵磊改成赵雷');
    expect(r.text).toContain('已把赵磊改为赵雷');
    const names = (await contactsOf(db, 'A200')).map((c) => c.name);
    expect(names).toContain('赵雷');
    expect(names).not.toContain('赵磊');

    r = await u.say('金额改成500万');
    expect(noteData(r).note.amounts).toEqual([{ value: 5_000_000, currency: 'CNY', kind: 'budget', text: '500万', approximate: false }]);

    r = await u.say('竞品还有徐工');
    expect(noteData(r).note.competitors).toEqual(['中联重科', '徐工']);
    expect(r.text).toContain('竞品:中联重科、徐工');

    r = await u.say('改成拜访');
    expect((await interaction(db, id)).type).toBe('visit');

    r = await u.say('摘要改成和钱芳处长谈了挖掘机更新的预算');
    expect((await interaction(db, id)).summary).toBe('和钱芳处长谈了挖掘机更新的预算');
    expect(noteData(r).note.interaction.id).toBe(id);

    await u.say('撤销');
    expect(await interaction(db, id)).toBeUndefined();
    expect(await contactsOf(db, 'A200')).toEqual(a200);
    expect(await counts(db)).toEqual(before);
  });

  it('the card Edit lists the new edits', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const r = await u.say('今天拜访了兴业建材的唐宁,聊了装载机');
    const edit = r.buttons!.find((b) => b.action === 'note.edit')!;
    const help = await u.press(edit);
    expect(help.text).toContain('把马振华加到参与人里');
    expect(help.text).toContain('金额改成500万');
    await u.say('撤销');
  });

  it('a rename of someone not on the note changes nothing', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const saved = noteData(await u.say('今天拜访了兴业建材的唐宁,聊了装载机')).note;
    const r = await u.say('把周强改成周刚');
    expect(noteData(r)?.note?.interaction?.contacts?.map((c: any) => c.name) ?? ['唐宁']).toEqual(['唐宁']);
    expect((await interaction(db, saved.interaction.id)).contact_ids).toEqual(['C6001']);
    await u.say('撤销');
  });
});
