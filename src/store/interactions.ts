// Interactions (visits, calls, meetings ...) of visible accounts.
import type { Db } from '../../db/index.ts';
import type { Interaction, InteractionType } from '../domain/types.ts';
import { canSee, visibleAmong, visibleTo } from './visible.ts';

const COLS = 'i.id, i.account_id, i.user_id, i.occurred_at, i.type, i.contact_ids, i.summary, i.next_step, i.next_step_due';
const WITH_EXECUTIVE = `EXISTS (SELECT 1 FROM contacts ec WHERE ec.id = ANY(i.contact_ids) AND ec.level = 'executive')`;

export interface InteractionQuery {
  /** Only interactions that involved an executive-level contact. */
  executiveOnly?: boolean;
  types?: InteractionType[];
  /** Only interactions that involved this contact. */
  contactId?: string;
  since?: Date;
  /** Exclusive upper bound (usually "now": nothing logged for the future counts). */
  until?: Date;
  limit?: number;
}

function conditions(q: InteractionQuery, params: unknown[]): string[] {
  const where: string[] = [];
  if (q.executiveOnly) where.push(WITH_EXECUTIVE);
  if (q.types?.length) {
    params.push(q.types);
    where.push(`i.type = ANY($${params.length}::text[])`);
  }
  if (q.contactId) {
    params.push(q.contactId);
    where.push(`$${params.length} = ANY(i.contact_ids)`);
  }
  if (q.since) {
    params.push(q.since);
    where.push(`i.occurred_at >= $${params.length}`);
  }
  if (q.until) {
    params.push(q.until);
    where.push(`i.occurred_at < $${params.length}`);
  }
  return where;
}

/** Interactions of one account, newest first. */
export async function accountInteractions(db: Db, userId: string, accountId: string, q: InteractionQuery = {}): Promise<Interaction[]> {
  const params: unknown[] = [userId, accountId];
  const where = ['i.account_id = $2', canSee(1, '$2'), ...conditions(q, params)];
  params.push(q.limit ?? 20);
  const r = await db.query<Interaction>(`SELECT ${COLS} FROM interactions i WHERE ${where.join(' AND ')} ORDER BY i.occurred_at DESC, i.id DESC LIMIT $${params.length}`, params);
  return r.rows;
}

/**
 * The latest interaction per account (optionally executive-level only), for the given visible
 * accounts. One index walk per account (newest first, stopping at the first match), so it stays
 * fast with many accounts and long histories.
 */
export async function lastInteractionByAccount(db: Db, userId: string, accountIds: string[], q: Pick<InteractionQuery, 'executiveOnly' | 'until'> = {}): Promise<Map<string, Interaction>> {
  if (!accountIds.length) return new Map();
  const params: unknown[] = [userId, accountIds];
  const where = ['i.account_id = ok.account_id', ...conditions(q, params)];
  const r = await db.query<Interaction>(
    `WITH ok AS MATERIALIZED (${visibleAmong(1, '$2::text[]')})
     SELECT l.* FROM ok CROSS JOIN LATERAL (
       SELECT ${COLS} FROM interactions i WHERE ${where.join(' AND ')} ORDER BY i.occurred_at DESC, i.id DESC LIMIT 1) l`,
    params,
  );
  return new Map(r.rows.map((i) => [i.account_id, i]));
}

/** When each of the given contacts was last interacted with (before `until`); `accountId` narrows the search to their account. */
export async function lastContactTouch(db: Db, userId: string, contactIds: string[], until?: Date, accountId?: string): Promise<Map<string, Date>> {
  if (!contactIds.length) return new Map();
  const params: unknown[] = [userId, contactIds];
  // The GIN index on contact_ids finds the interactions; visibility is checked on their accounts.
  const where = ['i.contact_ids && $2::text[]'];
  if (accountId) {
    params.push(accountId);
    where.push(`i.account_id = $${params.length}`);
  }
  if (until) {
    params.push(until);
    where.push(`i.occurred_at < $${params.length}`);
  }
  const r = await db.query<{ contact_id: string; last: Date }>(
    `WITH touched AS MATERIALIZED (
       SELECT i.account_id, c AS contact_id, i.occurred_at FROM interactions i CROSS JOIN LATERAL unnest(i.contact_ids) AS c
       WHERE ${where.join(' AND ')} AND c = ANY($2::text[]))
     SELECT contact_id, max(occurred_at) AS last FROM touched
     WHERE account_id IN (${visibleAmong(1, 'ARRAY(SELECT DISTINCT account_id FROM touched)')})
     GROUP BY contact_id`,
    params,
  );
  return new Map(r.rows.map((x) => [x.contact_id, x.last]));
}

