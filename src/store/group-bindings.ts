// Group chats bound to an account or a manager's team: the bindings themselves, who counts as a
// member of one (the account team and the managers above them; or the manager, everyone below and
// the managers above), what all members may see, and acknowledging alerts posted to a group.
import type { Db } from '../../db/index.ts';
import type { GroupBinding, GroupPlatform } from '../domain/groups.ts';
import { alertById, type AlertRecord } from './alerts.ts';

interface Row {
  platform: GroupPlatform;
  chat_id: string;
  account_id: string | null;
  manager_id: string | null;
  bound_by: string | null;
  bound_at: Date | null;
  target_name: string | null;
}

const SELECT = `SELECT g.platform, g.chat_id, g.account_id, g.manager_id, g.bound_by, g.bound_at, COALESCE(a.name, u.name) AS target_name
  FROM group_bindings g LEFT JOIN accounts a ON a.id = g.account_id LEFT JOIN users u ON u.id = g.manager_id`;

function toBinding(r: Row): GroupBinding {
  return {
    platform: r.platform,
    chatId: r.chat_id,
    target: r.account_id ? { kind: 'account', id: r.account_id } : { kind: 'team', id: r.manager_id! },
    targetName: r.target_name ?? (r.account_id ?? r.manager_id!),
    boundBy: r.bound_by,
    boundAt: r.bound_at,
  };
}

/** Binds a chat (replacing what it was bound to). */
export async function saveBinding(db: Db, b: Omit<GroupBinding, 'targetName'>): Promise<void> {
  await db.query(
    `INSERT INTO group_bindings (platform, chat_id, account_id, manager_id, bound_by, bound_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (platform, chat_id) DO UPDATE SET account_id = EXCLUDED.account_id, manager_id = EXCLUDED.manager_id, bound_by = EXCLUDED.bound_by, bound_at = EXCLUDED.bound_at`,
    [b.platform, b.chatId, b.target.kind === 'account' ? b.target.id : null, b.target.kind === 'team' ? b.target.id : null, b.boundBy, b.boundAt],
  );
}

export async function deleteBinding(db: Db, platform: string, chatId: string): Promise<boolean> {
  const res = await db.query('DELETE FROM group_bindings WHERE platform = $1 AND chat_id = $2 RETURNING chat_id', [platform, chatId]);
  return res.rows.length > 0;
}

export async function bindingOf(db: Db, platform: string, chatId: string): Promise<GroupBinding | undefined> {
  const res = await db.query<Row>(`${SELECT} WHERE g.platform = $1 AND g.chat_id = $2`, [platform, chatId]);
  return res.rows[0] && toBinding(res.rows[0]);
}

export async function listBindings(db: Db): Promise<GroupBinding[]> {
  const res = await db.query<Row>(`${SELECT} ORDER BY g.platform, g.chat_id`);
  return res.rows.map(toBinding);
}

/** Chats bound to any of these accounts, by account id. */
export async function bindingsOfAccounts(db: Db, accountIds: string[]): Promise<Map<string, GroupBinding[]>> {
  const out = new Map<string, GroupBinding[]>();
  if (!accountIds.length) return out;
  const res = await db.query<Row>(`${SELECT} WHERE g.account_id = ANY($1::text[]) ORDER BY g.platform, g.chat_id`, [accountIds]);
  for (const b of res.rows.map(toBinding)) out.set(b.target.id, [...(out.get(b.target.id) ?? []), b]);
  return out;
}

/** Chats bound to a manager's team whose team covers the user (the user, or someone they report to). */
export async function teamBindingsAbove(db: Db, userId: string): Promise<GroupBinding[]> {
  const res = await db.query<Row>(
    `WITH RECURSIVE up(id) AS (SELECT $1::text UNION SELECT u.manager_id FROM users u JOIN up ON u.id = up.id WHERE u.manager_id IS NOT NULL)
     ${SELECT} WHERE g.manager_id IN (SELECT id FROM up) ORDER BY g.platform, g.chat_id`,
    [userId],
  );
  return res.rows.map(toBinding);
}

/**
 * Members of a binding: for an account, its team and every manager above them; for a team, the
 * manager, everyone reporting to them (all the way down) and the managers above.
 */
export async function bindingMembers(db: Db, b: Pick<GroupBinding, 'target'>): Promise<string[]> {
  const base =
    b.target.kind === 'account'
      ? 'SELECT user_id AS id FROM account_team WHERE account_id = $1'
      : `SELECT id FROM users WHERE id = $1 UNION SELECT id FROM (WITH RECURSIVE down(id) AS (SELECT id FROM users WHERE manager_id = $1
           UNION SELECT u.id FROM users u JOIN down d ON u.manager_id = d.id) SELECT id FROM down) x`;
  const res = await db.query<{ id: string }>(
    `WITH RECURSIVE up(id) AS (${base} UNION SELECT u.manager_id FROM users u JOIN up ON u.id = up.id WHERE u.manager_id IS NOT NULL)
     SELECT id FROM up WHERE id IN (SELECT id FROM users) ORDER BY id`,
    [b.target.id],
  );
  return res.rows.map((r) => r.id);
}

