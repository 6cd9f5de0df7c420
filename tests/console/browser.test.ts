// The console in a real browser (Debian's Chromium driven by playwright-core): sign in with the
// token, chat as u_li, the accounts list, A200's 360° page with its budget bar at 40 %, acknowledge
// an alert, then act as u_zhang and find A200 nowhere. Screenshots go to test-artifacts/console/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ATTITUDE_STROKE, ROLE_FILL } from '../../src/insights/relationship-map/svg.ts';
import { ROOT } from '../helpers/paths.ts';
import { countColour, readPng } from '../helpers/png.ts';
import { AT_Q, startConsole, TOKEN, type ConsoleServer } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const VISIT_NOTE =
  '今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对桥梁架设设备二期方案很感兴趣,预算大约600万,担心交付周期。下周三前发送交付计划。';
const SHOTS = join(ROOT, 'test-artifacts', 'console');
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) console.warn(`console browser test skipped: ${CHROMIUM} is missing (apt-get install chromium; .ci/run does this)`);

describe.skipIf(!haveBrowser)('console in a real browser', { timeout: 90_000 }, () => {
  let srv: ConsoleServer;
  let base: string;
  let profile: string;
  let context: BrowserContext;
  let page: Page;

  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  /** Sends a message (or presses a reply button) and returns the reply that comes back. */
  const answerTo = async (send: () => Promise<void>) => {
    const replies = page.locator('.chat-log .msg.bot [data-testid=reply]');
    const before = await replies.count();
    await send();
    const reply = replies.nth(before);
    await reply.waitFor();
    return reply;
  };
  const ask = (text: string) =>
    answerTo(async () => {
      await page.getByTestId('chat-input').fill(text);
      await page.getByTestId('chat-send').click();
    });
  const actAs = async (id: string) => {
    await page.goto(`${base}/console/act-as`);
    await Promise.all([page.waitForURL(`${base}/`), page.click(`[data-testid=act-as-${id}]`)]);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    srv = await startConsole();
    base = await srv.server.listen({ host: '127.0.0.1', port: 0 });
    profile = mkdtempSync(join(tmpdir(), 'kam-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await srv?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('signs in with the token and chooses u_li', async () => {
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/console/signin');
    await page.fill('#token', 'not-the-token');
    await page.click('button[type=submit]');
    await expect(page.getByTestId('signin-error').textContent()).resolves.toContain('令牌不正确');
    await shot('01-signin');
    await page.fill('#token', TOKEN);
    await page.click('button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/console/act-as');
    await shot('02-choose-user');
    await page.click('[data-testid=act-as-u_li]');
    await page.waitForURL(`${base}/`);
    expect(await page.locator('#actas-user').inputValue()).toBe('u_li');
  });

  it('chats as u_li with the same engine as the bots', async () => {
    await page.goto(`${base}/?${AT_Q}`);
    const reply = await ask('西山矿业有哪些未解决的工单?');
    expect(await reply.textContent()).toContain('T003');
    // An example question is asked with one click.
    const chip = page.locator('.examples .chip').first();
    const example = await chip.getAttribute('data-example');
    const answer = await answerTo(() => chip.click());
    expect(await page.locator('.chat-log .msg.me .bubble').last().textContent()).toBe(example);
    expect((await answer.textContent())!.trim().length).toBeGreaterThan(0);
    await shot('03-chat');
  });

  it('lists the accounts u_li may see, with health and trend', async () => {
    await page.goto(`${base}/console/accounts?${AT_Q}`);
    const rows = page.locator('[data-testid=accounts-table] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-account')))).toEqual(expect.arrayContaining(['A200', 'A300', 'A500']));
    expect(await page.locator('tr[data-account=A100]').count()).toBe(0);
    expect(await page.locator('tr[data-account=A200] .spark').count()).toBe(1);
    await shot('04-accounts');
  });

  it("shows A200's 360° page: budget bar at 40 %, alerts, health components", async () => {
    await page.goto(`${base}/console/accounts/A200?${AT_Q}`);
    const bar = page.getByTestId('budget-bar');
    expect(await bar.getAttribute('data-executed')).toBe('40');
    expect(await bar.locator('text.value').textContent()).toBe('40%');
    expect(await page.getByTestId('budget-summary').textContent()).toContain('40%');
    expect(await page.locator('#alerts article.alert').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#health [data-layer]').count()).toBe(4);
    expect(await page.locator('#chain tr[data-contact]').count()).toBeGreaterThan(0);
    // The roadmap arrives after the page, through the page's script.
    await page.locator('#roadmap ol.plan li').first().waitFor();
    expect(await page.locator('#roadmap ol.plan li').count()).toBeGreaterThan(0);
    await shot('05-account-A200');
  });

  it("draws A200's relationship map: a card per contact, coloured by role and attitude, on screen", async () => {
    await page.goto(`${base}/console/accounts/A200?${AT_Q}`);
    const map = page.getByTestId('relationship-map');
    await map.scrollIntoViewIfNeeded();
    expect(await map.getAttribute('data-contacts')).toBe('3');
    const box = (await map.boundingBox())!;
    expect(box.width).toBeGreaterThan(400);
    expect(box.height).toBeGreaterThan(250);
    // 马振华 (decision maker, neutral), 钱芳 (influencer, supporter), 吴刚 (gatekeeper, opponent).
    expect(await map.locator('g.contact').evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-contact')}:${g.getAttribute('data-role')}:${g.getAttribute('data-attitude')}`).sort())).toEqual([
      'C2001:decision_maker:neutral',
      'C2002:influencer:supporter',
      'C2003:gatekeeper:opponent',
    ]);
    const shotPng = await map.screenshot({ path: join(SHOTS, '05b-relationship-map.png') });
    const pixels = readPng(shotPng);
    expect(pixels.width).toBeGreaterThan(400);
    // The picture is really painted: the decision maker's fill, the influencer's fill and the opponent's red border.
    expect(countColour(pixels, ROLE_FILL.decision_maker)).toBeGreaterThan(3000);
    expect(countColour(pixels, ROLE_FILL.influencer)).toBeGreaterThan(3000);
    expect(countColour(pixels, ATTITUDE_STROKE.opponent, 20)).toBeGreaterThan(300);
  });

  it('acknowledges an alert addressed to u_li', async () => {
    await page.goto(`${base}/console/alerts?${AT_Q}&mine=1`);
    await shot('06-alerts');
    const first = page.locator('[data-testid=alerts-recorded] article.alert.open').first();
    const id = await first.getAttribute('data-alert');
    await page.click(`[data-testid=ack-${id}]`);
    await page.getByTestId('flash').waitFor();
    expect(await page.getByTestId('flash').textContent()).toContain(`#${id}`);
    await page.goto(`${base}/console/alerts?${AT_Q}&status=acknowledged`);
    expect(await page.locator(`[data-testid=alert-${id}] [data-testid=acked]`).count()).toBe(1);
    await shot('07-alerts-acknowledged');
  });

  it('shows briefings, the outbox and the rules (as admin, editable)', async () => {
    await page.goto(`${base}/console/briefings?${AT_Q}`);
    expect(await page.locator('[data-testid=briefing] article[data-account=A200]').count()).toBe(1);
    await shot('08-briefings');
    // The "acting as" select in the top bar switches on change.
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/console/act-as') && r.request().method() === 'POST'), page.selectOption('#actas-user', 'u_admin')]);
    await page.waitForLoadState('load');
    expect(await page.locator('#actas-user').inputValue()).toBe('u_admin');
    await page.goto(`${base}/console/outbox?${AT_Q}`);
    await shot('09-outbox');
    await page.goto(`${base}/console/rules?${AT_Q}`);
    const row = page.locator('tr[data-setting="budget_lag.points"]');
    await row.locator('input[name=value]').fill('12');
    await row.locator('button[type=submit]').click();
    await page.getByTestId('flash').waitFor();
    expect(await page.locator('tr[data-setting="budget_lag.points"] input[name=value]').inputValue()).toBe('12');
    await shot('10-rules');
  });

  it('as u_zhang, A200 is nowhere: not listed, 404 page, chat knows nothing of it', async () => {
    await actAs('u_zhang');
    await page.goto(`${base}/console/accounts?${AT_Q}`);
    expect(await page.locator('tr[data-account=A200]').count()).toBe(0);
    expect(await page.locator('tr[data-account=A100]').count()).toBe(1);
    const res = await page.goto(`${base}/console/accounts/A200?${AT_Q}`);
    expect(res?.status()).toBe(404);
    expect(await page.content()).not.toContain('西山矿业');
    await page.goto(`${base}/?${AT_Q}`);
    const reply = await ask('西山矿业的合同什么时候到期?');
    expect(await reply.textContent()).not.toContain('西山矿业集团');
    await shot('11-chat-u_zhang');
  });

  it("logs EXPECTED.md's visit note as u_zhang and undoes it with the reply's button", async () => {
    await page.goto(`${base}/?at=${encodeURIComponent('2026-11-24T18:00:00+08:00')}`);
    const saved = await ask(VISIT_NOTE);
    expect(await saved.textContent()).toContain('北方路桥');
    await shot('12-chat-note-saved');
    const undone = await answerTo(() => saved.locator('.reply-button', { hasText: '撤销' }).click());
    expect(await undone.textContent()).toContain('已撤销');
    await shot('13-chat-note-undone');
  });

  it('works at phone width and in English', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await actAs('u_li');
    await page.goto(`${base}/console/accounts/A300?${AT_Q}&lang=en`);
    expect(await page.locator('#contracts h2').textContent()).toBe('Contracts');
    await shot('14-phone-A300-en');
    for (const path of ['/', '/console/accounts', '/console/accounts/A300', '/console/alerts', '/console/briefings', '/console/outbox', '/console/rules']) {
      await page.goto(`${base}${path}?${AT_Q}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
  });
});
