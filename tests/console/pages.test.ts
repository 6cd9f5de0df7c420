// Every console page as a signed-in user: what it shows, that visibility is the acting user's
// (an account they may not see is a 404 page and absent from every list), and bad ids → 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient } from './client.ts';
import { AT_Q, startConsole, TOKEN, type ConsoleServer } from './helpers.ts';

let srv: ConsoleServer;
let li: ConsoleClient;
let zhang: ConsoleClient;
let chen: ConsoleClient;

beforeAll(async () => {
  srv = await startConsole();
  li = new ConsoleClient(srv.server);
  await li.signInAs(TOKEN, 'u_li');
  zhang = new ConsoleClient(srv.server);
  await zhang.signInAs(TOKEN, 'u_zhang');
  chen = new ConsoleClient(srv.server);
  await chen.signInAs(TOKEN, 'u_chen');
});
afterAll(() => srv.close());

const tableOf = (body: string) => {
  const i = body.indexOf('data-testid="outbox-table"');
  return i < 0 ? '' : body.slice(i, body.indexOf('</table>', i));
};
const accountIds = (body: string) => [...body.matchAll(/<tr data-account="([^"]+)"/g)].map((m) => m[1]);

describe('pages', () => {
  it('GET / is the chat as the acting user', async () => {
    const r = await li.get(`/?${AT_Q}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('data-testid="chat-log"');
    expect(r.body).toContain('李娜 (u_li)');
    expect(r.body).toContain('data-api="/console/api/chat?at=2026-11-24T10%3A00%3A00%2B08%3A00"');
  });

  it('lists the accounts a salesperson may see, with tier, health, trend, alerts and owner', async () => {
    const r = await li.get(`/console/accounts?${AT_Q}`);
    expect(r.statusCode).toBe(200);
    expect(accountIds(r.body).sort()).toEqual(['A200', 'A300', 'A500']);
    const row = r.body.slice(r.body.indexOf('<tr data-account="A200"'), r.body.indexOf('</tr>', r.body.indexOf('<tr data-account="A200"')));
    expect(row).toContain('西山矿业集团');
    expect(row).toContain('class="tier tier-S"');
    expect(row).toMatch(/class="score band-\w+"[^>]*>\d+</);
    expect(row).toContain('class="spark"');
    // EXPECTED.md: exec_silence, budget_lag and stalled_opportunity (health_drop depends on the formula).
    const open = await srv.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts WHERE account_id = 'A200' AND acknowledged_at IS NULL`);
    expect(open.rows[0].n).toBeGreaterThanOrEqual(3);
    expect(row).toMatch(new RegExp(`class="count alert-count"[^>]*>${open.rows[0].n}<`));
    expect(row).toContain('李娜');
  });

  it('takes list health from the daily snapshots, scoring live only accounts without one', async () => {
    const snap = await srv.db.query<{ score: number }>(`SELECT score FROM health_snapshots WHERE account_id = 'A300' AND as_of <= '2026-11-24' ORDER BY as_of DESC LIMIT 1`);
    const r = await li.get(`/console/accounts?${AT_Q}`);
    expect(r.body).toMatch(new RegExp(`<tr data-account="A300">[\\s\\S]*?class="score band-\\w+"[^>]*>${snap.rows[0].score}<`));
    expect(r.body).toContain('列表中的健康分取自每日快照');
    await srv.db.query(`DELETE FROM health_snapshots WHERE account_id = 'A500'`);
    const after = await li.get(`/console/accounts?${AT_Q}`);
    const row = after.body.slice(after.body.indexOf('<tr data-account="A500"'), after.body.indexOf('</tr>', after.body.indexOf('<tr data-account="A500"')));
    expect(row).toMatch(/class="score band-\w+"[^>]*>\d+</);
    expect(row).toContain('data-points="1"');
  });

  it('filters and sorts the accounts list', async () => {
    expect(accountIds((await li.get(`/console/accounts?${AT_Q}&tier=S`)).body)).toEqual(['A200']);
    expect(accountIds((await li.get(`/console/accounts?${AT_Q}&q=${encodeURIComponent('江南')}`)).body)).toEqual(['A300']);
    expect(accountIds((await chen.get(`/console/accounts?${AT_Q}&owner=u_zhang&sort=name`)).body).sort()).toEqual(['A100', 'A101', 'A102', 'A400', 'A600']);
    const byTier = accountIds((await chen.get(`/console/accounts?${AT_Q}&sort=tier&dir=asc`)).body);
    expect(byTier.slice(0, 2).sort()).toEqual(['A100', 'A200']);
    expect(byTier.at(-1)).toBe('A600');
    const desc = accountIds((await chen.get(`/console/accounts?${AT_Q}&sort=tier&dir=desc`)).body);
    expect(desc[0]).toBe('A600');
  });

  it('the 360° page lists the competitors notes named at the account', async () => {
    const none = await li.get(`/console/accounts/A300?${AT_Q}`);
    expect(none.body).toContain('data-testid="section-competitors"');
    expect(none.body).toContain('拜访记录里还没有提到竞品');
    await srv.db.query("INSERT INTO account_competitors (account_id, name, first_seen, last_seen, mentions) VALUES ('A300', '<b>徐工</b>', '2026-10-01', '2026-11-20', 3)");
    try {
      const r = await li.get(`/console/accounts/A300?${AT_Q}`);
      expect(r.body).toMatch(/data-competitor="&lt;b&gt;徐工&lt;\/b&gt;"[\s\S]*?2026-10-01[\s\S]*?2026-11-20[\s\S]*?>3</);
    } finally {
      await srv.db.query("DELETE FROM account_competitors WHERE account_id = 'A300'");
    }
  });

  it("shows A200's 360° page with every section", async () => {
    const r = await li.get(`/console/accounts/A200?${AT_Q}`);
    expect(r.statusCode).toBe(200);
    for (const s of ['alerts', 'budget', 'team', 'health', 'tree', 'roadmap', 'chain', 'contracts', 'opportunities', 'tickets', 'timeline']) {
      expect(r.body).toContain(`data-testid="section-${s}"`);
    }
    expect(r.body).toMatch(/data-testid="budget-bar" data-executed="40" data-elapsed="89.6"/);
    expect(r.body).toContain('>40%</text>');
    expect(r.body).toMatch(/data-contact="C2001"[\s\S]*?决策者[\s\S]*?中立[\s\S]*?2026-09-30 \(55 天前\)/);
    expect(r.body).toContain('data-ticket="T003"');
    expect(r.body).toContain('data-opportunity="P200"');
    expect(r.body).toMatch(/data-contract="CT-A200-SA"[\s\S]*?461 天/);
    expect(r.body).toMatch(/<span class="role">AR<\/span>[\s\S]*?李娜/);
    for (const layer of ['key', 'general', 'organizational', 'rfm']) expect(r.body).toContain(`data-layer="${layer}"`);
    expect(r.body).toMatch(/data-component="decision_chain"/);
    expect(r.body).toContain('预算执行滞后');
    expect(r.body).toContain('高层沉默');
    expect(r.body).toContain('data-fragment="/console/accounts/A200/roadmap?fragment=1&amp;at=');
  });

  it("serves A200's roadmap as a section for the page's script, and as a page of its own", async () => {
    const fragment = await li.get(`/console/accounts/A200/roadmap?fragment=1&${AT_Q}`);
    expect(fragment.statusCode).toBe(200);
    expect(fragment.body).toMatch(/^<div class="roadmap" data-testid="roadmap">/);
    expect(fragment.body).toContain('T003');
    expect(fragment.body).toMatch(/<h4>30天内<\/h4><ol class="plan">/);
    const full = await li.get(`/console/accounts/A200/roadmap?${AT_Q}`);
    expect(full.body).toContain('<html lang="zh-CN">');
    expect(full.body).toContain('data-testid="roadmap"');
  });

  it('shows the customer tree of a group', async () => {
    const r = await zhang.get(`/console/accounts/A101?${AT_Q}`);
    const tree = r.body.slice(r.body.indexOf('<ul class="tree">'), r.body.indexOf('</ul>', r.body.indexOf('<ul class="tree">')));
    expect(tree).toMatch(/depth-0[^>]*>.*中建华东工程集团/);
    expect(tree).toMatch(/depth-1 current[^>]*><strong>中建华东第一工程公司/);
    expect(tree).toContain('中建华东第二工程公司');
  });

  it('shows the roll-up of a group over its subsidiaries, and none for a lone account', async () => {
    const r = await zhang.get(`/console/accounts/A100?${AT_Q}`);
    expect(r.body).toContain('data-testid="section-rollup"');
    const rollup = r.body.slice(r.body.indexOf('data-testid="rollup"'), r.body.indexOf('</table>', r.body.indexOf('data-testid="rollup"')));
    expect(rollup).toContain('data-partial="false"');
    expect([...rollup.matchAll(/<tr[^>]*data-unit="([^"]+)"/g)].map((m) => m[1])).toEqual(['A100', 'A101', 'A102', 'total']);
    // Only A100 has a 2026 budget (20,000,000) and 2026 orders (17,000,000): 85 %, and all of the group's share.
    expect(rollup).toMatch(/<tr class="total" data-unit="total">[\s\S]*?2,000万[\s\S]*?1,700万[\s\S]*?85%/);
    expect(rollup).toMatch(/data-unit="A100"[\s\S]*?2,000万 <span class="muted small">100%<\/span>/);
    expect(rollup).toMatch(/data-unit="A101"[\s\S]*?class="depth-1"/);
    const lone = await zhang.get(`/console/accounts/A400?${AT_Q}`);
    expect(lone.body).not.toContain('data-testid="section-rollup"');
  });

  it('shows the alerts the acting user may see, live findings not recorded yet, and the outbox', async () => {
    const alerts = await li.get(`/console/alerts?${AT_Q}`);
    expect(alerts.statusCode).toBe(200);
    expect(alerts.body).toContain('西山矿业集团');
    expect(alerts.body).toMatch(/data-testid="ack-\d+"/);
    const outbox = await li.get(`/console/outbox?${AT_Q}`);
    expect(outbox.statusCode).toBe(200);
    expect(tableOf(outbox.body)).toContain('u_li');
    expect(tableOf(outbox.body)).not.toContain('u_zhang');
    expect(tableOf(outbox.body)).not.toContain('u_chen');
  });

  it('offers briefings for oneself, and a manager their team and reports', async () => {
    const mine = await li.get(`/console/briefings?${AT_Q}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('value="user:u_li" selected');
    expect(mine.body).not.toContain('value="user:u_zhang"');
    expect(mine.body).toContain('2026-11-23');
    const cards = [...mine.body.matchAll(/<article class="card[^"]*" data-account="([^"]+)"/g)].map((m) => m[1]);
    expect(cards.sort()).toEqual(['A200', 'A300', 'A500']);
    expect(mine.body).toContain('本周客户简报');
    const team = await chen.get(`/console/briefings?${AT_Q}`);
    expect(team.body).toContain('value="team:u_chen" selected');
    expect(team.body).toContain('value="user:u_zhang"');
    expect([...team.body.matchAll(/<article class="card[^"]*" data-account="([^"]+)"/g)].length).toBe(8);
    const zhangs = await chen.get(`/console/briefings?${AT_Q}&for=user:u_zhang&week=2026-11-18`);
    expect(zhangs.body).toContain('2026-11-16 至 2026-11-22');
    expect(zhangs.body).not.toContain('data-account="A200"');
    expect((await li.get(`/console/briefings?for=user:u_zhang`)).statusCode).toBe(404);
    expect((await li.get(`/console/briefings?for=team:u_chen`)).statusCode).toBe(404);
  });

  it('shows the rules read-only to a non-admin', async () => {
    const r = await li.get('/console/rules');
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('data-setting="exec_silence.days"');
    expect(r.body).not.toContain('name="value"');
  });

  it('switches the language with ?lang= and remembers it', async () => {
    const c = new ConsoleClient(srv.server);
    await c.signInAs(TOKEN, 'u_li');
    const en = await c.get(`/console/accounts/A200?${AT_Q}&lang=en`);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Budget executed 40%');
    expect(en.body).toContain('Executive silence');
    const again = await c.get('/console/accounts');
    expect(again.body).toContain('<html lang="en">');
    const zh = await c.get('/console/accounts?lang=zh');
    expect(zh.body).toContain('<html lang="zh-CN">');
  });

  it('serves its own assets and nothing else', async () => {
    const css = await li.get('/console/assets/console.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect((await li.get('/console/assets/console.js')).headers['content-type']).toContain('javascript');
    expect((await li.get('/console/assets/..%2f..%2fsession.ts')).statusCode).toBe(404);
  });
});

describe('visibility is the acting user’s', () => {
  it('never lists A200 to u_zhang, and its page is a 404 page', async () => {
    const list = await zhang.get(`/console/accounts?${AT_Q}`);
    expect(accountIds(list.body)).not.toContain('A200');
    expect(list.body).not.toContain('西山矿业');
    const page = await zhang.get(`/console/accounts/A200?${AT_Q}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('data-testid="message-page"');
    expect(page.body).not.toContain('西山矿业');
    for (const url of [`/console/accounts/A200/roadmap?${AT_Q}`, `/console/accounts/A200/roadmap?fragment=1&${AT_Q}`]) {
      const roadmap = await zhang.get(url);
      expect(roadmap.statusCode, url).toBe(404);
      expect(roadmap.body).not.toContain('西山矿业');
    }
    const missing = await zhang.get(`/console/accounts/A999?${AT_Q}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.body.replace(/A999/g, 'A200')).toBe(page.body);
  });

  it('keeps A200 out of u_zhang’s alerts, outbox and chat', async () => {
    const alerts = await zhang.get(`/console/alerts?${AT_Q}&status=all`);
    expect(alerts.body).not.toContain('西山矿业');
    expect(alerts.body).toContain('北方路桥');
    expect((await zhang.get(`/console/alerts?${AT_Q}&account=A200`)).statusCode).toBe(404);
    for (const status of ['pending', 'failed', 'undeliverable', 'sent']) {
      const outbox = await zhang.get(`/console/outbox?status=${status}`);
      expect(outbox.body).not.toContain('西山矿业');
      expect(tableOf(outbox.body)).not.toContain('u_li');
    }
    const chat = await zhang.postJson(`/console/api/chat?${AT_Q}`, { text: '西山矿业的合同什么时候到期?' });
    expect(chat.statusCode).toBe(200);
    expect(chat.json().text).not.toContain('西山矿业集团');
    expect(chat.json().text).not.toContain('CT-A200');
  });

  it('lets a manager see the team’s accounts', async () => {
    const list = await chen.get(`/console/accounts?${AT_Q}`);
    expect(accountIds(list.body).sort()).toEqual(['A100', 'A101', 'A102', 'A200', 'A300', 'A400', 'A500', 'A600']);
    expect((await chen.get(`/console/accounts/A200?${AT_Q}`)).statusCode).toBe(200);
  });
});

describe('bad ids and bad input', () => {
  it('answers unknown pages and ids with the 404 page', async () => {
    for (const url of ['/console/nothing-here', '/console/accounts/%00', '/console/accounts/A200/extra', `/console/alerts?account=NOPE`]) {
      const r = await li.get(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.body, url).toContain('data-testid="message-page"');
    }
    for (const id of ['abc', '999999', '1e3', '-1']) {
      const r = await li.post(`/console/alerts/${id}/ack`, { next: '/console/alerts' });
      expect(r.statusCode, id).toBe(404);
    }
  });

  it('sends /console to the start page', async () => {
    for (const url of ['/console', '/console/']) expect((await li.get(url)).headers.location).toBe('/');
  });

  it('answers a bad ?at= with a 400 page naming the value', async () => {
    const r = await li.get('/console/accounts?at=yesterday-ish');
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('at=yesterday-ish');
  });

  it('answers a bad chat body with 400 JSON', async () => {
    const r = await li.postJson('/console/api/chat', { text: '   ' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toBe('bad_request');
  });
});