/** The accounts every one of `members` may see (the intersection of their visibility). */
export async function visibleToAll(db: Db, members: string[]): Promise<Set<string>> {
  if (!members.length) return new Set();
  const res = await db.query<{ account_id: string }>(
    `SELECT v.account_id FROM unnest($1::text[]) AS m(id) CROSS JOIN LATERAL visible_account_ids(m.id) v
     GROUP BY v.account_id HAVING count(DISTINCT m.id) = cardinality($1::text[])`,
    [[...new Set(members)]],
  );
  return new Set(res.rows.map((r) => r.account_id));
}

/** Which of these strings are account ids (to tell which accounts an answer is about). */
export async function existingAccountIds(db: Db, candidates: string[]): Promise<string[]> {
  if (!candidates.length) return [];
  const res = await db.query<{ id: string }>('SELECT id FROM accounts WHERE id = ANY($1::text[])', [[...new Set(candidates)]]);
  return res.rows.map((r) => r.id);
}

/** Open alerts posted to this group chat (outbox recipient `group:…`) fired in [since, now]. */
export async function openAlertsInGroup(db: Db, groupKey: string, since: Date, now: Date): Promise<number[]> {
  const res = await db.query<{ id: number }>(
    `SELECT DISTINCT al.id FROM alerts al JOIN outbox o ON o.alert_id = al.id
     WHERE o.recipient_id = $1 AND al.acknowledged_at IS NULL AND al.fired_at >= $2 AND al.fired_at <= $3`,
    [groupKey, since, now],
  );
  return res.rows.map((r) => Number(r.id));
}

/** Acknowledges alerts that were posted to the group, by whoever in it said so. */
export async function acknowledgeInGroup(db: Db, groupKey: string, ids: number[], userId: string, now: Date): Promise<AlertRecord[]> {
  if (!ids.length) return [];
  const res = await db.query<{ id: number }>(
    `UPDATE alerts SET acknowledged_at = $3, acknowledged_by = $2
     WHERE id = ANY($1::bigint[]) AND acknowledged_at IS NULL AND EXISTS (SELECT 1 FROM outbox o WHERE o.alert_id = alerts.id AND o.recipient_id = $4)
     RETURNING id`,
    [ids, userId, now, groupKey],
  );
  const out: AlertRecord[] = [];
  for (const r of res.rows) {
    const a = await alertById(db, Number(r.id));
    if (a) out.push(a);
  }
  return out;
}

/** A manager (or anyone with reports) named by id or by exact name. */
export async function findTeamLead(db: Db, nameOrId: string): Promise<{ id: string; name: string } | undefined> {
  const res = await db.query<{ id: string; name: string }>(
    `SELECT u.id, u.name FROM users u WHERE (u.id = $1 OR u.name = $1 OR lower(u.name) = lower($1))
       AND EXISTS (SELECT 1 FROM users r WHERE r.manager_id = u.id) ORDER BY (u.id = $1) DESC, u.id LIMIT 1`,
    [nameOrId.trim()],
  );
  return res.rows[0];
}

/** Everyone the user manages, directly or not. */
export async function reportIds(db: Db, userId: string): Promise<Set<string>> {
  const res = await db.query<{ id: string }>(
    `WITH RECURSIVE down(id) AS (SELECT id FROM users WHERE manager_id = $1 UNION SELECT u.id FROM users u JOIN down d ON u.manager_id = d.id) SELECT id FROM down`,
    [userId],
  );
  return new Set(res.rows.map((r) => r.id));
}

export async function accountTeamIds(db: Db, accountId: string): Promise<string[]> {
  const res = await db.query<{ user_id: string }>('SELECT DISTINCT user_id FROM account_team WHERE account_id = $1 ORDER BY user_id', [accountId]);
  return res.rows.map((r) => r.user_id);
}

/** Names of people, for @-mentions. */
export async function peopleNames(db: Db, ids: string[]): Promise<{ userId: string; name: string }[]> {
  if (!ids.length) return [];
  const res = await db.query<{ id: string; name: string }>('SELECT id, name FROM users WHERE id = ANY($1::text[]) ORDER BY id', [[...new Set(ids)]]);
  return res.rows.map((r) => ({ userId: r.id, name: r.name }));
}
