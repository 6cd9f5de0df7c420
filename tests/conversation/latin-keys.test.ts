// Pinyin keys (migration 011) find accounts for Latin mentions in SQL; a missing or stale key
// makes an account a candidate anyway, so a rename or a skipped refresh never hides it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { refreshAccountLatinKeys } from '../../src/nlu/latin-keys.ts';
import { candidateNames, resolveAccountMention } from '../../src/nlu/accounts.ts';
import { sampleDb } from '../helpers/db.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(() => db.close());

const found = async (user: string, text: string) => {
  const m = await resolveAccountMention(db, user, text);
  return m.kind === 'found' ? m.account.id : m.kind;
};

describe('Latin keys', () => {
  it('are written by the import for every account', async () => {
    const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM account_latin_keys');
    expect(r.rows[0].n).toBe(8);
    expect(await refreshAccountLatinKeys(db)).toBe(0);
  });

  it('narrow the candidates to the accounts a Latin mention can mean', async () => {
    const ids = (await candidateNames(db, 'u_admin', 'xishan mining budget')).map((a) => a.id);
    expect(ids).toContain('A200');
    expect(ids.length).toBeLessThan(4);
    expect((await candidateNames(db, 'u_admin', 'north road bridge contracts')).map((a) => a.id)).toContain('A400');
  });

  it('a renamed account (stale key) and a new one (no key) are still found', async () => {
    await db.query(`UPDATE accounts SET name = '东岭矿业集团', aliases = '{东岭矿业}' WHERE id = 'A200'`);
    await db.query(`INSERT INTO accounts (id, name, aliases, owner_id) VALUES ('A800', '青松物流有限公司', '{青松物流}', 'u_li')`);
    await db.query(`INSERT INTO account_team (account_id, user_id, team_role) VALUES ('A800', 'u_li', 'AR')`);
    expect(await found('u_li', 'Dongling Mining contracts')).toBe('A200');
    expect(await found('u_li', 'Qingsong Logistics tickets')).toBe('A800');
    expect(await refreshAccountLatinKeys(db)).toBe(2);
    expect(await found('u_li', 'Dongling Mining contracts')).toBe('A200');
    expect(await found('u_li', 'Xishan Mining contracts')).toBe('not_found');
  });

  it('suggest close names for a misspelt Latin name, among visible accounts only', async () => {
    const m = await resolveAccountMention(db, 'u_li', 'Dongline Mining contracts');
    expect(m.kind).toBe('not_found');
    if (m.kind === 'not_found') expect(m.suggestions.map((a) => a.id)).toEqual(['A200']);
    const z = await resolveAccountMention(db, 'u_zhang', 'Dongline Mining contracts');
    expect(z.kind === 'not_found' && z.suggestions).toEqual([]);
  });
});
