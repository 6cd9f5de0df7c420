// POST /mcp driven by the official MCP SDK client over Streamable HTTP, with per-user tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { buildServer } from '../../src/http/server.ts';
import { tools } from '../../src/conversation/tools/index.ts';
import { newToken } from '../../src/mcp/tokens.ts';
import { insertApiToken, revokeApiToken } from '../../src/store/api-tokens.ts';
import { sampleDb } from '../helpers/db.ts';
import { ask, testApp } from '../conversation/helpers.ts';

let db: Db;
let app: AppContext;
let server: FastifyInstance;
let url: URL;
const tokens: Record<string, string> = {};

async function issue(userId: string): Promise<{ id: string; token: string }> {
  const t = newToken();
  await insertApiToken(db, { id: t.id, userId, sha256: t.sha256, now: new Date() });
  return t;
}

async function clientFor(token: string): Promise<Client> {
  const client = new Client({ name: 'kam-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

const textOf = (r: any) => (r.content as { type: string; text: string }[]).map((c) => c.text).join('\n');

beforeAll(async () => {
  db = await sampleDb();
  app = testApp(db);
  server = await buildServer(app);
  await server.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.server.address() as { port: number };
  url = new URL(`http://127.0.0.1:${port}/mcp`);
  tokens.u_li = (await issue('u_li')).token;
  tokens.u_zhang = (await issue('u_zhang')).token;
}, 60_000);

afterAll(async () => {
  // The SDK client's fetch keeps connections alive; they are not ours to wait for.
  server?.server.closeAllConnections();
  await server?.close();
  await db?.close();
});

describe('POST /mcp (Streamable HTTP)', () => {
  it('lists every tool of the chat engine\'s registry with its input schema, and log_visit_note', async () => {
    const client = await clientFor(tokens.u_li);
    const { tools: listed } = await client.listTools();
    expect(listed.map((t) => t.name)).toEqual([...tools.map((t) => t.name), 'log_visit_note']);
    for (const t of listed) {
      expect(t.description).toBeTruthy();
      expect(t.inputSchema.type).toBe('object');
    }
    const chain = listed.find((t) => t.name === 'decision_chain')!;
    expect(chain.inputSchema.required).toEqual(['account']);
    expect((chain.inputSchema.properties as any).account.type).toBe('string');
    expect(listed.find((t) => t.name === 'log_visit_note')!.inputSchema.required).toEqual(['text']);
    await client.close();
  });

  it('a call returns the facts of the chat answer to the same question', async () => {
    const client = await clientFor(tokens.u_li);
    const r: any = await client.callTool({ name: 'decision_chain', arguments: { account: '西山矿业' } });
    expect(r.isError).toBe(false);
    const chat = await ask(app, 'u_li', '西山矿业的决策链', { at: new Date() });
    const people = (d: any) => d.contacts?.map((c: any) => [c.name, c.decisionRole ?? c.decision_role ?? c.role]) ?? d;
    expect(r.structuredContent.tool).toBe('decision_chain');
    expect(people(r.structuredContent)).toEqual(people(chat.data));
    // The same lines (days-ago counts aside: the two calls need not run on the same day).
    const days = (s: string) => s.replace(/\d+天前/g, 'N天前');
    const lines = chat.text.split('\n').filter((l) => l.startsWith('•'));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(days(textOf(r))).toContain(days(line));
    await client.close();
  });

  it('acts as the token\'s user: another user\'s account is refused as if it did not exist', async () => {
    const li = await clientFor(tokens.u_li);
    const refused: any = await li.callTool({ name: 'account_overview', arguments: { account: '中建华东' } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/account not found among the accounts this user may see/);
    expect(JSON.stringify(refused)).not.toContain('中建华东工程集团');
    const zhang = await clientFor(tokens.u_zhang);
    const seen: any = await zhang.callTool({ name: 'account_overview', arguments: { account: '中建华东' } });
    expect(seen.isError).toBe(false);
    expect(textOf(seen)).toContain('中建华东工程集团');
    await li.close();
    await zhang.close();
  });

  it('logs a visit note as the user, through the chat turn', async () => {
    const client = await clientFor(tokens.u_li);
    const before = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM interactions WHERE account_id = 'A200'`);
    const r: any = await client.callTool({ name: 'log_visit_note', arguments: { text: '今天上午拜访了西山矿业的钱芳处长,确认二期实验室一季度启动,下周五前发送合作方案。' } });
    expect(r.isError).toBe(false);
    const after = await db.query<{ n: number; user_id: string }>(`SELECT count(*)::int AS n, max(user_id) AS user_id FROM interactions WHERE account_id = 'A200'`);
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
    expect(textOf(r)).toMatch(/西山矿业集团/);
    await client.close();
  });

  it('a missing, unknown or revoked token gets 401', async () => {
    const post = (auth?: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...(auth ? { authorization: auth } : {}) }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) });
    expect((await post()).status).toBe(401);
    const bad = await post('Bearer kam_00000000_not-a-token');
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await bad.json()).toMatchObject({ error: 'unauthorized' });
    await expect(clientFor('kam_bad_token')).rejects.toMatchObject({ code: 401 });
    const t = await issue('u_li');
    await (await clientFor(t.token)).close();
    expect(await revokeApiToken(db, t.id, new Date())).toBe(true);
    await expect(clientFor(t.token)).rejects.toMatchObject({ code: 401 });
  });
});
