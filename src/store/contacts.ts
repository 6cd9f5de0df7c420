// Contacts of visible accounts.
import type { Db } from '../../db/index.ts';
import type { Contact } from '../domain/types.ts';
import { visibleTo } from './visible.ts';

const COLS = 'c.id, c.account_id, c.name, c.title, c.department, c.decision_role, c.level, c.attitude, c.phone, c.email, c.active';

export async function accountContacts(db: Db, userId: string, accountId: string, opts: { activeOnly?: boolean } = {}): Promise<Contact[]> {
  const r = await db.query<Contact>(
    `SELECT ${COLS} FROM contacts c WHERE c.account_id = $2 AND ${visibleTo('c.account_id', 1)} ${opts.activeOnly ? 'AND c.active' : ''}
     ORDER BY CASE c.level WHEN 'executive' THEN 1 WHEN 'manager' THEN 2 ELSE 3 END, c.name`,
    [userId, accountId],
  );
  return r.rows;
}

export async function contactsByIds(db: Db, userId: string, ids: string[]): Promise<Contact[]> {
  if (!ids.length) return [];
  const r = await db.query<Contact>(`SELECT ${COLS} FROM contacts c WHERE c.id = ANY($2::text[]) AND ${visibleTo('c.account_id', 1)}`, [userId, ids]);
  return r.rows;
}

/** Every contact of the user's visible accounts (optionally of one account); for name matching. */
export async function visibleContacts(db: Db, userId: string, accountId?: string, limit = 100000): Promise<Contact[]> {
  const r = await db.query<Contact>(
    `SELECT ${COLS} FROM contacts c WHERE ${visibleTo('c.account_id', 1)} ${accountId ? 'AND c.account_id = $3' : ''} ORDER BY c.account_id, c.name LIMIT $2`,
    accountId ? [userId, limit, accountId] : [userId, limit],
  );
  return r.rows;
}

/** Contacts whose name starts with the given text (a surname or a full name), in visible accounts. */
export async function contactsByNamePrefix(db: Db, userId: string, prefix: string, accountId?: string): Promise<Contact[]> {
  const params: unknown[] = [userId, prefix.replace(/[\\%_]/g, (c) => '\\' + c) + '%'];
  if (accountId) params.push(accountId);
  const r = await db.query<Contact>(
    `SELECT ${COLS} FROM contacts c WHERE c.name LIKE $2 AND ${visibleTo('c.account_id', 1)} ${accountId ? 'AND c.account_id = $3' : ''}
     ORDER BY c.active DESC, c.name`,
    params,
  );
  return r.rows;
}

/** Visible contacts whose full name occurs in the text (optionally of one account). */
export async function contactsNamedIn(db: Db, userId: string, text: string, accountId?: string): Promise<Contact[]> {
  const params: unknown[] = [userId, text];
  if (accountId) params.push(accountId);
  const r = await db.query<Contact>(
    `SELECT ${COLS} FROM contacts c WHERE length(c.name) >= 2 AND strpos($2, lower(c.name)) > 0 AND ${visibleTo('c.account_id', 1)}
     ${accountId ? 'AND c.account_id = $3' : ''} ORDER BY length(c.name) DESC, c.name`,
    params,
  );
  return r.rows;
}
