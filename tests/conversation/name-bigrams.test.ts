// Chinese account mentions are looked up by the two-character runs of every name and alias
// (migration 070's generated column and GIN index): the same accounts as a LIKE over the names,
// kept current on rename, and only visible ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { visibleAccountNamesSharing } from '../../src/store/accounts.ts';
import { sampleDb } from '../helpers/db.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

const likeLookup = async (user: string, pairs: string[]) => {
  const r = await db.query<{ id: string }>(
    `SELECT a.id FROM accounts a WHERE lower(array_to_string(ARRAY[a.name] || a.aliases, '|')) LIKE ANY($2::text[])
       AND a.id IN (SELECT account_id FROM visible_account_ids($1)) ORDER BY a.id`,
    [user, pairs.map((p) => `%${p}%`)],
  );
  return r.rows.map((x) => x.id);
};
const ids = async (user: string, pairs: string[]) => (await visibleAccountNamesSharing(db, user, pairs)).map((a) => a.id);

describe('account name runs', () => {
  it('find the same accounts as a LIKE over names and aliases, for every user', async () => {
    const users = (await db.query<{ id: string }>('SELECT id FROM users')).rows.map((u) => u.id);
    const names = (await db.query<{ name: string }>('SELECT name FROM accounts')).rows.map((a) => a.name.toLowerCase());
    const pairSets = [['中建'], ['矿业', '港务'], ['华东', '工程'], ['西山'], ['xx'], ...names.map((n) => [n.slice(1, 3), n.slice(-2)])];
    let found = 0;
    for (const user of [...users, 'nobody']) {
      for (const pairs of pairSets) {
        const expected = await likeLookup(user, pairs);
        expect(await ids(user, pairs), `${user} ${pairs}`).toEqual(expected);
        found += expected.length;
      }
    }
    expect(found).toBeGreaterThan(50);
  });

  it('follow a rename and new aliases', async () => {
    await db.query(`UPDATE accounts SET name = '北辰重工集团', aliases = ARRAY['北辰'] WHERE id = 'A200'`);
    expect(await ids('u_admin', ['辰重'])).toEqual(['A200']);
    expect(await ids('u_admin', ['西山'])).not.toContain('A200');
    expect(await ids('u_zhang', ['辰重'])).toEqual([]);
  });
});
