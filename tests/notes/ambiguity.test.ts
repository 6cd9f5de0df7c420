// Ambiguity is asked, never guessed: two accounts, two 王总, an unknown person, an unknown or
// forbidden account (kept unfiled, nothing leaks), a subsidiary vs its group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { everything } from '../conversation/helpers.ts';
import { sampleDb } from '../helpers/db.ts';
import { capture, chat, contactsOf, counts, interaction, noteData, testApp } from './helpers.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
  // A second company also called 北方路桥, on u_zhang's team; and two 王总 at 兴业建材.
  await db.exec(`
    INSERT INTO accounts (id, name, aliases, tier, owner_id) VALUES ('A700', '北方路桥养护有限公司', '{北方路桥}', 'B', 'u_zhang');
    INSERT INTO account_team (account_id, user_id, team_role) VALUES ('A700', 'u_zhang', 'AR');
    INSERT INTO contacts (id, account_id, name, title, level) VALUES
      ('C6002', 'A600', '王建', '副总经理', 'executive'),
      ('C6003', 'A600', '王强', '总经理', 'executive');
  `);
});
afterAll(() => db.close());

describe('two accounts answer to the name', () => {
  it('keeps the note unfiled and asks which, with buttons; the choice files it', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const before = await counts(db);
    const r = await u.say('今天拜访了北方路桥,聊了明年的养护设备需求');
    const d = noteData(r);
    expect(d.event).toBe('unfiled');
    expect(d.reason).toBe('ambiguous');
    expect(d.note.status).toBe('unfiled');
    expect(await counts(db)).toEqual(before);
    expect(r.buttons!.filter((b) => b.action === 'note.answer').map((b) => b.label)).toEqual(['北方路桥建设有限公司', '北方路桥养护有限公司']);

    const filed = await u.say('2');
    const note = noteData(filed).note;
    expect(note.status).toBe('filed');
    expect((await interaction(db, note.interaction.id)).account_id).toBe('A700');
    expect(filed.text).toContain('已归档到北方路桥养护有限公司');
    await u.say('撤销');
  });

  it('a contact named in full settles which one', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const r = await u.say('今天拜访了北方路桥的何军,聊了二期方案');
    expect(noteData(r).note.account.id).toBe('A400');
    await u.say('撤销');
  });
});

describe('two 王总 on one account', () => {
  it('files the note, asks which 王总 with buttons, and links the one chosen', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const r = await u.say('今天拜访了兴业建材的王总,确认了装载机订单');
    const note = noteData(r).note;
    expect(note.account.id).toBe('A600');
    expect(note.interaction.contacts).toEqual([]);
    expect(r.text).toContain('"王总"指的是哪一位?');
    const choices = r.buttons!.filter((b) => b.action === 'note.answer');
    expect(choices.map((b) => b.value!.answer)).toEqual(['C6002', 'C6003', 'none']);

    const chosen = await u.press(choices[1]);
    expect(chosen.text).toContain('已关联联系人王强');
    expect((await interaction(db, note.interaction.id)).contact_ids).toEqual(['C6003']);
    expect(noteData(chosen).note.interaction.id).toBe(note.interaction.id);
    await u.say('撤销');
    expect((await contactsOf(db, 'A600')).map((c) => c.id)).toEqual(['C6001', 'C6002', 'C6003']);
  });

  it('王总 said by the new 总经理 王强 by name is no question', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const r = await u.say('今天拜访了兴业建材的王强总经理,王总对保养套餐很满意');
    expect(noteData(r).note.interaction.contacts.map((c: any) => c.id)).toEqual(['C6003']);
    expect(noteData(r).note.question).toBeUndefined();
    await u.say('撤销');
  });
});

describe('a reference nobody on the account fits', () => {
  it('asks for the full name and adds the person with the title the reference implies', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const r = await u.say('今天拜访兴业建材,见了刘处长,对方想要保养报价');
    expect(r.text).toContain('"刘处长"');
    const named = await u.say('刘洋');
    expect(named.text).toContain('已新增联系人刘洋');
    const liu = (await contactsOf(db, 'A600')).find((c) => c.name === '刘洋');
    expect(liu).toMatchObject({ title: '处长', level: 'manager', source: 'chat' });
    expect((await interaction(db, noteData(named).note.interaction.id)).contact_ids).toEqual([liu.id]);
    await u.say('撤销');
    expect((await contactsOf(db, 'A600')).find((c) => c.name === '刘洋')).toBeUndefined();
  });
});

