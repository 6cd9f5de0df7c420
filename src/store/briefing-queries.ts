// Reads behind the weekly briefing, each scoped to the accounts the briefing covers.
import type { Db } from '../../db/index.ts';
import type { InteractionType, Stage, Tier } from '../domain/types.ts';

export interface BriefingAccountRow {
  id: string;
  name: string;
  tier: Tier | null;
  ownerId: string;
  ownerName: string | null;
}

/** The accounts a user may see (CONTRACT.md §4): a salesperson's own, a manager's whole team's. */
export async function briefingAccounts(db: Db, userId: string): Promise<BriefingAccountRow[]> {
  const res = await db.query<{ id: string; name: string; tier: Tier | null; owner_id: string; owner_name: string | null }>(
    `SELECT a.id, a.name, a.tier, a.owner_id, u.name AS owner_name
     FROM accounts a LEFT JOIN users u ON u.id = a.owner_id
     WHERE a.id IN (SELECT account_id FROM visible_account_ids($1)) ORDER BY a.id`,
    [userId],
  );
  return res.rows.map((r) => ({ id: r.id, name: r.name, tier: r.tier, ownerId: r.owner_id, ownerName: r.owner_name }));
}

export interface WeekInteractionRow {
  id: string;
  accountId: string;
  userId: string;
  userName: string;
  occurredAt: Date;
  date: string;
  type: InteractionType;
  contacts: { name: string; executive: boolean }[];
  summary: string;
}

export async function interactionsBetween(db: Db, accountIds: string[], from: Date, to: Date, tz: string): Promise<WeekInteractionRow[]> {
  const res = await db.query<any>(
    `SELECT i.id, i.account_id, i.user_id, u.name AS user_name, i.occurred_at, (i.occurred_at AT TIME ZONE $4)::date AS date, i.type, i.summary,
       COALESCE((SELECT json_agg(json_build_object('name', c.name, 'executive', c.level = 'executive') ORDER BY c.name)
                 FROM contacts c WHERE c.id = ANY(i.contact_ids)), '[]') AS contacts
     FROM interactions i JOIN users u ON u.id = i.user_id
     WHERE i.account_id = ANY($1::text[]) AND i.occurred_at >= $2 AND i.occurred_at <= $3
     ORDER BY i.occurred_at, i.id`,
    [accountIds, from, to, tz],
  );
  return res.rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    userId: r.user_id,
    userName: r.user_name,
    occurredAt: r.occurred_at,
    date: r.date,
    type: r.type,
    contacts: r.contacts,
    summary: r.summary,
  }));
}

export interface DueItemRow {
  kind: 'next_step' | 'contract_end' | 'expected_close';
  accountId: string;
  id: string;
  date: string;
  text: string;
  ownerId: string | null;
  ownerName: string | null;
}

/** Next steps, contract ends and expected closes falling within [from, to]. */
export async function dueBetween(db: Db, accountIds: string[], from: string, to: string, now: Date): Promise<DueItemRow[]> {
  const res = await db.query<any>(
    `SELECT 'next_step' AS kind, i.account_id, i.id, i.next_step_due AS date, i.next_step AS text, i.user_id AS owner_id, u.name AS owner_name
       FROM interactions i JOIN users u ON u.id = i.user_id
       WHERE i.account_id = ANY($1::text[]) AND i.next_step_due BETWEEN $2::date AND $3::date AND i.occurred_at <= $4
         AND COALESCE(btrim(i.next_step), '') <> ''
     UNION ALL
     SELECT 'contract_end', c.account_id, c.id, c.end_date, c.kind, NULL, NULL
       FROM contracts c WHERE c.account_id = ANY($1::text[]) AND c.status = 'active' AND c.end_date BETWEEN $2::date AND $3::date
     UNION ALL
     SELECT 'expected_close', o.account_id, o.id, o.expected_close, o.name, o.owner_id, u.name
       FROM opportunities o LEFT JOIN users u ON u.id = o.owner_id
       WHERE o.account_id = ANY($1::text[]) AND o.stage IN ('lead', 'qualify', 'proposal', 'negotiation') AND o.expected_close BETWEEN $2::date AND $3::date
     ORDER BY date, kind, id`,
    [accountIds, from, to, now],
  );
  return res.rows.map((r) => ({ kind: r.kind, accountId: r.account_id, id: r.id, date: r.date, text: r.text, ownerId: r.owner_id, ownerName: r.owner_name }));
}

export interface PipelineRow {
  id: string;
  accountId: string;
  name: string;
  stage: Stage;
  amount: number | null;
  updatedAt: string;
}

/** Opportunities updated within [from, to]. */
export async function pipelineChanges(db: Db, accountIds: string[], from: string, to: string): Promise<PipelineRow[]> {
  const res = await db.query<any>(
    `SELECT id, account_id, name, stage, amount, updated_at FROM opportunities
     WHERE account_id = ANY($1::text[]) AND updated_at BETWEEN $2::date AND $3::date ORDER BY updated_at, id`,
    [accountIds, from, to],
  );
  return res.rows.map((r) => ({ id: r.id, accountId: r.account_id, name: r.name, stage: r.stage, amount: r.amount, updatedAt: r.updated_at }));
}

export interface StaffRow {
  id: string;
  name: string;
  role: string;
}

/** A manager and everyone reporting to them, all the way down. */
export async function staffOf(db: Db, managerId: string): Promise<StaffRow[]> {
  const res = await db.query<StaffRow>(
    `WITH RECURSIVE s(id) AS (SELECT id FROM users WHERE id = $1 UNION SELECT u.id FROM users u JOIN s ON u.manager_id = s.id)
     SELECT u.id, u.name, u.role FROM users u JOIN s ON s.id = u.id ORDER BY (u.id = $1) DESC, u.id`,
    [managerId],
  );
  return res.rows;
}

export async function userById(db: Db, id: string): Promise<{ id: string; name: string; role: string } | null> {
  const res = await db.query<{ id: string; name: string; role: string }>('SELECT id, name, role FROM users WHERE id = $1', [id]);
  return res.rows[0] ?? null;
}

/** Salespeople and managers: who gets a briefing on Monday. */
export async function briefingRecipients(db: Db): Promise<StaffRow[]> {
  const res = await db.query<StaffRow>(`SELECT id, name, role FROM users WHERE role IN ('sales', 'manager') ORDER BY id`);
  return res.rows;
}

/** Each account's latest interaction up to `now`: its date, type and who had it. */
export async function lastInteractions(db: Db, accountIds: string[], now: Date, tz: string): Promise<Map<string, { date: string; type: InteractionType; byName: string }>> {
  const res = await db.query<{ account_id: string; date: string; type: InteractionType; by_name: string }>(
    `SELECT a.id AS account_id, (l.occurred_at AT TIME ZONE $3)::date AS date, l.type, u.name AS by_name
     FROM unnest($1::text[]) AS a(id)
     CROSS JOIN LATERAL (SELECT i.occurred_at, i.type, i.user_id FROM interactions i WHERE i.account_id = a.id AND i.occurred_at <= $2
                         ORDER BY i.occurred_at DESC, i.id DESC LIMIT 1) l
     JOIN users u ON u.id = l.user_id`,
    [accountIds, now, tz],
  );
  return new Map(res.rows.map((r) => [r.account_id, { date: r.date, type: r.type, byName: r.by_name }]));
}