export interface NextStepRow extends Interaction {
  /** Whether a later interaction on the account exists (the step was likely followed up). */
  followed_up: boolean;
}

/** Committed next steps due between two business dates (inclusive), of visible accounts (or one), soonest first. */
export async function nextStepsDue(
  db: Db,
  userId: string,
  from: string,
  to: string,
  now: Date,
  accountId?: string,
  opts: { notFollowedUp?: boolean } = {},
): Promise<NextStepRow[]> {
  const params: unknown[] = [userId, from, to, now];
  let scope = `i.account_id IN (SELECT account_id FROM visible_account_ids($1))`;
  if (accountId) {
    params.push(accountId);
    scope = `i.account_id = $5 AND ${canSee(1, '$5')}`;
  }
  const later = `EXISTS (SELECT 1 FROM interactions j WHERE j.account_id = i.account_id AND j.occurred_at > i.occurred_at AND j.occurred_at < $4)`;
  // Overdue ones: only the steps no later interaction at the account followed, before the limit.
  const pending = opts.notFollowedUp ? ` AND NOT ${later}` : '';
  const r = await db.query<NextStepRow>(
    `SELECT ${COLS}, ${later} AS followed_up
     FROM interactions i
     WHERE i.next_step IS NOT NULL AND i.next_step <> '' AND i.next_step_due BETWEEN $2 AND $3 AND i.occurred_at <= $4 AND ${scope}${pending}
     ORDER BY i.next_step_due, i.id LIMIT 200`,
    params,
  );
  return r.rows;
}

export interface ActivityRow {
  user_id: string;
  name: string;
  type: InteractionType;
  interactions: number;
  accounts: number;
  /** The latest of these interactions. */
  last: Date;
}

export interface TouchedAccount {
  id: string;
  name: string;
  interactions: number;
  last: Date;
}

/** The accounts one colleague's interactions in [from, until) were with, most first (visible accounts only). */
export async function accountsTouchedBy(db: Db, viewerId: string, userId: string, from: Date, until: Date, limit = 20): Promise<TouchedAccount[]> {
  const r = await db.query<TouchedAccount>(
    `SELECT a.id, a.name, count(*)::int AS interactions, max(i.occurred_at) AS last
     FROM interactions i JOIN accounts a ON a.id = i.account_id
     WHERE i.user_id = $4 AND i.occurred_at >= $2 AND i.occurred_at < $3 AND ${visibleTo('i.account_id', 1)}
     GROUP BY a.id, a.name ORDER BY count(*) DESC, max(i.occurred_at) DESC, a.id LIMIT $5`,
    [viewerId, from, until, userId, limit],
  );
  return r.rows.map((x) => ({ ...x, last: new Date(x.last) }));
}

/**
 * Interactions logged in [from, until) on the accounts the viewer may see, per colleague and type
 * (only `userIds` when given; only one account's with `accountId`), with how many distinct accounts
 * each touched ('' : all of them).
 */
export async function activityByUser(db: Db, viewerId: string, from: Date, until: Date, userIds?: string[], accountId?: string): Promise<{ rows: ActivityRow[]; accounts: Map<string, number> }> {
  const params: unknown[] = [viewerId, from, until];
  let only = '';
  if (userIds) {
    params.push(userIds);
    only = `AND i.user_id = ANY($${params.length}::text[])`;
  }
  if (accountId) {
    params.push(accountId);
    only += ` AND i.account_id = $${params.length}`;
  }
  const where = `i.occurred_at >= $2 AND i.occurred_at < $3 AND ${visibleTo('i.account_id', 1)} ${only}`;
  const byType = await db.query<ActivityRow>(
    `SELECT i.user_id, COALESCE(u.name, i.user_id) AS name, i.type, count(*)::int AS interactions, count(DISTINCT i.account_id)::int AS accounts, max(i.occurred_at) AS last
     FROM interactions i LEFT JOIN users u ON u.id = i.user_id WHERE ${where}
     GROUP BY i.user_id, u.name, i.type ORDER BY i.user_id, i.type`,
    params,
  );
  // Per colleague, and (the rollup's row with no user) across all of them.
  const perUser = await db.query<{ user_id: string | null; accounts: number }>(
    `SELECT i.user_id, count(DISTINCT i.account_id)::int AS accounts FROM interactions i WHERE ${where} GROUP BY ROLLUP (i.user_id)`,
    params,
  );
  return { rows: byType.rows, accounts: new Map(perUser.rows.map((r) => [r.user_id ?? '', r.accounts])) };
}