describe('unknown and forbidden accounts', () => {
  it('an unknown account: kept unfiled, asked which account, "这是兴业建材的" files it', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const before = await counts(db);
    const r = await u.say('今天拜访了东方重工的李总,对方在考虑采购两台装载机');
    expect(noteData(r).event).toBe('unfiled');
    expect(r.text).toContain('未归档');
    expect(await counts(db)).toEqual(before);
    const filed = await u.say('这是兴业建材的');
    const note = noteData(filed).note;
    expect(note.status).toBe('filed');
    expect((await interaction(db, note.interaction.id)).account_id).toBe('A600');
    await u.say('撤销');
  });

  it("an account the user may not see is answered like an unknown one and files nothing on it", async () => {
    const u = chat(testApp(db), 'u_zhang');
    const a200 = { i: (await db.query('SELECT count(*)::int AS n FROM interactions WHERE account_id = $1', ['A200'])).rows[0], c: await contactsOf(db, 'A200') };
    const r = await u.say('今天拜访了西山矿业的马振华总经理,聊了设备更新。');
    const unknown = await chat(testApp(db), 'u_zhang').say('今天拜访了东山矿业的马振华总经理,聊了设备更新。');
    expect(noteData(r).event).toBe('unfiled');
    // Same wording as for an account that does not exist, and nothing about the real one.
    expect(r.text.split('\n')[0]).toBe(unknown.text.split('\n')[0]);
    for (const leak of ['西山', 'A200', '马振华', 'C2001', '矿业集团']) expect(everything(r)).not.toContain(leak);

    // Trying to file it there fails the same way.
    const refused = await u.say('这是西山矿业的');
    expect(refused.text).toBe('在你的客户里没有找到"西山矿业"。');
    const row = await capture(db, noteData(r).note.noteId);
    expect(row).toMatchObject({ status: 'unfiled', account_id: null, interaction_id: null });
    expect((await db.query('SELECT count(*)::int AS n FROM interactions WHERE account_id = $1', ['A200'])).rows[0]).toEqual(a200.i);
    expect(await contactsOf(db, 'A200')).toEqual(a200.c);

    // Listed on request; nothing typed is lost.
    const list = await u.say('我有哪些未归档的记录?');
    expect(list.text).toContain('今天拜访了西山矿业的马振华总经理');
    await u.say('撤销');
  });

  it('"第1条是兴业建材的" files a listed note', async () => {
    const u = chat(testApp(db), 'u_li');
    await u.say('今天拜访了南湖水泥的周总');
    const list = await u.say('unfiled notes');
    expect(list.text).toContain('南湖水泥');
    const filed = await u.say('第1条是蓝海新能源的');
    expect(noteData(filed).note.account.id).toBe('A500');
    await u.say('撤销');
  });
});

describe('subsidiary or group', () => {
  it('华东一公司 goes to the subsidiary, with its 黄海 matched', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const r = await u.say('昨天拜访了华东一公司的黄海经理,液压系统运行正常');
    const note = noteData(r).note;
    expect(note.account.id).toBe('A101');
    expect(note.interaction.contacts.map((c: any) => c.id)).toEqual(['C1011']);
    expect(note.interaction.date).toBe('2026-11-23');
    await u.say('撤销');
  });

  it('中建华东 goes to the group, with 刘建国 by name and 孙部长 by surname and title', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const r = await u.say('今天和中建华东的刘建国副总、孙部长开会,讨论了框架协议');
    const note = noteData(r).note;
    expect(note.account.id).toBe('A100');
    expect(note.interaction.type).toBe('meeting');
    expect(note.interaction.contacts.map((c: any) => c.id)).toEqual(['C1001', 'C1002']);
    await u.say('撤销');
  });

  it('with no account named, a contact named in full tells the account', async () => {
    const u = chat(testApp(db), 'u_zhang');
    const r = await u.say('下午和何军总工通了电话,他建议尽快约见总经理');
    const note = noteData(r).note;
    expect(note.account.id).toBe('A400');
    expect(note.interaction.type).toBe('call');
    await u.say('撤销');
  });
});
