// `kam mcp --user ID` driven by the official MCP SDK client over stdio (./bin/kam as a process),
// a tools/call piped on stdin, and `kam tokens`.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { tools } from '../../src/conversation/tools/index.ts';
import { cleanEnv, kam, tempDataDir } from '../helpers/cli.ts';
import { KAM_BIN, ROOT, SAMPLE_DIR } from '../helpers/paths.ts';

vi.setConfig({ testTimeout: 180_000 });

const AT = '2026-11-24T10:00:00+08:00';
const env = { KAM_DATA_DIR: tempDataDir() };
const textOf = (r: any) => (r.content as { text: string }[]).map((c) => c.text).join('\n');
let chatAnswer = '';

beforeAll(() => {
  expect(kam(['import', SAMPLE_DIR], env).code).toBe(0);
  // Asked before the MCP process holds the embedded database.
  const chat = kam(['ask', '--user', 'u_li', '--at', AT, '西山矿业的决策链'], env);
  expect(chat.code).toBe(0);
  chatAnswer = chat.stdout.trimEnd();
}, 180_000);

describe('kam mcp (stdio)', () => {
  it('lists the tools with schemas, answers as the chat does, and refuses another user\'s account', async () => {
    const transport = new StdioClientTransport({ command: KAM_BIN, args: ['mcp', '--user', 'u_li', '--at', AT], cwd: ROOT, env: cleanEnv(env) as Record<string, string>, stderr: 'pipe' });
    const client = new Client({ name: 'kam-test', version: '1.0.0' });
    await client.connect(transport);
    const { tools: listed } = await client.listTools();
    expect(listed.map((t) => t.name)).toEqual([...tools.map((t) => t.name), 'log_visit_note']);
    expect(listed.find((t) => t.name === 'contracts')!.inputSchema.type).toBe('object');

    const chain: any = await client.callTool({ name: 'decision_chain', arguments: { account: '西山矿业' } });
    expect(chain.isError).toBe(false);
    expect(textOf(chain)).toBe(chatAnswer);

    const refused: any = await client.callTool({ name: 'contracts', arguments: { account: '中建华东' } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/account not found among the accounts this user may see/);
    await client.close();
  });

  it('answers a tools/call piped on stdin, then exits', () => {
    const lines = [
      { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'sh', version: '1' } } },
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'budget_execution', arguments: { account: 'Xishan Mining' } } },
    ];
    const r = kam(['mcp', '--user', 'u_li', '--at', AT], env, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    expect(r.code).toBe(0);
    const answers = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const call = answers.find((a) => a.id === 2);
    expect(call.result.isError).toBe(false);
    expect(call.result.content[0].text).toMatch(/西山矿业集团/);
    expect(call.result.structuredContent.tool).toBe('budget_execution');
  });

  it('refuses an unknown user', () => {
    const r = kam(['mcp', '--user', 'nobody'], env, '');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown user "nobody"/);
  });
});

describe('kam tokens', () => {
  it('creates (printed once), lists without the secret, and revokes', () => {
    const created = kam(['tokens', 'create', '--user', 'u_li', '--label', 'laptop'], env);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^kam_[0-9a-f]{8}_[\w-]{32}$/);
    const id = token.split('_')[1];
    const listed = kam(['tokens', 'list'], env);
    expect(listed.stdout).toMatch(new RegExp(`^${id}\\s+u_li .*active\\s+laptop$`, 'm'));
    expect(listed.stdout).not.toContain(token);
    expect(kam(['tokens', 'revoke', id], env).code).toBe(0);
    expect(kam(['tokens', 'list', '--user', 'u_li'], env).stdout).toMatch(new RegExp(`^${id}\\s+u_li .*REVOKED`, 'm'));
    expect(kam(['tokens', 'revoke', id], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/no active token/) });
    expect(kam(['tokens', 'create', '--user', 'nobody'], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/unknown user/) });
  });
});
