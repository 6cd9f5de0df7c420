// What the console changes: chat turns (text and button presses), acknowledging alerts, running
// the sweep, editing rules, requeueing the outbox — each allowed only to whom it should be.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedSettings } from '../../src/store/settings.ts';
import { ConsoleClient } from './client.ts';
import { AT_Q, startConsole, TOKEN, type ConsoleServer } from './helpers.ts';

let srv: ConsoleServer;
let li: ConsoleClient;
let chen: ConsoleClient;
let admin: ConsoleClient;

beforeAll(async () => {
  srv = await startConsole();
  li = new ConsoleClient(srv.server);
  await li.signInAs(TOKEN, 'u_li');
  chen = new ConsoleClient(srv.server);
  await chen.signInAs(TOKEN, 'u_chen');
  admin = new ConsoleClient(srv.server);
  await admin.signInAs(TOKEN, 'u_admin');
});
afterAll(() => srv.close());

async function alertId(rule: string, account: string): Promise<number> {
  const r = await srv.db.query<{ id: number }>('SELECT id::int AS id FROM alerts WHERE rule = $1 AND account_id = $2', [rule, account]);
  return r.rows[0].id;
}

describe('chat', () => {
  it('answers an EXPECTED.md question through the engine, as HTML with the text and data', async () => {
    const r = await li.postJson(`/console/api/chat?${AT_Q}`, { text: '西山矿业有哪些未解决的工单?' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.text).toContain('T003');
    expect(body.html).toContain('data-testid="reply"');
    expect(body.html).toContain('T003');
    const raw = await srv.db.query<{ platform: string; user_id: string }>(`SELECT platform, user_id FROM raw_messages ORDER BY id DESC LIMIT 1`);
    expect(raw.rows[0]).toEqual({ platform: 'console', user_id: 'u_li' });
  });

  it('answers in English when asked in English', async () => {
    const r = await li.postJson(`/console/api/chat?${AT_Q}`, { text: 'When did we last meet an executive at Xishan Mining?' });
    expect(r.json().text).toContain('2026-09-30');
    expect(r.json().html).toContain('lang="en"');
  });

  it('saves a visit note and undoes it with the reply’s button', async () => {
    const zhang = new ConsoleClient(srv.server);
    await zhang.signInAs(TOKEN, 'u_zhang');
    const note = '今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对桥梁架设设备二期方案很感兴趣,预算大约600万,担心交付周期。下周三前发送交付计划。';
    const at = encodeURIComponent('2026-11-24T18:00:00+08:00');
    const saved = await zhang.postJson(`/console/api/chat?at=${at}`, { text: note });
    const html: string = saved.json().html;
    const m = /<button type="button" class="reply-button [^"]*" data-action="([^"]+)" data-value="([^"]*)">撤销<\/button>/.exec(html);
    expect(m, html).not.toBeNull();
    const value = JSON.parse(m![2].replace(/&quot;/g, '"'));
    const before = await srv.db.query(`SELECT id FROM interactions WHERE account_id = 'A400' AND occurred_at >= '2026-11-24'`);
    expect(before.rows.length).toBe(1);
    const undone = await zhang.postJson(`/console/api/chat?at=${at}`, { action: m![1], value });
    expect(undone.statusCode).toBe(200);
    expect(undone.json().text).toContain('已撤销');
    const after = await srv.db.query(`SELECT id FROM interactions WHERE account_id = 'A400' AND occurred_at >= '2026-11-24'`);
    expect(after.rows.length).toBe(0);
  });

  it('works without the page script: the form posts and the page shows the exchange', async () => {
    const r = await li.post(`/console/chat?${AT_Q}`, { text: '江南港务的合同什么时候到期?' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<div class="bubble">江南港务的合同什么时候到期?</div>');
    expect(r.body).toContain('2027-01-10');
  });

  it('escapes what the user typed', async () => {
    const r = await li.post(`/console/chat?${AT_Q}`, { text: '<script>alert(1)</script> 帮助' });
    expect(r.body).not.toContain('<script>alert(1)</script>');
    expect(r.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('acknowledging alerts', () => {
  it('shows what was pushed to the user on the chat page, and its button acknowledges the alert', async () => {
    const id = await alertId('exec_silence', 'A300');
    await srv.db.query(`UPDATE outbox SET status = 'sent', platform = 'console', sent_at = now() WHERE alert_id = $1 AND recipient_id = 'u_li'`, [id]);
    const home = await li.get(`/?${AT_Q}`);
    const inbox = home.body.slice(home.body.indexOf('data-testid="inbox"'));
    expect(inbox).toContain('江南港务集团');
    const button = new RegExp(`data-action="alert.ack" data-value="\\{&quot;alert_id&quot;:&quot;${id}&quot;\\}"`);
    expect(inbox).toMatch(button);
    const r = await li.postJson(`/console/api/chat?${AT_Q}`, { action: 'alert.ack', value: { alert_id: String(id) } });
    expect(r.statusCode).toBe(200);
    const row = await srv.db.query<{ acknowledged_by: string }>('SELECT acknowledged_by FROM alerts WHERE id = $1', [id]);
    expect(row.rows[0].acknowledged_by).toBe('u_li');
  });

  it('lets a recipient acknowledge, once', async () => {
    const id = await alertId('budget_lag', 'A200');
    const r = await li.post(`/console/alerts/${id}/ack?${AT_Q}`, { next: '/console/alerts' });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe('/console/alerts');
    const page = await li.get('/console/alerts?status=acknowledged');
    expect(page.body).toContain(`已确认预警 #${id}`);
    expect(page.body).toMatch(new RegExp(`data-testid="alert-${id}"[\\s\\S]*?李娜 于 2026-11-24 10:00 确认`));
    const row = await srv.db.query<{ acknowledged_by: string }>('SELECT acknowledged_by FROM alerts WHERE id = $1', [id]);
    expect(row.rows[0].acknowledged_by).toBe('u_li');
    await li.post(`/console/alerts/${id}/ack`, { next: '/console/alerts' });
    expect((await li.get('/console/alerts')).body).toContain('这条预警已经确认过了');
  });

  it('does not let someone who may see the alert but is not a recipient acknowledge it', async () => {
    const id = await alertId('stalled_opportunity', 'A200');
    const r = await chen.post(`/console/alerts/${id}/ack`, { next: '/console/alerts' });
    expect(r.statusCode).toBe(303);
    expect((await chen.get('/console/alerts')).body).toContain('只有预警的接收人可以确认');
    const row = await srv.db.query('SELECT acknowledged_at FROM alerts WHERE id = $1', [id]);
    expect(row.rows[0].acknowledged_at).toBeNull();
  });

  it('answers 404 to someone who may not see the alert’s account', async () => {
    const zhang = new ConsoleClient(srv.server);
    await zhang.signInAs(TOKEN, 'u_zhang');
    const id = await alertId('stalled_opportunity', 'A200');
    expect((await zhang.post(`/console/alerts/${id}/ack`, { next: '/' })).statusCode).toBe(404);
  });
});

describe('admin actions', () => {
  it('runs the sweep for an admin only, recording nothing twice', async () => {
    expect((await li.post(`/console/alerts/sweep?${AT_Q}`, {})).statusCode).toBe(403);
    const r = await admin.post(`/console/alerts/sweep?${AT_Q}`, {});
    expect(r.statusCode).toBe(303);
    expect((await admin.get('/console/alerts')).body).toContain('评估完成:新记录 0 条预警');
  });

  it('edits a rule threshold, refuses a bad value, resets it', async () => {
    expect((await li.post('/console/rules', { key: 'budget_lag.points', value: '12' })).statusCode).toBe(403);
    expect((await admin.post('/console/rules', { key: 'budget_lag.points', value: '12' })).statusCode).toBe(303);
    expect((await storedSettings(srv.db)).get('budget_lag.points')).toBe(12);
    const page = await admin.get('/console/rules');
    expect(page.body).toContain('已保存 budget_lag.points = 12');
    expect(page.body).toMatch(/data-setting="budget_lag.points" class="changed"/);
    await admin.post('/console/rules', { key: 'budget_lag.points', value: 'lots' });
    expect((await admin.get('/console/rules')).body).toContain('budget_lag.points 的值无效');
    expect((await storedSettings(srv.db)).get('budget_lag.points')).toBe(12);
    await admin.post('/console/rules', { key: 'schedule.alert_sweep', value: 'every morning' });
    expect((await storedSettings(srv.db)).has('schedule.alert_sweep')).toBe(false);
    await admin.post('/console/rules', { key: 'exec_silence.tiers', value: 'S' });
    expect((await storedSettings(srv.db)).get('exec_silence.tiers')).toEqual(['S']);
    await admin.post('/console/rules/reset', { key: 'budget_lag.points' });
    expect((await storedSettings(srv.db)).has('budget_lag.points')).toBe(false);
    await admin.post('/console/rules', { key: 'no.such.setting', value: '1' });
    expect((await admin.get('/console/rules')).body).toContain('no.such.setting 的值无效');
  });

  it('requeues undeliverable pushes for an admin', async () => {
    await srv.db.query(`UPDATE outbox SET status = 'undeliverable', last_error = 'no platform identity' WHERE recipient_id = 'u_li'`);
    const page = await admin.get('/console/outbox?status=undeliverable');
    expect(page.body).toContain('no platform identity');
    expect((await li.post('/console/outbox/retry', { status: 'undeliverable' })).statusCode).toBe(403);
    const r = await admin.post('/console/outbox/retry', { status: 'undeliverable' });
    expect(r.statusCode).toBe(303);
    const left = await srv.db.query(`SELECT count(*)::int AS n FROM outbox WHERE status = 'undeliverable'`);
    expect(left.rows[0].n).toBe(0);
  });
});
