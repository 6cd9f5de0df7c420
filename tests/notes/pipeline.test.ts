// Notes feed the pipeline (issue 22, item 15): a note with an amount and a project offers to
// create an opportunity (one tap, or typed), a note that states a stage or a new amount updates
// the account's open opportunity, competitors named are kept per account; Undo restores it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { readPipeline } from '../../src/conversation/notes/extract/pipeline.ts';
import { NOTE_OPPORTUNITY } from '../../src/conversation/notes/reply.ts';
import { sampleDb } from '../helpers/db.ts';
import { chat, dataState as counts, noteData, testApp } from './helpers.ts';

const AT = '2026-11-24T18:00:00+08:00';

describe('reading the pipeline in a note', () => {
  it.each([
    ['见了孙丽,商机进入谈判阶段,报价改成500万', { stage: 'negotiation', amount: 5_000_000 }],
    ['项目已经推进到方案阶段了', { stage: 'proposal' }],
    ['这单丢单了,输给了三一', { stage: 'lost' }],
    ['Met Tang Ning, the deal moved to negotiation, quote revised to 4.5 million', { stage: 'negotiation', amount: 4_500_000 }],
    ['聊了设备更新的事,预算大约100万', { project: '设备更新' }],
    ['Called Lin Xiao about the storage project; budget around $1.2M', { project: 'storage project' }],
    ['今天跟冯雪聊了正面吊维修的事', {}],
  ])('%s', (text, expected) => {
    expect(readPipeline(text)).toEqual(expected);
  });
  it('a name of the account or a person is never part of the project', () => {
    expect(readPipeline('华东王伟工程集团0的张三聊了设备更新', [{ word: '华东王伟工程集团0', kind: 'organisation' }]).project).toBe('设备更新');
  });
});

describe('notes and opportunities', () => {
  let db: Db;
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    db = await sampleDb();
    app = testApp(db);
  });
  afterAll(() => db.close());
  const opp = async (id: string) => (await db.query<any>('SELECT id, account_id, name, stage, amount::float8 AS amount, owner_id FROM opportunities WHERE id = $1', [id])).rows[0];

  it('a budget and a project offer "建个商机?"; one tap creates it, Undo of the note removes it', async () => {
    const before = await counts(db);
    const u = chat(app, 'u_zhang', AT);
    const r = await u.say('今天下午拜访了北方路桥的何军总工,高总对桥梁架设设备二期方案很感兴趣,预算大约600万');
    // P400 (桥梁架设设备二期) is won, so no open opportunity covers the project.
    expect(noteData(r).note.pipeline.offer).toEqual({ name: '桥梁架设设备二期方案', amount: 6_000_000, stage: 'lead' });
    const button = r.buttons!.find((b) => b.action === NOTE_OPPORTUNITY)!;
    expect(button.label).toBe('建个商机');
    expect(r.text).toContain('建个商机');
    const created = await u.press(button);
    const id = noteData(created).opportunityId as string;
    expect(id).toMatch(/^CHAT-O-20261124-\d+$/);
    expect(await opp(id)).toEqual({ id, account_id: 'A400', name: '桥梁架设设备二期方案', stage: 'lead', amount: 6_000_000, owner_id: 'u_zhang' });
    expect(created.buttons!.some((b) => b.action === NOTE_OPPORTUNITY)).toBe(false);
    expect(created.text).toContain(id);
    // An edit refiles the note: the opportunity the user asked for stays.
    await u.say('日期改成昨天');
    expect(await opp(id)).toBeDefined();
    await u.say('撤销');
    expect(await opp(id)).toBeUndefined();
    expect(await counts(db)).toEqual(before);
  });

  it('typed in English: "create opportunity"', async () => {
    const before = await counts(db);
    const u = chat(app, 'u_li', AT);
    const r = await u.say('Called Lin Xiao at Lanhai this morning about the substation retrofit project, budget around 2 million');
    expect(noteData(r).note.pipeline.offer?.name).toBe('substation retrofit project');
    const created = await u.say('create opportunity');
    const id = noteData(created).opportunityId as string;
    expect((await opp(id)).account_id).toBe('A500');
    await u.say('undo');
    expect(await counts(db)).toEqual(before);
  });

  it('a stated stage and amount update the open opportunity the note names; Undo restores it', async () => {
    const before = await counts(db);
    const was = await opp('P200');
    const u = chat(app, 'u_li', AT);
    const r = await u.say('今天见了西山矿业的马振华,矿用挖掘机更新项目进入谈判阶段,报价改成800万');
    expect(await opp('P200')).toEqual({ ...was, stage: 'negotiation', amount: 8_000_000 });
    expect(noteData(r).note.pipeline.updated).toEqual([{ id: 'P200', name: '矿用挖掘机更新项目', before: { stage: 'proposal', amount: 8_500_000 }, after: { stage: 'negotiation', amount: 8_000_000 } }]);
    expect(noteData(r).note.pipeline.offer).toBeUndefined();
    expect(r.text).toContain('P200');
    await u.say('撤销');
    expect(await opp('P200')).toEqual(was);
    expect(await counts(db)).toEqual(before);
  });

  it('the account\'s only open opportunity is the one a note without a project means', async () => {
    const was = await opp('P500');
    const u = chat(app, 'u_li', AT);
    await u.say('今天跟蓝海新能源的林晓开了个会,商机进入方案阶段');
    expect((await opp('P500')).stage).toBe('proposal');
    await u.say('撤销');
    expect(await opp('P500')).toEqual(was);
  });

  it('competitors named are kept per account and shown in the 360° overview; Undo takes them back', async () => {
    const before = await counts(db);
    const u = chat(app, 'u_zhang', AT);
    const first = await u.say('今天见了兴业建材的唐宁,柳工和临工都来过了');
    const rows = (await db.query<any>("SELECT name, first_seen::text AS first_seen, mentions FROM account_competitors WHERE account_id = 'A600' ORDER BY name")).rows;
    expect(rows).toEqual([
      { name: '临工', first_seen: '2026-11-24', mentions: 1 },
      { name: '柳工', first_seen: '2026-11-24', mentions: 1 },
    ]);
    const overview = await u.say('兴业建材怎么样');
    expect(overview.text).toMatch(/竞品:.*柳工/);
    await u.say('今天和兴业建材唐宁通了电话,柳工又降价了');
    expect((await db.query<any>("SELECT mentions FROM account_competitors WHERE account_id = 'A600' AND name = '柳工'")).rows[0].mentions).toBe(2);
    await u.say('撤销');
    expect((await db.query<any>("SELECT mentions FROM account_competitors WHERE account_id = 'A600' AND name = '柳工'")).rows[0].mentions).toBe(1);
    // The first note is no longer the chat's last: undo it by its button.
    await u.press(first.buttons!.find((b) => b.action === 'note.undo')!);
    expect(await counts(db)).toEqual(before);
  });
});
