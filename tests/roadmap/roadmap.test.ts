// The roadmap on the sample data at 2026-11-24 10:00 (offline generator): the gaps EXPECTED.md
// implies, a plan whose every citation is a real record of the account, and visibility.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Db } from '../../db/index.ts';
import type { AppContext } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { buildRoadmap } from '../../src/insights/roadmap/build.ts';
import { roadmapReply } from '../../src/insights/roadmap/render.ts';
import type { Roadmap } from '../../src/insights/roadmap/types.ts';
import { sampleDb } from '../helpers/db.ts';
import { SAMPLE_AT, TEST_TZ } from '../helpers/paths.ts';

let db: Db;
let app: AppContext;
beforeAll(async () => {
  db = await sampleDb();
  app = { db, config: loadConfig({ KAM_DEMO: 'false' }), log: pino({ level: 'silent' }) };
});
afterAll(async () => {
  await db.close();
});

const roadmap = async (userId: string, accountId: string, lang: 'zh' | 'en' = 'zh') => (await buildRoadmap(app, { userId, accountId, now: SAMPLE_AT, tz: TEST_TZ, lang }))!;
const gap = (r: Roadmap, kind: string) => r.gaps.find((g) => g.kind === kind);
const action = (r: Roadmap, kind: string) => r.plan.find((a) => a.gap === kind);

const TABLE = { interaction: 'interactions', ticket: 'tickets', contract: 'contracts', opportunity: 'opportunities', order: 'orders', project: 'projects' } as const;

async function expectRealCitations(r: Roadmap) {
  const cites = [...r.plan.flatMap((a) => a.citations), ...r.gaps.flatMap((g) => g.citations)];
  expect(cites.length).toBeGreaterThan(0);
  for (const c of cites) {
    const row = (await db.query<{ account_id: string }>(`SELECT account_id FROM ${TABLE[c.source]} WHERE id = $1`, [c.id])).rows[0];
    expect(row, `${c.source} ${c.id}`).toBeDefined();
    expect(row.account_id).toBe(r.account.id);
  }
  for (const a of r.plan) expect(a.citations.length, a.action).toBeGreaterThan(0);
}

