// The model-written roadmap plan against the local fake OpenAI server: a valid plan is used with
// its citations dated; any bad reference (unknown id, another account's record, an owner off the
// team), malformed JSON or an HTTP failure falls back to the offline plan with a warning.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { buildRoadmap } from '../../src/insights/roadmap/build.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../emulators/fake-openai.ts';
import { sampleDb } from '../helpers/db.ts';
import { SAMPLE_AT, TEST_TZ } from '../helpers/paths.ts';

let db: Db;
let fake: FakeOpenAI;
let app: AppContext;
const warnings: string[] = [];

beforeAll(async () => {
  db = await sampleDb();
  fake = await startFakeOpenAI();
  const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
  app = { db, config: loadConfig({ KAM_DEMO: 'false', OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test', KAM_LLM_MODEL: 'fake-model', KAM_LLM_TIMEOUT_MS: '5000' }), log };
});
afterAll(async () => {
  await fake.close();
  await db.close();
});

const build = (userId = 'u_li', accountId = 'A200') => buildRoadmap(app, { userId, accountId, now: SAMPLE_AT, tz: TEST_TZ, lang: 'zh' });
const offline = async () => (await buildRoadmap(app, { userId: 'u_li', accountId: 'A200', now: SAMPLE_AT, tz: TEST_TZ, lang: 'zh', useLlm: false }))!.plan;

const goodPlan = {
  actions: [
    {
      horizon: 30,
      ownerRole: 'AR',
      ownerId: 'u_li',
      targetContactId: 'C2001',
      action: '拜访马振华总经理,回应三一低价',
      reason: '55天没有高层互动',
      citations: [{ source: 'interaction', id: 'I010' }],
    },
    { horizon: 60, ownerRole: 'SR', ownerId: 'u_wang', targetContactId: 'C2002', action: '更新P200方案', reason: '方案阶段停滞35天', citations: [{ source: 'opportunity', id: 'P200' }, { source: 'interaction', id: 'I009' }] },
  ],
};

const withCitation = (source: string, id: string) => ({ actions: [{ ...goodPlan.actions[0], citations: [{ source, id }] }] });

describe('LLM roadmap plan', () => {
  it('uses a valid plan, dating its citations, after sending facts, gaps and retrieved passages', async () => {
    fake.script([{ content: JSON.stringify(goodPlan) }]);
    const r = (await build())!;
    expect(r.generator).toBe('llm');
    expect(r.warning).toBeUndefined();
    expect(r.plan).toEqual([
      { horizon: 30, ownerRole: 'AR', owner: { id: 'u_li', name: '李娜' }, target: { id: 'C2001', name: '马振华', title: '总经理' }, action: '拜访马振华总经理,回应三一低价', reason: '55天没有高层互动', citations: [{ source: 'interaction', id: 'I010', date: '2026-09-30' }] },
      {
        horizon: 60,
        ownerRole: 'SR',
        owner: { id: 'u_wang', name: '王磊' },
        target: { id: 'C2002', name: '钱芳', title: '机电处处长' },
        action: '更新P200方案',
        reason: '方案阶段停滞35天',
        citations: [
          { source: 'opportunity', id: 'P200', date: '2026-10-20' },
          { source: 'interaction', id: 'I009', date: '2026-08-04' },
        ],
      },
    ]);
    const req = fake.requests[0];
    expect(req.model).toBe('fake-model');
    expect(req.response_format).toEqual({ type: 'json_object' });
    expect(req.messages[0].role).toBe('system');
    const input = JSON.parse(req.messages[1].content!);
    expect(input.gaps.map((g: { kind: string }) => g.kind)).toEqual(expect.arrayContaining(['executive_silence', 'budget_lag', 'stalled_opportunity']));
    expect(input.retrieved['opportunity:P200'].map((p: { id: string }) => p.id)).toContain('I008');
    // Only the account's own records go to the model.
    expect(JSON.stringify(input)).not.toContain('I001');
  });

  it.each([
    ['an id that does not exist', withCitation('interaction', 'I999'), 'I999'],
    ['a record of an account the user may not see', withCitation('interaction', 'I001'), 'I001'],
    ['a record of another account', withCitation('ticket', 'T004'), 'T004'],
    ['a project cited as an interaction', withCitation('interaction', 'J200'), 'J200'],
  ])('falls back to the offline plan when the plan cites %s', async (_what, plan, id) => {
    fake.script([{ content: JSON.stringify(plan) }]);
    warnings.length = 0;
    const r = (await build())!;
    expect(r.generator).toBe('offline');
    expect(r.warning).toContain(id);
    expect(r.plan).toEqual(await offline());
    expect(warnings.join('')).toContain('the model plan was refused');
  });

  it('falls back when an owner is not on the team or a target is not a contact', async () => {
    fake.script([{ content: JSON.stringify({ actions: [{ ...goodPlan.actions[0], ownerId: 'u_zhang' }] }) }]);
    expect((await build())!).toMatchObject({ generator: 'offline', warning: expect.stringContaining('u_zhang') });
    fake.script([{ content: JSON.stringify({ actions: [{ ...goodPlan.actions[0], targetContactId: 'C1001' }] }) }]);
    expect((await build())!).toMatchObject({ generator: 'offline', warning: expect.stringContaining('C1001') });
  });

  it('falls back on malformed output, a schema violation and a server error', async () => {
    fake.script([{ content: 'Here is your plan: do better.' }]);
    expect((await build())!).toMatchObject({ generator: 'offline', warning: expect.stringContaining('JSON') });
    fake.script([{ content: JSON.stringify({ actions: [{ ...goodPlan.actions[0], horizon: 45 }] }) }]);
    expect((await build())!).toMatchObject({ generator: 'offline', warning: expect.stringContaining('schema') });
    fake.script([{ status: 500 }, { status: 500 }]);
    expect((await build())!.generator).toBe('offline');
  });
});
