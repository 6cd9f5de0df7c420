// The LLM engine against a local fake OpenAI-compatible server with scripted tool calls:
// grounded answers, malformed and invalid tool calls answered with the error, visibility,
// ambiguity, and the offline fallback on endpoint failure or timeout.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { MAX_ROUNDS } from '../../src/conversation/llm/engine.ts';
import { tools } from '../../src/conversation/tools/index.ts';
import { sampleDb } from '../helpers/db.ts';
import { startFakeOpenAI, type ChatRequest, type FakeOpenAI } from '../emulators/fake-openai.ts';
import { ask, everything, testApp } from './helpers.ts';

let db: Db;
let fake: FakeOpenAI;
let app: AppContext;
let logs: string[];

function logStream() {
  return new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
}

beforeAll(async () => {
  db = await sampleDb();
  fake = await startFakeOpenAI();
  await db.query(`INSERT INTO accounts (id, name, aliases, tier, owner_id) VALUES ('A700', '西山水泥有限公司', '{西山水泥}', 'B', 'u_li')`);
  await db.query(`INSERT INTO account_team (account_id, user_id, team_role) VALUES ('A700', 'u_li', 'AR')`);
});
afterAll(async () => {
  await fake.close();
  await db.close();
});
beforeEach(() => {
  logs = [];
  app = testApp(db, { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-test', KAM_LLM_MODEL: 'fake-model', KAM_LLM_TIMEOUT_MS: '8000' }, logStream());
});

const toolMessages = (r: ChatRequest) => r.messages.filter((m) => m.role === 'tool').map((m) => m.content ?? '');
const lastToolResult = (r: ChatRequest) => JSON.parse(toolMessages(r).at(-1)!);

describe('LLM engine with scripted tool calls', () => {
  it('calls a tool, grounds the answer in its result, and sends every tool with its JSON schema', async () => {
    fake.script([
      { toolCalls: [{ name: 'last_interaction', arguments: JSON.stringify({ account: '中建华东', executiveOnly: true }) }] },
      (req) => {
        const out = lastToolResult(req);
        return { content: `中建华东最近一次高层拜访是 ${out.interaction.date},见了${out.interaction.contacts[0].name}。` };
      },
    ]);
    const r = await ask(app, 'u_zhang', '中建华东最近一次高层拜访是什么时候?');
    expect(logs.join('')).toBe('');
    expect(r.text).toBe('中建华东最近一次高层拜访是 2026-11-10,见了刘建国。');
    expect(r.data).toMatchObject({ engine: 'llm', model: 'fake-model', calls: [{ tool: 'last_interaction', ok: true }] });
    expect(r.citations?.[0]).toMatchObject({ source: 'interaction', id: 'I006' });
    const first = fake.requests[0];
    expect(first.model).toBe('fake-model');
    expect(first.tools?.map((x) => x.function.name).sort()).toEqual(tools.map((x) => x.name).sort());
    const spec = first.tools!.find((x) => x.function.name === 'last_interaction')!.function.parameters as any;
    expect(spec.type).toBe('object');
    expect(spec.required).toEqual(['account']);
    expect(Object.keys(spec.properties)).toEqual(expect.arrayContaining(['account', 'executiveOnly', 'type', 'contact']));
    expect(first.messages[0].role).toBe('system');
    expect(first.messages[0].content).toContain('2026-11-24');
    expect(fake.authorizations[0]).toBe('Bearer sk-test');
  });

  it('answers malformed JSON, invalid arguments and unknown tools with the error so the model can retry', async () => {
    fake.script([
      { toolCalls: [{ name: 'contracts', arguments: '{"account": "江南港务", ' }] },
      { toolCalls: [{ name: 'budget_execution', arguments: JSON.stringify({ account: 42, year: 'this year' }) }] },
      { toolCalls: [{ name: 'delete_everything', arguments: '{}' }] },
      { toolCalls: [{ name: 'contracts', arguments: JSON.stringify({ account: '江南港务' }) }] },
      (req) => ({ content: `到期日 ${lastToolResult(req).contracts[0].endDate}` }),
    ]);
    const r = await ask(app, 'u_li', '江南港务的合同什么时候到期?');
    expect(r.text).toBe('到期日 2027-01-10');
    const results = toolMessages(fake.requests.at(-1)!).map((c) => JSON.parse(c));
    expect(results[0].error).toContain('not valid JSON');
    expect(results[1].error).toBe('invalid arguments');
    expect(results[1].details).toMatch(/account/);
    expect(results[1].details).toMatch(/year/);
    expect(results[2].error).toContain('unknown tool');
    expect((r.data as any).calls.map((c: any) => c.ok)).toEqual([false, false, false, true]);
  });

  it('never shows the model an account the user may not see', async () => {
    fake.script([
      { toolCalls: [{ name: 'contracts', arguments: JSON.stringify({ account: '西山矿业' }) }] },
      { toolCalls: [{ name: 'contracts', arguments: JSON.stringify({ account: 'A200' }) }] },
      { toolCalls: [{ name: 'contact_lookup', arguments: JSON.stringify({ name: '马振华' }) }] },
      { content: '没有找到这个客户。' },
    ]);
    const r = await ask(app, 'u_zhang', '西山矿业的合同什么时候到期?');
    expect(r.text).toBe('没有找到这个客户。');
    const seen = JSON.stringify(fake.requests.at(-1)!.messages.filter((m) => m.role === 'tool'));
    for (const secret of ['西山矿业集团', 'CT-A200', '2028-02-28', '马振华"', '13900002001']) expect(seen).not.toContain(secret);
    expect(seen).toContain('account not found');
  });

  it('asks back with buttons when the model names an ambiguous account', async () => {
    fake.script([{ toolCalls: [{ name: 'contracts', arguments: JSON.stringify({ account: '西山' }) }] }]);
    const r = await ask(app, 'u_li', '西山的合同什么时候到期?');
    expect((r.data as any).problem).toBe('ambiguous_account');
    expect(r.buttons?.map((b) => b.label).sort()).toEqual(['西山水泥有限公司', '西山矿业集团']);
  });

  it('renders the last tool result when the model keeps calling tools without answering', async () => {
    fake.script(Array.from({ length: MAX_ROUNDS }, () => ({ toolCalls: [{ name: 'tickets', arguments: JSON.stringify({ account: '西山矿业' }) }] })));
    const r = await ask(app, 'u_li', '西山矿业有哪些未解决的工单?');
    expect(fake.requests).toHaveLength(MAX_ROUNDS);
    expect(r.text).toContain('T003');
  });

  it('passes the previous account to the model for follow-ups', async () => {
    fake.script([
      { toolCalls: [{ name: 'contracts', arguments: JSON.stringify({ account: '江南港务' }) }] },
      { content: '2027-01-10' },
      (req) => ({ content: req.messages[0].content!.includes('江南港务集团') ? 'context ok' : 'no context' }),
    ]);
    await ask(app, 'u_li', '江南港务的合同什么时候到期?', { chatId: 'llm-ctx' });
    const r = await ask(app, 'u_li', 'and their tickets?', { chatId: 'llm-ctx' });
    expect(r.text).toBe('context ok');
  });
});

describe('falling back to the offline engine', () => {
  const fallbackLogged = () => logs.some((l) => l.includes('"level":40') && l.includes('offline engine answers'));

  it('on an endpoint error (HTTP 500), with a warning', async () => {
    fake.script([{ status: 500 }, { status: 500 }]);
    const r = await ask(app, 'u_li', '江南港务的合同什么时候到期?');
    expect(r.text).toContain('2027-01-10');
    expect((r.data as any).engine).toBeUndefined();
    expect(fallbackLogged()).toBe(true);
  });

  it('on a timeout', async () => {
    const impatient = testApp(db, { OPENAI_BASE_URL: fake.url, KAM_LLM_TIMEOUT_MS: '1000' }, logStream());
    fake.script([{ stallMs: 20000 }, { stallMs: 20000 }]);
    const started = Date.now();
    const r = await ask(impatient, 'u_zhang', '中建华东的关键决策人是谁?');
    expect(r.text).toContain('刘建国');
    expect(Date.now() - started).toBeLessThan(10000);
    expect(fallbackLogged()).toBe(true);
  });

  it('on a response that is not JSON', async () => {
    fake.script([{ raw: 'this is not json' }, { raw: 'this is not json' }]);
    const r = await ask(app, 'u_li', 'What is the budget execution of Xishan Mining this year?');
    expect(r.text).toContain('40%');
    expect(fallbackLogged()).toBe(true);
  });

  it('when the endpoint is unreachable', async () => {
    const down = testApp(db, { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', KAM_LLM_TIMEOUT_MS: '1500' }, logStream());
    const r = await ask(down, 'u_li', '西山矿业有哪些未解决的工单?');
    expect(r.text).toContain('T003');
    expect(fallbackLogged()).toBe(true);
    expect(everything(r)).not.toContain('ECONNREFUSED');
  });

  it('does not call the model for empty messages or button presses', async () => {
    fake.script([]);
    await ask(app, 'u_li', '');
    expect(fake.requests).toHaveLength(0);
  });
});
