// The daily run's reads and writes at scale (issue 21, bench/RESULTS.md "Daily run ... h21sweep"):
// - the "latest interaction with one of these contacts" lookups (exec_silence, decision_chain_gap
//   and the health score's last executive meeting) walk each account's interactions newest first
//   and stop at the first match; combined with the GIN index of contact_ids they fetched and sorted
//   every matching interaction of every account (0.6-0.8 s each at 10,000 accounts on a server;
//   the planner picks that form only at ~1 M interactions, so at this test's size the plan check
//   below guards the rewritten statements, and their results: ties, nothing after `now`);
// - a second snapshot of the same day with the same scores rewrites nothing;
// - alerts recorded by an earlier run are found by key, not re-sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allReads, type Db } from '../../db/index.ts';
import { loadHealthInputs } from '../../src/store/health-inputs.ts';
import { decisionChainFacts, execSilenceFacts } from '../../src/store/alert-facts.ts';
import { saveSnapshots } from '../../src/store/health-snapshots.ts';
import { insertNewAlerts, type NewAlertRow } from '../../src/store/alerts.ts';
import { emptyDb } from '../helpers/db.ts';
import { at } from './helpers.ts';

type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };
const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/** A Db that also plans every statement it runs (EXPLAIN, same parameters) and keeps the plans. */
function planning(db: Db, plans: { sql: string; plan: PlanNode }[]): Db {
  return {
    ...db,
    kind: db.kind,
    query: async (sql: string, params?: unknown[]) => {
      const r = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      const raw = r.rows[0]['QUERY PLAN'];
      plans.push({ sql, plan: (typeof raw === 'string' ? JSON.parse(raw) : (raw as any))[0].Plan });
      return db.query(sql, params);
    },
  } as Db;
}

const ACCOUNTS = 300;
const PER_ACCOUNT = 60;

