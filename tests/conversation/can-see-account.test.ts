// can_see_account and visible_among (migration 010) answer exactly what visible_account_ids lists, for every user
// and account: the sample data, and a tree with deep nesting, a manager chain and cycles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { sampleDb } from '../helpers/db.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

async function assertSame() {
  const users = (await db.query<{ id: string }>('SELECT id FROM users')).rows.map((r) => r.id).concat(['nobody']);
  const accounts = (await db.query<{ id: string }>('SELECT id FROM accounts')).rows.map((r) => r.id).concat(['A_NONE']);
  for (const u of users) {
    const visible = new Set((await db.query<{ account_id: string }>('SELECT account_id FROM visible_account_ids($1)', [u])).rows.map((r) => r.account_id));
    const r = await db.query<{ id: string; ok: boolean }>('SELECT a AS id, can_see_account($1, a) AS ok FROM unnest($2::text[]) a', [u, accounts]);
    for (const row of r.rows) expect(row.ok, `${u} / ${row.id}`).toBe(visible.has(row.id));
    const among = (await db.query<{ account_id: string }>('SELECT account_id FROM visible_among($1, $2)', [u, accounts])).rows.map((x) => x.account_id);
    expect(among.sort(), u).toEqual([...visible].sort());
    const some = accounts.filter((_, i) => i % 2 === 0);
    const amongSome = (await db.query<{ account_id: string }>('SELECT account_id FROM visible_among($1, $2)', [u, some])).rows.map((x) => x.account_id);
    expect(amongSome.sort(), u).toEqual(some.filter((a) => visible.has(a)).sort());
  }
}

describe('can_see_account and visible_among', () => {
  it('equals visible_account_ids on the sample data', assertSame);

  it('equals it with deeper trees, longer manager chains and cycles', async () => {
    await db.query(`INSERT INTO users (id, name, role, manager_id) VALUES ('vp', 'VP', 'manager', NULL), ('dir', 'Dir', 'manager', 'vp'), ('rep', 'Rep', 'sales', 'dir'), ('loop1', 'L1', 'manager', 'loop2'), ('loop2', 'L2', 'manager', 'loop1')`);
    await db.query(`UPDATE users SET manager_id = 'dir' WHERE id = 'u_chen'`);
    await db.query(`INSERT INTO accounts (id, name, owner_id, parent_id) VALUES ('G1', 'G1', 'rep', NULL), ('G2', 'G2', 'rep', 'G1'), ('G3', 'G3', 'rep', 'G2'), ('C1', 'C1', 'loop1', 'C2'), ('C2', 'C2', 'loop1', 'C1')`);
    await db.query(`INSERT INTO account_team (account_id, user_id, team_role) VALUES ('G2', 'rep', 'AR'), ('C1', 'loop2', 'AR')`);
    await assertSame();
  });
});
