// Bulk reads behind the health score: per-account aggregates as of one moment, a handful of
// GROUP BY queries for any number of accounts, plus tier peer medians over all accounts.
import { allReads, type Db } from '../../db/index.ts';
import type { HealthInputs, PeerStats, Peers } from '../domain/health/types.ts';
import type { Tier } from '../domain/types.ts';
import type { AsOf } from './alert-facts.ts';
import { scopeSql, type AccountScope } from './scope.ts';

type Row = Record<string, any>;

/** Open tickets younger than this do not count against resolution. */
export const FRESH_TICKET_HOURS = 48;

async function byAccount(db: Db, sql: string, params: unknown[]): Promise<Map<string, Row>> {
  const res = await db.query<Row>(sql, params);
  return new Map(res.rows.map((r) => [r.account_id, r]));
}

export async function loadHealthInputs(db: Db, at: AsOf, windowDays: number, scope?: AccountScope): Promise<HealthInputs[]> {
  const accountsParams: unknown[] = [];
  const accountsQ = () => db.query<{ id: string; tier: Tier | null; strategic_value: 'high' | 'low' | null }>(
    `SELECT a.id, a.tier, a.strategic_value FROM accounts a WHERE ${scopeSql('a.id', scope, accountsParams)} ORDER BY a.id`,
    accountsParams,
  );

  const knownParams: unknown[] = [];
  const knownQ = () => byAccount(
    db,
    `SELECT c.account_id,
       count(*) FILTER (WHERE c.active AND c.decision_role IN ('decision_maker', 'influencer'))::int AS chain_known,
       count(*) FILTER (WHERE c.active AND c.decision_role = 'decision_maker')::int AS dm_known
     FROM contacts c WHERE ${scopeSql('c.account_id', scope, knownParams)}
     GROUP BY c.account_id`,
    knownParams,
  );

  // One pass over the window's interactions and the contacts they met, aggregated per account in a
  // single GROUP BY (no join between aggregates, whose row estimates mislead the planner). The
  // (account, interaction, contact) triples are unnested first and then joined to contacts as one
  // set: joined inside a LATERAL, the planner estimated ~100 rows and ran one contacts lookup per
  // interaction (126k nested loops, ~1 s of the daily sweep at 10,000 accounts on a server); as a
  // set it hashes contacts once for the whole portfolio, or looks a few up by key for a small scope.
  const winParams: unknown[] = [at.now, windowDays];
  const windowQ = () => byAccount(
    db,
    `SELECT m.account_id,
       count(DISTINCT c.id) FILTER (WHERE c.active AND c.decision_role IN ('decision_maker', 'influencer'))::int AS chain_met,
       count(DISTINCT c.id) FILTER (WHERE c.active AND c.decision_role = 'decision_maker')::int AS dm_met,
       count(DISTINCT c.department)::int AS departments,
       count(DISTINCT m.interaction_id) FILTER (WHERE c.level = 'executive')::int AS exec_count
     FROM (
       -- A set-returning function in the select list keeps this a subquery of its own (never
       -- flattened into a per-row LATERAL), so the join below is planned as one set.
       SELECT i.account_id, i.id AS interaction_id, unnest(i.contact_ids) AS contact_id
       FROM interactions i
       WHERE i.occurred_at <= $1 AND i.occurred_at > $1 - make_interval(days => $2::int) AND ${scopeSql('i.account_id', scope, winParams)}
     ) m
     JOIN contacts c ON c.id = m.contact_id AND c.account_id = m.account_id
     GROUP BY m.account_id`,
    winParams,
  );

  // Newest first through interactions_account_idx, stopping at the first interaction with an
  // executive; COALESCE keeps the GIN index of contact_ids out, as in store/alert-facts.ts.
  const execParams: unknown[] = [at.now, at.tz];
  const lastExecQ = () => byAccount(
    db,
    `WITH e AS (SELECT c.account_id, array_agg(c.id) AS ids FROM contacts c WHERE c.level = 'executive' AND ${scopeSql('c.account_id', scope, execParams)} GROUP BY c.account_id)
     SELECT e.account_id, (l.occurred_at AT TIME ZONE $2)::date AS last_date
     FROM e CROSS JOIN LATERAL (
       SELECT i.occurred_at FROM interactions i
       WHERE i.account_id = e.account_id AND i.occurred_at <= $1 AND COALESCE(i.contact_ids, '{}') && e.ids
       ORDER BY i.occurred_at DESC LIMIT 1) l`,
    execParams,
  );

  const ticketParams: unknown[] = [at.now];
  const ticketsQ = () => byAccount(
    db,
    `SELECT t.account_id, count(*)::int AS total,
       count(*) FILTER (WHERE t.resolved_at <= $1)::int AS resolved,
       avg(extract(epoch FROM (CASE WHEN t.resolved_at <= $1 THEN t.resolved_at ELSE $1 END) - t.opened_at) / 3600) AS avg_hours
     FROM tickets t
     WHERE t.opened_at <= $1 AND t.opened_at > $1 - interval '365 days'
       -- A ticket opened less than 48 hours ago is in progress, neither resolved nor late yet.
       AND (t.resolved_at <= $1 OR t.opened_at <= $1 - interval '${FRESH_TICKET_HOURS} hours')
       AND ${scopeSql('t.account_id', scope, ticketParams)}
     GROUP BY t.account_id`,
    ticketParams,
  );

  const orgParams: unknown[] = [at.today];
  const orgQ = () => byAccount(
    db,
    `SELECT account_id, sum(sa)::int AS agreements, sum(pj)::int AS projects FROM (
       SELECT c.account_id, 1 AS sa, 0 AS pj FROM contracts c
       WHERE c.kind = 'strategic_agreement' AND c.status <> 'terminated' AND c.end_date >= $1::date
         AND (c.start_date IS NULL OR c.start_date <= $1::date) AND ${scopeSql('c.account_id', scope, orgParams)}
       UNION ALL
       SELECT j.account_id, 0, 1 FROM projects j
       WHERE j.status = 'active' AND (j.started_at IS NULL OR j.started_at <= $1::date) AND ${scopeSql('j.account_id', scope, orgParams)}
     ) x GROUP BY account_id`,
    orgParams,
  );

  const orderParams: unknown[] = [at.today];
  const ordersQ = () => byAccount(
    db,
    `SELECT o.account_id, max(o.order_date) AS last_date,
       count(*) FILTER (WHERE o.order_date > $1::date - 365)::int AS count12,
       COALESCE(sum(o.amount) FILTER (WHERE o.order_date > $1::date - 365), 0) AS amount12,
       count(*) FILTER (WHERE o.order_date <= $1::date - 365 AND o.order_date > $1::date - 1095)::int AS count_prior,
       COALESCE(sum(o.amount) FILTER (WHERE o.order_date <= $1::date - 365 AND o.order_date > $1::date - 1095), 0) AS amount_prior,
       bool_or(o.order_date <= $1::date - 365) AS has_history
     FROM orders o WHERE o.order_date <= $1::date AND ${scopeSql('o.account_id', scope, orderParams)}
     GROUP BY o.account_id`,
    orderParams,
  );

  // Independent reads: side by side on a server pool (allReads), in turn on one connection.
  const [accounts, known, window, lastExec, tickets, org, orders] = await allReads(db, [accountsQ, knownQ, windowQ, lastExecQ, ticketsQ, orgQ, ordersQ] as const);
  if (!accounts.rows.length) return [];
  return accounts.rows.map((a) => {
    const k = known.get(a.id);
    const w = window.get(a.id);
    const t = tickets.get(a.id);
    const g = org.get(a.id);
    const o = orders.get(a.id);
    return {
      accountId: a.id,
      tier: a.tier,
      strategicValue: a.strategic_value,
      asOf: at.today,
      chain: { known: k?.chain_known ?? 0, met: w?.chain_met ?? 0, decisionMakersKnown: k?.dm_known ?? 0, decisionMakersMet: w?.dm_met ?? 0 },
      exec: { lastDate: lastExec.get(a.id)?.last_date ?? null, inWindow: w?.exec_count ?? 0 },
      departments: w?.departments ?? 0,
      tickets: { total: t?.total ?? 0, resolved: t?.resolved ?? 0, avgResolutionHours: t?.avg_hours ?? null },
      org: { strategicAgreements: g?.agreements ?? 0, activeProjects: g?.projects ?? 0 },
      orders: {
        lastDate: o?.last_date ?? null,
        count12: o?.count12 ?? 0,
        amount12: o?.amount12 ?? 0,
        countPrior: o?.count_prior ?? 0,
        amountPrior: o?.amount_prior ?? 0,
        hasHistory: o?.has_history ?? false,
      },
    };
  });
}

