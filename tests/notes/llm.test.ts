// The LLM path: function calling into the note schema against a local fake OpenAI server. What it
// returns is used only when it checks out against the note and the database; anything else
// (an invented person, an account the user may not see, a bad date, an HTTP error, garbage)
// falls back to the offline extractor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { NOTE_FUNCTION, type LlmNoteArgs } from '../../src/conversation/notes/llm-extract.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../emulators/fake-openai.ts';
import { sampleDb } from '../helpers/db.ts';
import { capture, chat, contactsOf, interaction, noteData, testApp } from './helpers.ts';

const NOTE = '今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对桥梁架设设备二期方案很感兴趣,预算大约600万,担心交付周期。下周三前发送交付计划。';

function args(patch: Partial<LlmNoteArgs> = {}): LlmNoteArgs {
  return {
    account: '北方路桥',
    type: 'visit',
    occurred_date: '2026-11-24',
    occurred_time: '15:00',
    people: [
      { name: '何军', surname_title: null, title: '总工', decision_role: null, new_in_role: false },
      { name: '高远', surname_title: null, title: '总经理', decision_role: null, new_in_role: true },
    ],
    summary: '拜访何军总工和新任总经理高远,高总对二期方案很感兴趣,担心交付周期。',
    next_step: '发送交付计划',
    next_step_due: '2026-12-02',
    amounts: [{ value: 6_000_000, currency: 'CNY', kind: 'budget', text: '600万' }],
    competitors: [],
    signals: [{ kind: 'positive', text: '很感兴趣', person: '高远' }],
    ...patch,
  };
}

const call = (a: unknown) => ({ toolCalls: [{ name: NOTE_FUNCTION, arguments: typeof a === 'string' ? a : JSON.stringify(a) }] });

let db: Db;
let fake: FakeOpenAI;
beforeAll(async () => {
  db = await sampleDb();
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
  await db.close();
});

function llmApp() {
  return testApp(db, { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test', KAM_LLM_MODEL: 'fake-model', KAM_LLM_TIMEOUT_MS: '1500' });
}

describe('LLM note extraction', () => {
  it('uses the model\'s function call when it checks out, and asks for the note function with the schema', async () => {
    fake.script([call(args())]);
    const u = chat(llmApp(), 'u_zhang');
    const r = await u.say(NOTE);
    const note = noteData(r).note;
    expect(note.engine).toBe('llm');
    const i = await interaction(db, note.interaction.id);
    expect(i).toMatchObject({ account_id: 'A400', type: 'visit', summary: args().summary, next_step: '发送交付计划', next_step_due: '2026-12-02' });
    expect(i.contact_ids[0]).toBe('C4001');
    expect((await contactsOf(db, 'A400')).find((c) => c.id === i.contact_ids[1])).toMatchObject({ name: '高远', title: '总经理', level: 'executive', attitude: 'supporter' });
    expect(r.text).toContain('600万');

    const req = fake.requests[0] as any;
    expect(req.model).toBe('fake-model');
    expect(req.tools.map((t: any) => t.function.name)).toEqual([NOTE_FUNCTION]);
    expect(req.tool_choice).toEqual({ type: 'function', function: { name: NOTE_FUNCTION } });
    expect(Object.keys(req.tools[0].function.parameters.properties)).toContain('next_step_due');
    expect(req.messages.at(-1).content).toBe(NOTE);
    await u.say('撤销');
  });

  it.each([
    ['an invented person', args({ people: [{ name: '张三', surname_title: null, title: '董事长', decision_role: 'decision_maker', new_in_role: false }] })],
    ['a date in the future', args({ occurred_date: '2026-11-30' })],
    ['a competitor the note does not name', args({ competitors: ['三一'] })],
    ['an amount the note does not contain', args({ amounts: [{ value: 9_000_000, currency: 'CNY', kind: 'budget', text: '900万' }] })],
    ['another account than the note names', args({ account: '兴业建材' })],
    ['arguments that do not fit the schema', { ...args(), type: 'lunch' }],
    ['arguments that are not JSON', '{"account": "北方路桥", '],
  ])('falls back to the offline extractor on %s', async (_what, bad) => {
    fake.script([call(bad)]);
    const u = chat(llmApp(), 'u_zhang');
    const r = await u.say(NOTE);
    const note = noteData(r).note;
    expect(note.engine).toBe('offline');
    const i = await interaction(db, note.interaction.id);
    expect(i.summary).toBe('今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对桥梁架设设备二期方案很感兴趣,预算大约600万,担心交付周期。');
    expect(i.account_id).toBe('A400');
    expect((await contactsOf(db, 'A400')).map((c) => c.name).sort()).toEqual(['何军', '高远'].sort());
    await u.say('撤销');
  });

  it('falls back on an HTTP error or a timeout, and nothing typed is lost', async () => {
    fake.script([{ status: 500 }, { status: 500 }]);
    const r1 = await chat(llmApp(), 'u_zhang').say(NOTE);
    expect(noteData(r1).note.engine).toBe('offline');
    fake.script([{ stallMs: 5000 }, { stallMs: 5000 }]);
    const r2 = await chat(llmApp(), 'u_zhang').say('今天拜访了兴业建材的唐宁');
    expect(noteData(r2).note.engine).toBe('offline');
    expect((await capture(db, noteData(r2).note.noteId)).text).toBe('今天拜访了兴业建材的唐宁');
  });

  it('an account the user may not see, named by the model, files nothing there', async () => {
    fake.script([call(args({ account: '西山矿业', people: [{ name: '马振华', surname_title: null, title: '总经理', decision_role: null, new_in_role: false }], summary: '拜访马振华', amounts: [], signals: [], next_step: null, next_step_due: null }))]);
    const before = (await db.query('SELECT count(*)::int AS n FROM interactions WHERE account_id = $1', ['A200'])).rows[0];
    const r = await chat(llmApp(), 'u_zhang').say('今天拜访了西山矿业的马振华总经理,聊了设备更新。');
    expect(noteData(r).event).toBe('unfiled');
    expect(JSON.stringify(r)).not.toContain('A200');
    expect((await db.query('SELECT count(*)::int AS n FROM interactions WHERE account_id = $1', ['A200'])).rows[0]).toEqual(before);
  });

  it('the model may name the account when the text alone did not resolve it, if the user may see it', async () => {
    fake.script([
      call(
        args({
          account: 'Xingye',
          people: [{ name: 'Tang Ning', surname_title: null, title: null, decision_role: null, new_in_role: false }],
          summary: 'Visited Xingye, discussed loader maintenance.',
          amounts: [],
          signals: [],
          next_step: null,
          next_step_due: null,
          occurred_time: null,
        }),
      ),
    ]);
    const u = chat(llmApp(), 'u_zhang');
    const r = await u.say('Stopped by Xingye today, Tang Ning wants loader maintenance.');
    const note = noteData(r).note;
    expect(note.engine).toBe('llm');
    expect(note.account.id).toBe('A600');
    expect(note.interaction.contacts.map((c: any) => c.id)).toEqual(['C6001']);
    await u.say('undo');
  });
});
