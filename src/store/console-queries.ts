// Reads behind the web console pages that no other module needs: the accounts table, health
// history for sparklines, the customer tree, alert and outbox lists. Every read of customer data is
// scoped by the acting user's visible accounts in SQL (CONTRACT.md §4).
import type { Db } from '../../db/index.ts';
import type { Severity, Tier, User } from '../domain/types.ts';
import type { OutboxStatus } from './outbox.ts';
import { visibleTo } from './visible.ts';

/** Everyone the console may act as, managers and admins first. */
export async function consoleUsers(db: Db): Promise<User[]> {
  const r = await db.query<User>(
    `SELECT id, name, role, manager_id, email, feishu_open_id, wecom_userid, slack_user_id, dingtalk_user_id FROM users
     ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, id`,
  );
  return r.rows;
}

/** The user and everyone below them (reports, their reports, ...). */
export async function teamOf(db: Db, managerId: string): Promise<User[]> {
  const r = await db.query<User>(
    `WITH RECURSIVE team(id, depth) AS (
       SELECT id, 0 FROM users WHERE id = $1
       UNION SELECT u.id, t.depth + 1 FROM users u JOIN team t ON u.manager_id = t.id WHERE t.depth < 20)
     SELECT u.id, u.name, u.role, u.manager_id, u.email, u.feishu_open_id, u.wecom_userid, u.slack_user_id, u.dingtalk_user_id
     FROM users u WHERE u.id IN (SELECT id FROM team) ORDER BY u.id`,
    [managerId],
  );
  return r.rows;
}

/** How many accounts the user may see. */
export async function visibleAccountCount(db: Db, viewerId: string): Promise<number> {
  const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM visible_account_ids($1)', [viewerId]);
  return r.rows[0]?.n ?? 0;
}

export interface AccountListRow {
  id: string;
  name: string;
  aliases: string[];
  parent_id: string | null;
  tier: Tier | null;
  industry: string | null;
  region: string | null;
  owner_id: string;
  owner_name: string | null;
  open_alerts: number;
}

/** Visible accounts with owner name and the alerts open at `now` (fired by then, not acknowledged by then). */
export async function accountListRows(db: Db, viewerId: string, now: Date): Promise<AccountListRow[]> {
  const r = await db.query<AccountListRow>(
    `SELECT a.id, a.name, a.aliases, a.parent_id, a.tier, a.industry, a.region, a.owner_id, u.name AS owner_name,
       (SELECT count(*)::int FROM alerts al WHERE al.account_id = a.id AND al.fired_at <= $2
          AND (al.acknowledged_at IS NULL OR al.acknowledged_at > $2)) AS open_alerts
     FROM accounts a LEFT JOIN users u ON u.id = a.owner_id
     WHERE ${visibleTo('a.id', 1)}
     ORDER BY a.id`,
    [viewerId, now],
  );
  return r.rows;
}

export interface HealthPoint {
  date: string;
  score: number;
}

/** Health snapshots of the visible accounts (optionally only some) between two business dates, oldest first. */
export async function healthHistory(db: Db, viewerId: string, from: string, to: string, accountIds?: string[]): Promise<Map<string, HealthPoint[]>> {
  const params: unknown[] = [viewerId, from, to];
  if (accountIds) params.push(accountIds);
  const r = await db.query<{ account_id: string; as_of: string; score: number }>(
    `SELECT s.account_id, s.as_of, s.score FROM health_snapshots s
     WHERE s.as_of BETWEEN $2::date AND $3::date AND ${visibleTo('s.account_id', 1)} ${accountIds ? 'AND s.account_id = ANY($4::text[])' : ''}
     ORDER BY s.account_id, s.as_of`,
    params,
  );
  const out = new Map<string, HealthPoint[]>();
  for (const row of r.rows) {
    const list = out.get(row.account_id) ?? [];
    list.push({ date: row.as_of, score: row.score });
    out.set(row.account_id, list);
  }
  return out;
}

export interface SnapshotHealth {
  score: number;
  asOf: string;
  suggestedTier: Tier | null;
}