/** Medians (and the 75th percentile of amount) of the last 12 months' orders, per tier and overall, over all accounts. */
export async function loadPeers(db: Db, today: string): Promise<Peers> {
  const res = await db.query<{ tier: Tier | null; is_all: boolean; count12: number | null; amount12: number | null; p75: number | null }>(
    `WITH per AS (
       SELECT a.id, a.tier, count(o.id) AS n, COALESCE(sum(o.amount), 0) AS amt
       FROM accounts a LEFT JOIN orders o ON o.account_id = a.id AND o.order_date <= $1::date AND o.order_date > $1::date - 365
       GROUP BY a.id, a.tier)
     SELECT tier, GROUPING(tier) = 1 AS is_all,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY n) AS count12,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY amt) AS amount12,
       percentile_cont(0.75) WITHIN GROUP (ORDER BY amt) AS p75
     FROM per GROUP BY GROUPING SETS ((tier), ())`,
    [today],
  );
  const stat = (r: (typeof res.rows)[number]): PeerStats => ({ count12: Number(r.count12 ?? 0), amount12: Number(r.amount12 ?? 0), amount12P75: Number(r.p75 ?? 0) });
  const peers: Peers = { byTier: {}, all: { count12: 0, amount12: 0, amount12P75: 0 } };
  for (const r of res.rows) {
    if (r.is_all) peers.all = stat(r);
    else if (r.tier) peers.byTier[r.tier] = stat(r);
  }
  return peers;
}
