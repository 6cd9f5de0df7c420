// Accounts as a user may see them. Every function is scoped by visible_account_ids in SQL:
// an account the user may not see is indistinguishable from one that does not exist.
import type { Db } from '../../db/index.ts';
import type { Account, TeamRole } from '../domain/types.ts';
import { canSee, visibleAmong, visibleTo } from './visible.ts';

const COLS = 'a.id, a.name, a.aliases, a.parent_id, a.industry, a.region, a.tier, a.strategic_value, a.owner_id, a.created_at';

/** The names the resolver matches against: every visible account, small rows only. */
export interface AccountName {
  id: string;
  name: string;
  aliases: string[];
  parent_id: string | null;
}

export async function visibleAccountNames(db: Db, userId: string): Promise<AccountName[]> {
  const r = await db.query<AccountName>(`SELECT a.id, a.name, a.aliases, a.parent_id FROM accounts a WHERE ${visibleTo('a.id', 1)} ORDER BY a.id`, [userId]);
  return r.rows;
}

/**
 * Visible accounts whose name or an alias contains one of the given runs of characters: the only
 * candidates for a Chinese mention, found without loading every visible name. With `limit`, only
 * the accounts containing the most runs (for "did you mean" suggestions).
 */
export async function visibleAccountNamesSharing(db: Db, userId: string, pairs: string[], limit?: number): Promise<AccountName[]> {
  if (!pairs.length) return [];
  // Two-character runs are looked up in the GIN index of every name's runs (migration 070).
  if (!limit && pairs.every((p) => p.length === 2)) {
    const r = await db.query<AccountName>(
      `WITH cand AS MATERIALIZED (SELECT a.id, a.name, a.aliases, a.parent_id FROM accounts a WHERE a.name_bigrams && $2::text[])
       SELECT * FROM cand WHERE id IN (${visibleAmong(1, 'ARRAY(SELECT id FROM cand)')}) ORDER BY id`,
      [userId, pairs],
    );
    return r.rows;
  }
  const patterns = pairs.map((p) => `%${p.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  const names = `lower(array_to_string(ARRAY[a.name] || a.aliases, '|'))`;
  const r = await db.query<AccountName>(
    `WITH cand AS MATERIALIZED (
       SELECT a.id, a.name, a.aliases, a.parent_id FROM accounts a WHERE ${names} LIKE ANY($2::text[])
       ${limit ? `ORDER BY (SELECT count(*) FROM unnest($2::text[]) p WHERE ${names} LIKE p) DESC, a.id LIMIT ${Math.floor(limit)}` : ''})
     SELECT * FROM cand WHERE id IN (${visibleAmong(1, 'ARRAY(SELECT id FROM cand)')}) ORDER BY id`,
    [userId, patterns],
  );
  return r.rows;
}

/**
 * What the Latin keys of an account are computed from: its name and aliases, after the version of
 * the key format (keys of an older format are stale and recomputed like those of a renamed account).
 */
const LATIN_KEY_FORMAT = 'v2|';
export function latinKeySource(a: { name: string; aliases: string[] }): string {
  return LATIN_KEY_FORMAT + [a.name, ...a.aliases].join('|');
}
const SOURCE_SQL = `'${LATIN_KEY_FORMAT}' || array_to_string(ARRAY[a.name] || a.aliases, '|')`;

/**
 * Visible accounts whose stored pinyin keys contain the most of the given Latin fragments (up to
 * `limit`, best first), plus every visible account whose keys are missing or stale, so a skipped
 * refresh never hides an account.
 */
export async function visibleAccountNamesByLatin(db: Db, userId: string, fragments: string[], limit = 50): Promise<AccountName[]> {
  if (!fragments.length) return [];
  const patterns = fragments.map((f) => `%${f.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  const r = await db.query<AccountName>(
    `WITH scored AS (
       SELECT a.id, a.name, a.aliases, a.parent_id,
              CASE WHEN k.account_id IS NULL OR k.source <> ${SOURCE_SQL} THEN NULL
                   ELSE (SELECT COALESCE(sum(length(p)), 0) FROM unnest($2::text[]) p WHERE k.keys LIKE p) END AS score
       FROM accounts a LEFT JOIN account_latin_keys k ON k.account_id = a.id),
     cand AS MATERIALIZED (
       SELECT id, name, aliases, parent_id FROM scored WHERE score IS NULL
       UNION ALL
       (SELECT id, name, aliases, parent_id FROM scored WHERE score > 0 ORDER BY score DESC, id LIMIT $3))
     SELECT * FROM cand WHERE id IN (${visibleAmong(1, 'ARRAY(SELECT id FROM cand)')}) ORDER BY id`,
    [userId, patterns, limit],
  );
  return r.rows;
}

/** Accounts whose Latin keys are missing or stale (to be refreshed). */
export async function accountsNeedingLatinKeys(db: Db): Promise<AccountName[]> {
  const r = await db.query<AccountName>(
    `SELECT a.id, a.name, a.aliases, a.parent_id FROM accounts a LEFT JOIN account_latin_keys k ON k.account_id = a.id
     WHERE k.account_id IS NULL OR k.source <> ${SOURCE_SQL}`,
  );
  return r.rows;
}

export async function saveLatinKeys(db: Db, rows: { accountId: string; source: string; keys: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const batch = rows.slice(i, i + 2000);
    await db.query(
      `INSERT INTO account_latin_keys (account_id, source, keys)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (account_id) DO UPDATE SET source = EXCLUDED.source, keys = EXCLUDED.keys`,
      [batch.map((r) => r.accountId), batch.map((r) => r.source), batch.map((r) => r.keys)],
    );
  }
}

/** The regions accounts are filed under (华东, 华北 ...): the words a region filter may use. */
export async function accountRegions(db: Db): Promise<string[]> {
  const r = await db.query<{ region: string }>(`SELECT DISTINCT region FROM accounts WHERE region IS NOT NULL AND region <> '' ORDER BY region`);
  return r.rows.map((x) => x.region);
}

/** A few visible top-level accounts by name (to offer as choices). */
export async function someTopLevelAccounts(db: Db, userId: string, limit: number): Promise<AccountName[]> {
  const r = await db.query<AccountName>(
    `SELECT a.id, a.name, a.aliases, a.parent_id FROM accounts a WHERE a.parent_id IS NULL AND ${visibleTo('a.id', 1)} ORDER BY a.name LIMIT $2`,
    [userId, limit],
  );
  return r.rows;
}

/**
 * Names for a user's example questions: a few top-level accounts they may see, one visible account
 * with visible subsidiaries, and a contact at the first account (executives first).
 */
export async function exampleNames(db: Db, userId: string, limit: number): Promise<{ accounts: AccountName[]; group: AccountName | null; contact: string | null }> {
  const accounts = await someTopLevelAccounts(db, userId, limit);
  const groups = await db.query<AccountName>(
    `SELECT a.id, a.name, a.aliases, a.parent_id FROM accounts a
     WHERE ${visibleTo('a.id', 1)} AND EXISTS (SELECT 1 FROM accounts c WHERE c.parent_id = a.id AND ${visibleTo('c.id', 1)})
     ORDER BY a.name LIMIT 1`,
    [userId],
  );
  const contact = accounts.length
    ? await db.query<{ name: string }>(
        `SELECT c.name FROM contacts c WHERE c.account_id = $2 AND ${canSee(1, '$2')}
         ORDER BY CASE c.level WHEN 'executive' THEN 1 WHEN 'manager' THEN 2 ELSE 3 END, c.name LIMIT 1`,
        [userId, accounts[0].id],
      )
    : undefined;
  return { accounts, group: groups.rows[0] ?? null, contact: contact?.rows[0]?.name ?? null };
}

export async function getVisibleAccount(db: Db, userId: string, accountId: string): Promise<Account | undefined> {
  const r = await db.query<Account>(`SELECT ${COLS} FROM accounts a WHERE a.id = $2 AND ${canSee(1, '$2')}`, [userId, accountId]);
  return r.rows[0];
}

export async function getVisibleAccounts(db: Db, userId: string, accountIds: string[]): Promise<Account[]> {
  if (!accountIds.length) return [];
  const r = await db.query<Account>(`SELECT ${COLS} FROM accounts a WHERE a.id IN (${visibleAmong(1, '$2::text[]')}) ORDER BY a.id`, [userId, accountIds]);
  return r.rows;
}

/** Visible child accounts (one level down). */
export async function childAccounts(db: Db, userId: string, parentId: string): Promise<Account[]> {
  const r = await db.query<Account>(`SELECT ${COLS} FROM accounts a WHERE a.parent_id = $2 AND ${canSee(1, '$2')} ORDER BY a.name`, [userId, parentId]);
  return r.rows;
}

export interface TeamMemberName {
  user_id: string;
  name: string;
  team_role: TeamRole;
}

/** The account's iron triangle (AR / SR / FR) with names. */
export async function accountTeam(db: Db, userId: string, accountId: string): Promise<TeamMemberName[]> {
  const r = await db.query<TeamMemberName>(
    `SELECT t.user_id, u.name, t.team_role FROM account_team t JOIN users u ON u.id = t.user_id
     WHERE t.account_id = $2 AND ${canSee(1, '$2')}
     ORDER BY CASE t.team_role WHEN 'AR' THEN 1 WHEN 'SR' THEN 2 ELSE 3 END, u.name`,
    [userId, accountId],
  );
  return r.rows;
}

export interface AccountFilter {
  /** Only accounts the user is on the team of directly (and their children); otherwise all visible. */
  ownOnly?: boolean;
  /** Only accounts this user (the asker or a colleague) is on the team of, with their children. */
  memberId?: string;
  /** With ownOnly or memberId: only memberships in these roles (我负责交付的 = FR). */
  roles?: string[];
  tiers?: string[];
  regions?: string[];
}

/** Visible accounts, optionally narrowed to the user's own (team membership, with child accounts). */
export async function listVisibleAccounts(db: Db, userId: string, filter: AccountFilter = {}): Promise<Account[]> {
  const params: unknown[] = [userId];
  const where = [visibleTo('a.id', 1)];
  if (filter.ownOnly || filter.memberId) {
    params.push(filter.memberId ?? userId);
    const member = `$${params.length}`;
    let role = '';
    if (filter.roles?.length) {
      params.push(filter.roles);
      role = ` AND team_role = ANY($${params.length}::text[])`;
    }
    where.push(`a.id IN (
      WITH RECURSIVE own(id) AS (
        SELECT account_id FROM account_team WHERE user_id = ${member}${role}
        UNION SELECT c.id FROM accounts c JOIN own o ON c.parent_id = o.id)
      SELECT id FROM own)`);
  }
  if (filter.regions?.length) {
    params.push(filter.regions);
    where.push(`a.region = ANY($${params.length}::text[])`);
  }
  if (filter.tiers?.length) {
    params.push(filter.tiers);
    where.push(`a.tier = ANY($${params.length}::text[])`);
  }
  const r = await db.query<Account>(`SELECT ${COLS} FROM accounts a WHERE ${where.join(' AND ')} ORDER BY a.tier NULLS LAST, a.name`, params);
  return r.rows;
}
