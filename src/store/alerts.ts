// Recorded alerts: inserted once per key (the unique constraint makes re-runs and second instances
// harmless), acknowledged, escalated, and listed for briefings and chat.
import type { Db } from '../../db/index.ts';
import type { Severity } from '../domain/types.ts';
import { scopeSql, type AccountScope } from './scope.ts';

export interface NewAlertRow {
  key: string;
  rule: string;
  accountId: string;
  subject: string;
  period: string;
  severity: Severity;
  recipients: string[];
  facts: unknown;
  message: string;
  action: string;
}

export interface AlertRecord {
  id: number;
  key: string;
  rule: string;
  accountId: string;
  accountName: string;
  subject: string;
  period: string;
  severity: Severity;
  recipients: string[];
  facts: Record<string, unknown>;
  message: string;
  action: string | null;
  firedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  escalationLevel: number;
  escalatedAt: Date | null;
}

const BATCH = 1000;

/** Inserts the alerts whose key is not recorded yet; returns key → id of those inserted now. */
export async function insertNewAlerts(db: Db, rows: NewAlertRow[], firedAt: Date): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  // Most of a daily sweep's alerts were recorded by an earlier run: only their keys are sent to
  // find them, not their messages and facts (ON CONFLICT still settles a race with another instance).
  const known = rows.length ? await db.query<{ key: string }>('SELECT key FROM alerts WHERE key = ANY($1::text[])', [rows.map((r) => r.key)]) : { rows: [] };
  const recorded = new Set(known.rows.map((r) => r.key));
  const fresh = recorded.size ? rows.filter((r) => !recorded.has(r.key)) : rows;
  for (let i = 0; i < fresh.length; i += BATCH) {
    const part = fresh.slice(i, i + BATCH);
    const res = await db.query<{ id: number; key: string }>(
      `INSERT INTO alerts (key, rule, account_id, subject, period, severity, recipients, facts, message, action, fired_at)
       SELECT k, r, a, s, p, sv, ARRAY(SELECT jsonb_array_elements_text(rc)), f, m, ac, $11
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::text[], $10::text[])
         AS x(k, r, a, s, p, sv, rc, f, m, ac)
       ON CONFLICT (key) DO NOTHING
       RETURNING id, key`,
      [
        part.map((r) => r.key),
        part.map((r) => r.rule),
        part.map((r) => r.accountId),
        part.map((r) => r.subject),
        part.map((r) => r.period),
        part.map((r) => r.severity),
        part.map((r) => JSON.stringify(r.recipients)),
        part.map((r) => JSON.stringify(r.facts)),
        part.map((r) => r.message),
        part.map((r) => r.action),
        firedAt,
      ],
    );
    for (const r of res.rows) out.set(r.key, r.id);
  }
  return out;
}

const SELECT = `SELECT al.id, al.key, al.rule, al.account_id, a.name AS account_name, al.subject, al.period, al.severity,
  al.recipients, al.facts, al.message, al.action, al.fired_at, al.acknowledged_at, al.acknowledged_by,
  al.escalation_level, al.escalated_at
  FROM alerts al JOIN accounts a ON a.id = al.account_id`;

function toRecord(r: any): AlertRecord {
  return {
    id: r.id,
    key: r.key,
    rule: r.rule,
    accountId: r.account_id,
    accountName: r.account_name,
    subject: r.subject,
    period: r.period,
    severity: r.severity,
    recipients: r.recipients,
    facts: r.facts,
    message: r.message,
    action: r.action,
    firedAt: r.fired_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    escalationLevel: r.escalation_level,
    escalatedAt: r.escalated_at,
  };
}

export async function alertsByKeys(db: Db, keys: string[]): Promise<Map<string, AlertRecord>> {
  if (!keys.length) return new Map();
  const res = await db.query(`${SELECT} WHERE al.key = ANY($1::text[])`, [keys]);
  return new Map(res.rows.map((r) => [r.key, toRecord(r)]));
}

export async function alertById(db: Db, id: number): Promise<AlertRecord | null> {
  const res = await db.query(`${SELECT} WHERE al.id = $1`, [id]);
  return res.rows[0] ? toRecord(res.rows[0]) : null;
}

/** Unacknowledged, not yet escalated alerts of these rules fired at or before `firedBy`. */
export async function escalationCandidates(db: Db, rule: string, firedBy: Date): Promise<AlertRecord[]> {
  const res = await db.query(
    `${SELECT} WHERE al.rule = $1 AND al.acknowledged_at IS NULL AND al.escalation_level = 0 AND al.fired_at <= $2 ORDER BY al.id`,
    [rule, firedBy],
  );
  return res.rows.map(toRecord);
}

/** Whether the user already got an alert of this rule about this subject of the account. */
export async function alreadyInformed(db: Db, rule: string, accountId: string, subject: string, userId: string): Promise<boolean> {
  const res = await db.query(
    'SELECT 1 FROM alerts WHERE rule = $1 AND account_id = $2 AND subject = $3 AND $4 = ANY(recipients) LIMIT 1',
    [rule, accountId, subject, userId],
  );
  return res.rows.length > 0;
}

export async function markEscalated(db: Db, id: number, to: string, now: Date): Promise<boolean> {
  const res = await db.query(
    `UPDATE alerts SET escalation_level = escalation_level + 1, escalated_at = $3, recipients = array_append(recipients, $2)
     WHERE id = $1 AND acknowledged_at IS NULL AND escalation_level = 0 RETURNING id`,
    [id, to, now],
  );
  return res.rows.length > 0;
}

/** Acknowledges alerts addressed to the user; returns those that were open. */
export async function acknowledge(db: Db, ids: number[], userId: string, now: Date): Promise<AlertRecord[]> {
  if (!ids.length) return [];
  const res = await db.query<{ id: number }>(
    `UPDATE alerts SET acknowledged_at = $3, acknowledged_by = $2
     WHERE id = ANY($1::bigint[]) AND $2 = ANY(recipients) AND acknowledged_at IS NULL RETURNING id`,
    [ids, userId, now],
  );
  if (!res.rows.length) return [];
  const full = await db.query(`${SELECT} WHERE al.id = ANY($1::bigint[]) ORDER BY al.id`, [res.rows.map((r) => r.id)]);
  return full.rows.map(toRecord);
}

/** Open alerts addressed to the user, fired in [since, now]. */
export async function openAlertsFor(db: Db, userId: string, since: Date, now: Date): Promise<AlertRecord[]> {
  const res = await db.query(
    `${SELECT} WHERE $1 = ANY(al.recipients) AND al.acknowledged_at IS NULL AND al.fired_at >= $2 AND al.fired_at <= $3 ORDER BY al.fired_at DESC, al.id DESC`,
    [userId, since, now],
  );
  return res.rows.map(toRecord);
}

/** Alerts fired in [from, to] on the accounts in scope. */
export async function alertsFiredBetween(db: Db, from: Date, to: Date, scope?: AccountScope): Promise<AlertRecord[]> {
  const params: unknown[] = [from, to];
  const res = await db.query(`${SELECT} WHERE al.fired_at >= $1 AND al.fired_at <= $2 AND ${scopeSql('al.account_id', scope, params)} ORDER BY al.fired_at, al.id`, params);
  return res.rows.map(toRecord);
}
