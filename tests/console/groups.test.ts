// The console's group-chat page: list, bind, unbind — with the chat's right to bind (a member of
// the account team, a manager above, or an admin), the same-origin check and the signed session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingOf, listBindings } from '../../src/store/group-bindings.ts';
import { ConsoleClient } from './client.ts';
import { startConsole, TOKEN, type ConsoleServer } from './helpers.ts';

let srv: ConsoleServer;
let li: ConsoleClient;
let zhang: ConsoleClient;
let chen: ConsoleClient;
let admin: ConsoleClient;

beforeAll(async () => {
  srv = await startConsole();
  const as = async (id: string) => {
    const c = new ConsoleClient(srv.server);
    await c.signInAs(TOKEN, id);
    return c;
  };
  li = await as('u_li');
  zhang = await as('u_zhang');
  chen = await as('u_chen');
  admin = await as('u_admin');
});
afterAll(() => srv.close());

async function flashOf(c: ConsoleClient): Promise<string> {
  const page = await c.get('/console/groups');
  expect(page.statusCode).toBe(200);
  return /data-testid="flash">([^<]*)</.exec(page.body)?.[1] ?? '';
}

describe('console group bindings', () => {
  it('is in the navigation and shows the bind form and the WeCom limit', async () => {
    const page = await li.get('/console/groups');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/console/groups"');
    expect(page.body).toContain('data-testid="group-bind"');
    expect(page.body).toContain('data-testid="groups-empty"');
    expect(page.body).toContain('企业微信应用群（appchat）只能由机器人发消息');
  });

  it('lets the AR bind a group to their account, lists it, and shows it only to its members', async () => {
    const r = await li.post('/console/groups', { platform: 'slack', chat_id: 'C0XS', target: '西山矿业' });
    expect(r.statusCode).toBe(303);
    expect(await flashOf(li)).toContain('已将 slack 群 C0XS 绑定到客户「西山矿业集团」');
    const stored = await bindingOf(srv.db, 'slack', 'C0XS');
    expect(stored).toMatchObject({ target: { kind: 'account', id: 'A200' }, boundBy: 'u_li' });
    const page = await li.get('/console/groups');
    expect(page.body).toMatch(/<tr data-group="slack:C0XS">[\s\S]*西山矿业集团[\s\S]*解绑/);
    // Zhang is not on the Xishan team nor above it: the binding is not listed to him.
    expect((await zhang.get('/console/groups')).body).not.toContain('C0XS');
    // The manager above sees it with an unbind button.
    expect((await chen.get('/console/groups')).body).toMatch(/<tr data-group="slack:C0XS">[\s\S]*解绑/);
  });

  it('refuses to bind an account the user is not on the team of', async () => {
    // Zhang may not see Xishan Mining at all; Li can see but is not on Beifang Road & Bridge (A400).
    await zhang.post('/console/groups', { platform: 'feishu', chat_id: 'oc_z', target: '西山矿业' });
    expect(await flashOf(zhang)).toContain('未能完成');
    await li.post('/console/groups', { platform: 'feishu', chat_id: 'oc_l', target: 'team u_chen' });
    expect(await flashOf(li)).toContain('只有 陈志强 本人、其上级经理或管理员');
    expect(await bindingOf(srv.db, 'feishu', 'oc_z')).toBeUndefined();
    expect(await bindingOf(srv.db, 'feishu', 'oc_l')).toBeUndefined();
  });

  it('rejects an unknown platform and an empty chat id', async () => {
    await admin.post('/console/groups', { platform: 'teams', chat_id: 'x', target: '西山矿业' });
    expect(await flashOf(admin)).toContain('未知平台「teams」');
    await admin.post('/console/groups', { platform: 'wecom', chat_id: '', target: '西山矿业' });
    expect(await flashOf(admin)).toContain('请填写群 ID');
    expect((await listBindings(srv.db)).map((b) => b.chatId)).toEqual(['C0XS']);
  });

  it('refuses a cross-origin bind and one without a session', async () => {
    const foreign = await li.post('/console/groups', { platform: 'dingtalk', chat_id: 'cid_x', target: '西山矿业' }, { origin: 'http://attacker.example' });
    expect(foreign.statusCode).toBe(403);
    const anon = new ConsoleClient(srv.server);
    const r = await anon.post('/console/groups', { platform: 'dingtalk', chat_id: 'cid_x', target: '西山矿业' });
    expect(r.statusCode).not.toBe(303);
    expect(await bindingOf(srv.db, 'dingtalk', 'cid_x')).toBeUndefined();
  });

  it('lets an admin bind a team; unbinding is refused to a non-member and allowed to the manager', async () => {
    await admin.post('/console/groups', { platform: 'dingtalk', chat_id: 'cid_team', target: 'team u_chen' });
    expect(await bindingOf(srv.db, 'dingtalk', 'cid_team')).toMatchObject({ target: { kind: 'team', id: 'u_chen' }, boundBy: 'u_admin' });
    await zhang.post('/console/groups/unbind', { platform: 'slack', chat_id: 'C0XS' });
    expect(await flashOf(zhang)).toContain('只有「西山矿业集团」客户团队的成员');
    expect(await bindingOf(srv.db, 'slack', 'C0XS')).toBeDefined();
    await chen.post('/console/groups/unbind', { platform: 'slack', chat_id: 'C0XS' });
    expect(await flashOf(chen)).toContain('已解除 slack 群 C0XS 的绑定');
    expect(await bindingOf(srv.db, 'slack', 'C0XS')).toBeUndefined();
    await chen.post('/console/groups/unbind', { platform: 'slack', chat_id: 'C0XS' });
    expect(await flashOf(chen)).toContain('没有绑定');
  });
});