describe('daily run reads and writes', () => {
  let db: Db;
  const now = at('2026-11-24T10:00');
  beforeAll(async () => {
    db = await emptyDb();
    await db.query("INSERT INTO users (id, name, role) VALUES ('u1', 'U', 'sales')");
    await db.query(`INSERT INTO accounts (id, name, owner_id, tier) SELECT 'A' || lpad(g::text, 4, '0'), '客户' || g, 'u1', 'S' FROM generate_series(1, ${ACCOUNTS}) g`);
    // Per account: an executive decision maker (E), an influencer (I), two staff (S, T).
    await db.query(
      `INSERT INTO contacts (id, account_id, name, decision_role, level, department)
       SELECT 'A' || lpad(g::text, 4, '0') || '-' || k, 'A' || lpad(g::text, 4, '0'), k || g,
         CASE k WHEN 'E' THEN 'decision_maker' WHEN 'I' THEN 'influencer' ELSE 'user' END,
         CASE k WHEN 'E' THEN 'executive' ELSE 'staff' END, k
       FROM generate_series(1, ${ACCOUNTS}) g, unnest(ARRAY['E', 'I', 'S', 'T']) k`,
    );
    // Day d (1 = yesterday) of each account: the executive on every other day except the latest
    // three, staff otherwise; one interaction dated after `now` with the executive (must not count).
    await db.query(
      `INSERT INTO interactions (id, account_id, user_id, occurred_at, type, contact_ids, summary)
       SELECT 'I' || lpad(g::text, 4, '0') || '-' || lpad(d::text, 3, '0'), 'A' || lpad(g::text, 4, '0'), 'u1',
         timestamptz '2026-11-24 09:00+08' - make_interval(days => d), 'visit',
         CASE WHEN d > 3 AND d % 2 = 0 THEN ARRAY['A' || lpad(g::text, 4, '0') || '-E', 'A' || lpad(g::text, 4, '0') || '-S']
              ELSE ARRAY['A' || lpad(g::text, 4, '0') || '-S'] END, 's'
       FROM generate_series(1, ${ACCOUNTS}) g, generate_series(1, ${PER_ACCOUNT}) d
       UNION ALL
       SELECT 'I' || lpad(g::text, 4, '0') || '-future', 'A' || lpad(g::text, 4, '0'), 'u1', timestamptz '2026-11-25 09:00+08', 'visit',
         ARRAY['A' || lpad(g::text, 4, '0') || '-E'], 's'
       FROM generate_series(1, ${ACCOUNTS}) g`,
    );
    // Account 1: two interactions with the executive at the same latest moment; the higher id wins.
    await db.query(
      `INSERT INTO interactions (id, account_id, user_id, occurred_at, type, contact_ids, summary) VALUES
       ('I0001-tie-a', 'A0001', 'u1', '2026-11-23 12:00+08', 'visit', ARRAY['A0001-E'], 'a'),
       ('I0001-tie-b', 'A0001', 'u1', '2026-11-23 12:00+08', 'visit', ARRAY['A0001-E', 'A0001-I'], 'b')`,
    );
    await db.exec('ANALYZE');
  });
  afterAll(() => db.close());

  it('finds the latest meeting with an executive or decision maker by walking newest first, not through the contacts GIN index', async () => {
    const plans: { sql: string; plan: PlanNode }[] = [];
    const p = planning(db, plans);
    const exec = await execSilenceFacts(p, now, ['S']);
    const chain = await decisionChainFacts(p, now, ['S']);
    const health = await loadHealthInputs(p, now, 90);
    expect(exec).toHaveLength(ACCOUNTS);
    const first = exec.find((f) => f.accountId === 'A0001')!;
    expect(first.lastExec).toEqual({ interactionId: 'I0001-tie-b', date: '2026-11-23', contactNames: ['E1'] });
    const second = exec.find((f) => f.accountId === 'A0002')!;
    // Day 4 is the newest even day past the latest three: 2026-11-20.
    expect(second.lastExec).toEqual({ interactionId: 'I0002-004', date: '2026-11-20', contactNames: ['E2'] });
    expect(chain.find((f) => f.accountId === 'A0002')!.lastMet?.interactionId).toBe('I0002-004');
    expect(health.find((h) => h.accountId === 'A0002')!.exec.lastDate).toBe('2026-11-20');
    expect(health.find((h) => h.accountId === 'A0001')!.exec.lastDate).toBe('2026-11-23');
    const walks = plans.filter((x) => /contact_ids\s*&&|&&\s*[eg]\.ids/.test(x.sql));
    expect(walks).toHaveLength(3);
    for (const w of walks) {
      const used = nodes(w.plan).map((n) => n['Index Name']).filter(Boolean);
      expect(used).toContain('interactions_account_idx');
      expect(used).not.toContain('interactions_contacts_idx');
    }
  });

  it('does not rewrite a snapshot whose score and components are unchanged', async () => {
    const row = (score: number) => ({ accountId: 'A0003', asOf: '2026-11-24', score, components: { band: 'green', layers: { key: 80 } } });
    await saveSnapshots(db, [row(70)]);
    const version = async () => (await db.query<{ v: string }>("SELECT xmin::text AS v FROM health_snapshots WHERE account_id = 'A0003'")).rows[0].v;
    const v1 = await version();
    await saveSnapshots(db, [row(70)]);
    expect(await version()).toBe(v1);
    await saveSnapshots(db, [row(71)]);
    expect(await version()).not.toBe(v1);
    expect((await db.query("SELECT score FROM health_snapshots WHERE account_id = 'A0003'")).rows[0].score).toBe(71);
  });

  it('records only the alerts whose key is new, and sends the recorded ones by key only', async () => {
    const alert = (key: string): NewAlertRow => ({ key, rule: 'exec_silence', accountId: 'A0004', subject: 'exec', period: '2026-11', severity: 'high', recipients: ['u1'], facts: { days: 40 }, message: `m ${key}`, action: 'a' });
    const firedAt = new Date('2026-11-24T02:00:00Z');
    const first = await insertNewAlerts(db, [alert('k1'), alert('k2')], firedAt);
    expect([...first.keys()].sort()).toEqual(['k1', 'k2']);
    const sent: string[] = [];
    const watching = { ...db, kind: db.kind, query: (sql: string, params?: unknown[]) => (sent.push(sql), db.query(sql, params)) } as Db;
    const again = await insertNewAlerts(watching, [alert('k1'), alert('k2')], firedAt);
    expect(again.size).toBe(0);
    expect(sent.some((s) => /INSERT INTO alerts/.test(s))).toBe(false);
    const third = await insertNewAlerts(db, [alert('k2'), alert('k3')], firedAt);
    expect([...third.keys()]).toEqual(['k3']);
    expect((await db.query("SELECT count(*)::int AS n FROM alerts WHERE account_id = 'A0004'")).rows[0].n).toBe(3);
  });

  it('allReads returns the results in the order of the reads', async () => {
    const [a, b] = await allReads(db, [() => db.query('SELECT 1 AS x'), () => db.query('SELECT 2 AS x')] as const);
    expect([a.rows[0].x, b.rows[0].x]).toEqual([1, 2]);
    await db.transaction(async (tx) => {
      const [c, d] = await allReads(tx, [() => tx.query('SELECT 3 AS x'), () => tx.query('SELECT 4 AS x')] as const);
      expect([c.rows[0].x, d.rows[0].x]).toEqual([3, 4]);
    });
  });
});
