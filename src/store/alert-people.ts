// Who is around an account (name, owner, AR and FR of its team) and who reports to whom: what
// alert recipients and escalations are resolved from.
import type { Db } from '../../db/index.ts';

export interface AccountPeopleRow {
  accountId: string;
  name: string;
  ownerId: string;
  arIds: string[];
  frIds: string[];
}

export async function accountPeople(db: Db, accountIds: string[]): Promise<Map<string, AccountPeopleRow>> {
  if (!accountIds.length) return new Map();
  const res = await db.query<{ id: string; name: string; owner_id: string; ars: string[] | null; frs: string[] | null }>(
    `SELECT a.id, a.name, a.owner_id,
       (SELECT array_agg(t.user_id ORDER BY t.user_id) FROM account_team t WHERE t.account_id = a.id AND t.team_role = 'AR') AS ars,
       (SELECT array_agg(t.user_id ORDER BY t.user_id) FROM account_team t WHERE t.account_id = a.id AND t.team_role = 'FR') AS frs
     FROM accounts a WHERE a.id = ANY($1::text[])`,
    [accountIds],
  );
  return new Map(res.rows.map((r) => [r.id, { accountId: r.id, name: r.name, ownerId: r.owner_id, arIds: r.ars ?? [], frIds: r.frs ?? [] }]));
}

/** user id → manager id, for every user. */
export async function managerMap(db: Db): Promise<Map<string, string | null>> {
  const res = await db.query<{ id: string; manager_id: string | null }>('SELECT id, manager_id FROM users');
  return new Map(res.rows.map((r) => [r.id, r.manager_id]));
}