/** The latest daily health snapshot of each visible account between two business dates. */
export async function latestSnapshots(db: Db, viewerId: string, from: string, to: string): Promise<Map<string, SnapshotHealth>> {
  const r = await db.query<{ account_id: string; as_of: string; score: number; suggested: Tier | null }>(
    `SELECT DISTINCT ON (s.account_id) s.account_id, s.as_of, s.score, s.components ->> 'suggested_tier' AS suggested
     FROM health_snapshots s
     WHERE s.as_of BETWEEN $2::date AND $3::date AND ${visibleTo('s.account_id', 1)}
     ORDER BY s.account_id, s.as_of DESC`,
    [viewerId, from, to],
  );
  return new Map(r.rows.map((x) => [x.account_id, { score: x.score, asOf: x.as_of, suggestedTier: x.suggested }]));
}

export interface TreeNode {
  id: string;
  name: string;
  tier: Tier | null;
  depth: number;
}

/**
 * The visible part of the account's group: up through visible parents to the top, then every
 * visible account below it, in tree order.
 */
export async function customerTree(db: Db, viewerId: string, accountId: string): Promise<TreeNode[]> {
  const r = await db.query<TreeNode>(
    `WITH RECURSIVE vis AS (SELECT account_id AS id FROM visible_account_ids($1)),
     up(id, parent_id, depth) AS (
       SELECT a.id, a.parent_id, 0 FROM accounts a WHERE a.id = $2 AND a.id IN (SELECT id FROM vis)
       UNION ALL
       SELECT p.id, p.parent_id, up.depth + 1 FROM accounts p JOIN up ON p.id = up.parent_id
       WHERE p.id IN (SELECT id FROM vis) AND up.depth < 20),
     top AS (SELECT id FROM up ORDER BY depth DESC LIMIT 1),
     down(id, depth, path) AS (
       SELECT a.id, 0, ARRAY[a.name || a.id] FROM accounts a WHERE a.id = (SELECT id FROM top)
       UNION ALL
       SELECT c.id, down.depth + 1, down.path || (c.name || c.id) FROM accounts c JOIN down ON c.parent_id = down.id
       WHERE c.id IN (SELECT id FROM vis) AND down.depth < 20)
     SELECT a.id, a.name, a.tier, d.depth FROM down d JOIN accounts a ON a.id = d.id ORDER BY d.path`,
    [viewerId, accountId],
  );
  return r.rows;
}

export interface BudgetExecution {
  year: number;
  budget: number | null;
  /** Orders of that year placed on or before `today`. */
  executed: number;
}

export async function budgetExecution(db: Db, viewerId: string, accountId: string, year: number, today: string): Promise<BudgetExecution> {
  const r = await db.query<{ budget: number | null; executed: number | null }>(
    `SELECT (SELECT b.amount FROM budgets b WHERE b.account_id = $2 AND b.year = $3) AS budget,
       (SELECT sum(o.amount) FROM orders o WHERE o.account_id = $2 AND o.order_date >= make_date($3, 1, 1)
          AND o.order_date <= $4::date) AS executed
     WHERE ${visibleTo('$2', 1)}`,
    [viewerId, accountId, year, today],
  );
  const row = r.rows[0];
  return { year, budget: row?.budget ?? null, executed: row?.executed ?? 0 };
}

export interface ConsoleAlert {
  id: number;
  key: string;
  rule: string;
  account_id: string;
  account_name: string;
  subject: string;
  period: string;
  severity: Severity;
  recipients: string[];
  facts: Record<string, unknown>;
  message: string;
  action: string | null;
  fired_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  escalation_level: number;
}

export interface AlertListQuery {
  status: 'open' | 'acknowledged' | 'all';
  /** Only alerts addressed to this user. */
  recipient?: string;
  accountId?: string;
  /** Evaluate "open" as of this moment; alerts fired later are left out. */
  now: Date;
  limit?: number;
}