describe('roadmap of 西山矿业 (A200) for u_li', () => {
  let r: Roadmap;
  beforeAll(async () => {
    r = await roadmap('u_li', 'A200');
  });

  it('names executive silence of 55 days since the call with 马振华 on 2026-09-30 (I010)', () => {
    const g = gap(r, 'executive_silence')!;
    expect(g.facts).toMatchObject({ days: 55, last_date: '2026-09-30', with: '马振华' });
    expect(g.citations).toEqual([{ source: 'interaction', id: 'I010', date: '2026-09-30' }]);
    expect(g.text).toContain('55');
    const a = action(r, 'executive_silence')!;
    expect(a).toMatchObject({ horizon: 30, ownerRole: 'AR', owner: { id: 'u_li', name: '李娜' }, target: { id: 'C2001', name: '马振华' } });
    // What the customer said last time, not a template.
    expect(a.reason).toContain('三一');
  });

  it('names the budget lag: 6,000,000 of 15,000,000 (40%) at 89.6% of the year', () => {
    const g = gap(r, 'budget_lag')!;
    expect(g.facts).toMatchObject({ budget: 15000000, executed: 6000000, share: 40, elapsed: 89.6 });
    expect(g.citations).toEqual([{ source: 'order', id: 'O-2026-101', date: '2026-04-18' }]);
    const a = action(r, 'budget_lag')!;
    expect(a.citations.map((c) => c.id)).toEqual(expect.arrayContaining(['O-2026-101', 'P200']));
  });

  it('names the stalled P200 (proposal, 35 days) and cites the visit where the need was raised', () => {
    expect(gap(r, 'stalled_opportunity')!.facts).toMatchObject({ opportunity: 'P200', stage: 'proposal', days: 35, updated: '2026-10-20' });
    const a = action(r, 'stalled_opportunity')!;
    expect(a.citations).toEqual([
      { source: 'opportunity', id: 'P200', date: '2026-10-20' },
      { source: 'interaction', id: 'I008', date: '2026-07-21' },
    ]);
    expect(a.owner).toEqual({ id: 'u_li', name: '李娜' });
  });

  it('sends the delivery manager to the open engine ticket and the solution expert to the opponent', () => {
    expect(action(r, 'open_ticket')).toMatchObject({ ownerRole: 'FR', owner: { id: 'u_zhao' }, citations: [{ source: 'ticket', id: 'T003', date: '2026-11-20' }] });
    expect(action(r, 'opponent')).toMatchObject({ horizon: 60, ownerRole: 'SR', owner: { id: 'u_wang' }, target: { id: 'C2003', name: '吴刚' } });
  });

  it('builds on the joint lab with the passage that dates its next phase', () => {
    const a = r.plan.find((x) => x.citations.some((c) => c.id === 'J200'))!;
    expect(a.horizon).toBe(90);
    expect(a.citations.map((c) => c.id)).toEqual(['J200', 'I012']);
  });

  it('cites only real records of the account, every action at least one, with 30/60/90 horizons', async () => {
    await expectRealCitations(r);
    expect(new Set(r.plan.map((a) => a.horizon))).toEqual(new Set([30, 60, 90]));
    expect(r.generator).toBe('offline');
  });

  it('shows the current state: health by layer, tier, wallet share and pipeline', () => {
    expect(r.state.health!.layers.map((l) => l.id)).toEqual(['key', 'general', 'organizational', 'rfm']);
    expect(r.state.tier.declared).toBe('S');
    expect(r.state.wallet).toMatchObject({ budget: 15000000, executed: 6000000, share: 40, lastYear: 12000000 });
    expect(r.state.pipeline.open.map((o) => o.id)).toEqual(['P200']);
  });

  it('renders in Chinese with every section, and in English', async () => {
    const zh = roadmapReply(r, 'zh').text;
    for (const s of ['现状', '差距', '30/60/90 天行动计划', '【30天内】', '【60天内】', '【90天内】', '高层沉默 55 天', 'I010(2026-09-30)']) expect(zh).toContain(s);
    const en = roadmapReply(await roadmap('u_li', 'A200', 'en'), 'en').text;
    for (const s of ['Relationship roadmap for 西山矿业集团', 'Executive silence for 55 days', 'I010 (2026-09-30)']) expect(en).toContain(s);
  });
});

describe('roadmap of 北方路桥 (A400) for u_zhang', () => {
  it('names the missing decision maker and asks 何军 to open the door, citing his meetings', async () => {
    const r = await roadmap('u_zhang', 'A400');
    expect(gap(r, 'missing_decision_maker')!.facts).toMatchObject({ introducer: '何军' });
    const a = action(r, 'missing_decision_maker')!;
    expect(a).toMatchObject({ horizon: 30, ownerRole: 'AR', owner: { id: 'u_zhang' }, target: { id: 'C4001', name: '何军' } });
    expect(a.citations.map((c) => c.id)).toEqual(['I017', 'I016']);
    expect(a.reason).toContain('约见总经理');
    await expectRealCitations(r);
  });
});

describe('specific to the account', () => {
  it('gives 江南港务 its own plan: the complaint reported by 冯雪 and the renewal 郑涛 asked for', async () => {
    const r = await roadmap('u_li', 'A300');
    expect(action(r, 'open_ticket')).toMatchObject({ target: { name: '冯雪' } });
    expect(action(r, 'open_ticket')!.citations.map((c) => c.id)).toEqual(['T004', 'I015']);
    const renewal = action(r, 'contract_ending')!;
    expect(renewal.citations.map((c) => c.id)).toEqual(['CT-A300-01', 'I014']);
    expect(renewal.reason).toContain('三年期服务合同');
    await expectRealCitations(r);
  });
});

describe('visibility', () => {
  it('gives nothing for an account the user may not see', async () => {
    expect(await buildRoadmap(app, { userId: 'u_zhang', accountId: 'A200', now: SAMPLE_AT, tz: TEST_TZ, lang: 'zh' })).toBeUndefined();
    expect(await buildRoadmap(app, { userId: 'nobody', accountId: 'A100', now: SAMPLE_AT, tz: TEST_TZ, lang: 'zh' })).toBeUndefined();
  });
});
