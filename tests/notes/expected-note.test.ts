// The note of EXPECTED.md, through the real turn loop: exactly the records it lists, the question
// about 高远's role, the answer, undo, and export.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { exportDir } from '../../src/importing/export-dir.ts';
import { sampleDb } from '../helpers/db.ts';
import { capture, chat, contactsOf, counts, interaction, noteData, testApp } from './helpers.ts';

const NOTE = '今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对桥梁架设设备二期方案很感兴趣,预算大约600万,担心交付周期。下周三前发送交付计划。';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

describe('the EXPECTED.md visit note', () => {
  it('saves exactly the interaction and the new contact, shows them, asks about the role, and undo removes them', async () => {
    const app = testApp(db);
    const before = await counts(db);
    const c4001 = (await contactsOf(db, 'A400'))[0];
    const u = chat(app, 'u_zhang');
    const r = await u.say(NOTE);

    const note = noteData(r).note;
    expect(note.status).toBe('filed');
    const i = await interaction(db, note.interaction.id);
    expect(i).toMatchObject({ account_id: 'A400', user_id: 'u_zhang', type: 'visit', next_step: '发送交付计划', next_step_due: '2026-12-02', source: 'chat' });
    expect(i.id).toMatch(/^CHAT-20261124-\d+$/);
    expect(i.occurred_at.toISOString()).toBe('2026-11-24T07:00:00.000Z');
    expect(i.summary).toContain('高总对桥梁架设设备二期方案很感兴趣');
    expect(i.summary).not.toContain('下周三前');
    const raw = (await db.query<any>('SELECT text FROM raw_messages WHERE id = $1', [i.raw_message_id])).rows[0];
    expect(raw.text).toBe(NOTE);

    expect(i.contact_ids[0]).toBe('C4001');
    expect(i.contact_ids).toHaveLength(2);
    const gao = (await contactsOf(db, 'A400')).find((c) => c.name === '高远');
    expect(gao).toMatchObject({ id: i.contact_ids[1], title: '总经理', level: 'executive', decision_role: null, source: 'chat', active: true });
    expect(gao.id).toMatch(/^CHAT-C-20261124-\d+$/);
    // Nothing else changed: one interaction and one contact more, 何军 untouched.
    expect(await counts(db)).toEqual({ i: before.i + 1, c: before.c + 1 });
    expect((await contactsOf(db, 'A400')).find((c) => c.id === 'C4001')).toEqual(c4001);

    // The reply shows what was saved, the money, and asks about the new executive.
    expect(r.text).toContain('北方路桥建设有限公司');
    expect(r.text).toContain('2026-11-24');
    expect(r.text).toContain('何军');
    expect(r.text).toMatch(/高远\(总经理,新增\)/);
    expect(r.text).toContain('发送交付计划(截止 2026-12-02)');
    expect(r.text).toContain('600万');
    expect(r.text).toContain('6,000,000');
    expect(r.text).toContain('高远是决策者吗?');
    expect(r.buttons!.map((b) => [b.label, b.action])).toEqual([
      ['是', 'note.answer'],
      ['不是', 'note.answer'],
      ['撤销', 'note.undo'],
      ['修改', 'note.edit'],
      // A budget and a project (桥梁架设设备二期方案; P400 of that name is won): offered as an opportunity.
      ['建个商机', 'note.opportunity'],
    ]);
    const row = await capture(db, note.noteId);
    expect(row).toMatchObject({ status: 'filed', account_id: 'A400', interaction_id: i.id, created_contact_ids: [gao.id], raw_message_id: i.raw_message_id });

    // "是" answers the question: 高远 becomes the decision maker.
    const yes = await u.say('是');
    expect(yes.text).toContain('已将高远设为决策者');
    expect((await contactsOf(db, 'A400')).find((c) => c.name === '高远').decision_role).toBe('decision_maker');
    expect(yes.buttons!.map((b) => b.action)).toEqual(['note.undo', 'note.edit', 'note.opportunity']);

    // "撤销" removes exactly what the note created; the message itself stays.
    const undo = await u.say('撤销');
    expect(undo.text).toContain(i.id);
    expect(undo.text).toContain('高远');
    expect(await interaction(db, i.id)).toBeUndefined();
    expect((await contactsOf(db, 'A400')).map((c) => c.id)).toEqual(['C4001']);
    expect(await counts(db)).toEqual(before);
    expect((await capture(db, note.noteId)).status).toBe('undone');
    expect((await db.query('SELECT 1 FROM raw_messages WHERE id = $1', [i.raw_message_id])).rows).toHaveLength(1);

    // A second undo has nothing left to do.
    expect((await u.say('撤销')).text).toContain('已经撤销');
  });

  it('sent again, it gets a fresh id; the Yes button confirms the role; export shows the interaction and contact', async () => {
    const app = testApp(db);
    const u = chat(app, 'u_zhang');
    const r = await u.say(NOTE);
    const note = noteData(r).note;
    const yesButton = r.buttons!.find((b) => b.label === '是')!;
    await u.press(yesButton);
    const gao = (await contactsOf(db, 'A400')).find((c) => c.name === '高远');
    expect(gao.decision_role).toBe('decision_maker');

    const dir = mkdtempSync(join(tmpdir(), 'kam-notes-export-'));
    await exportDir(db, dir, 'Asia/Shanghai');
    const interactions = readFileSync(join(dir, 'interactions.csv'), 'utf8');
    const contacts = readFileSync(join(dir, 'contacts.csv'), 'utf8');
    const line = interactions.split('\n').find((l) => l.startsWith(`${note.interaction.id},`))!;
    expect(line).toContain(`A400,u_zhang,2026-11-24T15:00:00+08:00,visit,C4001;${gao.id},`);
    expect(line).toContain('发送交付计划,2026-12-02');
    expect(contacts).toContain(`${gao.id},A400,高远,总经理,,decision_maker,executive,supporter,,,true`);
  });

  it('in English, the same note is answered in English, and "Gao Yuan" is the 高远 already on record', async () => {
    const app = testApp(db);
    const u = chat(app, 'u_zhang');
    const before = await counts(db);
    const gao = (await contactsOf(db, 'A400')).find((c) => c.name === '高远');
    const r = await u.say('Visited Beifang Luqiao this afternoon, met chief engineer He Jun and the new general manager Gao Yuan. Gao Yuan is very interested in phase 2, budget around 6 million yuan, worried about delivery time. Send the delivery plan by next Wednesday.');
    const note = noteData(r).note;
    expect(r.lang).toBe('en');
    const i = await interaction(db, note.interaction.id);
    expect(i).toMatchObject({ account_id: 'A400', type: 'visit', next_step: 'Send the delivery plan', next_step_due: '2026-12-02' });
    expect(i.contact_ids).toEqual(['C4001', gao.id]);
    expect(await counts(db)).toEqual({ i: before.i + 1, c: before.c });
    expect(r.text).toContain('Logged visit: 北方路桥建设有限公司');
    expect(r.text).toContain('¥6,000,000');
    expect(r.text).not.toContain('decision maker?');
    await u.say('undo');
    expect(await interaction(db, note.interaction.id)).toBeUndefined();
    expect(await counts(db)).toEqual(before);
  });
});