/** Recorded alerts on the viewer's visible accounts, newest first, the most severe first among those fired together. */
export async function visibleAlerts(db: Db, viewerId: string, q: AlertListQuery): Promise<ConsoleAlert[]> {
  const params: unknown[] = [viewerId, q.now];
  const where = [visibleTo('al.account_id', 1), 'al.fired_at <= $2'];
  if (q.status === 'open') where.push('(al.acknowledged_at IS NULL OR al.acknowledged_at > $2)');
  if (q.status === 'acknowledged') where.push('al.acknowledged_at <= $2');
  if (q.recipient) {
    params.push(q.recipient);
    where.push(`$${params.length} = ANY(al.recipients)`);
  }
  if (q.accountId) {
    params.push(q.accountId);
    where.push(`al.account_id = $${params.length}`);
  }
  params.push(q.limit ?? 200);
  const r = await db.query<ConsoleAlert>(
    `SELECT al.id::int AS id, al.key, al.rule, al.account_id, a.name AS account_name, al.subject, al.period, al.severity, al.recipients, al.facts, al.message, al.action,
       al.fired_at, al.acknowledged_at, al.acknowledged_by, al.escalation_level
     FROM alerts al JOIN accounts a ON a.id = al.account_id
     WHERE ${where.join(' AND ')}
     ORDER BY al.fired_at DESC, CASE al.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, al.id LIMIT $${params.length}`,
    params,
  );
  return r.rows;
}

/** One recorded alert, if its account is visible to the viewer. */
export async function visibleAlert(db: Db, viewerId: string, alertId: number): Promise<ConsoleAlert | undefined> {
  const r = await db.query<ConsoleAlert>(
    `SELECT al.id::int AS id, al.key, al.rule, al.account_id, a.name AS account_name, al.subject, al.period, al.severity, al.recipients, al.facts, al.message, al.action,
       al.fired_at, al.acknowledged_at, al.acknowledged_by, al.escalation_level
     FROM alerts al JOIN accounts a ON a.id = al.account_id
     WHERE al.id = $2 AND ${visibleTo('al.account_id', 1)}`,
    [viewerId, alertId],
  );
  return r.rows[0];
}

export interface ConsoleOutboxRow {
  id: number;
  recipient_id: string;
  recipient_name: string | null;
  platform: string | null;
  kind: string;
  title: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

/**
 * Outbox rows the viewer may see: an admin sees all; anyone else the rows addressed to them or
 * to people below them, and of those only rows about accounts they may see.
 */
export async function visibleOutbox(db: Db, viewer: User, statuses: OutboxStatus[], limit = 200): Promise<ConsoleOutboxRow[]> {
  const params: unknown[] = [statuses, limit];
  let scope = 'TRUE';
  if (viewer.role !== 'admin') {
    params.push(viewer.id);
    const me = `$${params.length}`;
    scope = `o.recipient_id IN (
           WITH RECURSIVE team(id, depth) AS (SELECT ${me}::text, 0 UNION SELECT u.id, t.depth + 1 FROM users u JOIN team t ON u.manager_id = t.id WHERE t.depth < 20)
           SELECT id FROM team)
         AND (o.alert_id IS NULL OR EXISTS (SELECT 1 FROM alerts al WHERE al.id = o.alert_id AND ${visibleTo('al.account_id', params.length)}))`;
  }
  const r = await db.query<ConsoleOutboxRow>(
    `SELECT o.id::int AS id, o.recipient_id, u.name AS recipient_name, o.platform, o.kind, o.payload #>> '{reply,title}' AS title,
       o.status, o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.sent_at
     FROM outbox o LEFT JOIN users u ON u.id = o.recipient_id
     WHERE o.status = ANY($1::text[]) AND ${scope}
     ORDER BY o.id DESC LIMIT $2`,
    params,
  );
  return r.rows;
}

/** What was pushed to one user (any channel), newest first: the chat page's inbox. */
export async function pushedTo(db: Db, userId: string, limit = 20): Promise<{ id: number; kind: string; reply: unknown; created_at: Date }[]> {
  const r = await db.query<{ id: number; kind: string; reply: unknown; created_at: Date }>(
    `SELECT o.id::int AS id, o.kind, o.payload -> 'reply' AS reply, o.created_at FROM outbox o
     WHERE o.recipient_id = $1 AND o.status IN ('sent', 'undeliverable') ORDER BY o.id DESC LIMIT $2`,
    [userId, limit],
  );
  return r.rows;
}

/** Which of these alert keys are recorded already. */
export async function recordedAlertKeys(db: Db, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const r = await db.query<{ key: string }>('SELECT key FROM alerts WHERE key = ANY($1::text[])', [keys]);
  return new Set(r.rows.map((x) => x.key));
}
