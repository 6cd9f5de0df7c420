// Contacts of visible accounts.
import type { Db } from '../../db/index.ts';
import type { Contact } from '../domain/types.ts';
import { canSee, visibleAmong, visibleTo } from './visible.ts';

const COLS = 'c.id, c.account_id, c.name, c.title, c.department, c.decision_role, c.level, c.attitude, c.phone, c.email, c.active';

/** Candidates found without regard to visibility, kept only where the user (in $1) may see their account. */
function scoped(candidates: string, order: string): string {
  return `WITH cand AS MATERIALIZED (${candidates})
    SELECT * FROM cand c WHERE c.account_id IN (${visibleAmong(1, 'ARRAY(SELECT DISTINCT account_id FROM cand)')}) ORDER BY ${order}`;
}

export async function accountContacts(db: Db, userId: string, accountId: string, opts: { activeOnly?: boolean } = {}): Promise<Contact[]> {
  const r = await db.query<Contact>(
    `SELECT ${COLS} FROM contacts c WHERE c.account_id = $2 AND ${canSee(1, '$2')} ${opts.activeOnly ? 'AND c.active' : ''}
     ORDER BY CASE c.level WHEN 'executive' THEN 1 WHEN 'manager' THEN 2 ELSE 3 END, c.name`,
    [userId, accountId],
  );
  return r.rows;
}

export async function contactsByIds(db: Db, userId: string, ids: string[]): Promise<Contact[]> {
  if (!ids.length) return [];
  const r = await db.query<Contact>(scoped(`SELECT ${COLS} FROM contacts c WHERE c.id = ANY($2::text[])`, 'c.id'), [userId, ids]);
  return r.rows;
}

/** Every contact of the user's visible accounts (optionally of one account); for name matching. */
export async function visibleContacts(db: Db, userId: string, accountId?: string, limit = 100000): Promise<Contact[]> {
  const r = await db.query<Contact>(
    `SELECT ${COLS} FROM contacts c WHERE ${accountId ? `c.account_id = $3 AND ${canSee(1, '$3')}` : visibleTo('c.account_id', 1)} ORDER BY c.account_id, c.name LIMIT $2`,
    accountId ? [userId, limit, accountId] : [userId, limit],
  );
  return r.rows;
}

/** Contacts whose name starts with the given text (a surname or a full name), in visible accounts. */
export async function contactsByNamePrefix(db: Db, userId: string, prefix: string, accountId?: string): Promise<Contact[]> {
  const params: unknown[] = [userId, prefix.replace(/[\\%_]/g, (c) => '\\' + c) + '%'];
  if (accountId) {
    params.push(accountId);
    const r = await db.query<Contact>(`SELECT ${COLS} FROM contacts c WHERE c.name LIKE $2 AND c.account_id = $3 AND ${canSee(1, '$3')} ORDER BY c.active DESC, c.name`, params);
    return r.rows;
  }
  const r = await db.query<Contact>(scoped(`SELECT ${COLS} FROM contacts c WHERE c.name LIKE $2`, 'c.active DESC, c.name'), params);
  return r.rows;
}

/** Visible contacts whose full name occurs in the (normalised, lower-case) text (optionally of one account). */
export async function contactsNamedIn(db: Db, userId: string, text: string, accountId?: string): Promise<Contact[]> {
  // A name occurs only where its first two characters do: look those up in the prefix index.
  const pairs = [...new Set(Array.from({ length: Math.max(0, text.length - 1) }, (_, i) => text.slice(i, i + 2)).filter((p) => !/\s/.test(p)))];
  if (!pairs.length) return [];
  const params: unknown[] = [userId, text, pairs];
  const candidates = `SELECT ${COLS} FROM contacts c WHERE left(lower(c.name), 2) = ANY($3::text[]) AND length(c.name) >= 2 AND strpos($2, lower(c.name)) > 0`;
  const order = 'length(c.name) DESC, c.name';
  if (accountId) {
    params.push(accountId);
    const r = await db.query<Contact>(`${candidates} AND c.account_id = $4 AND ${canSee(1, '$4')} ORDER BY ${order}`, params);
    return r.rows;
  }
  const r = await db.query<Contact>(scoped(candidates, order), params);
  return r.rows;
}
