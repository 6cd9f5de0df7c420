// Keeps account_latin_keys (migration 011) current: after every import, the accounts whose name or
// aliases changed (or that are new) get their pinyin keys recomputed.
import type { Db } from '../../db/index.ts';
import { accountsNeedingLatinKeys, latinKeySource, saveLatinKeys } from '../store/accounts.ts';
import { latinKeys } from './pinyin.ts';

export async function refreshAccountLatinKeys(tx: Db): Promise<number> {
  const stale = await accountsNeedingLatinKeys(tx);
  await saveLatinKeys(
    tx,
    stale.map((a) => ({ accountId: a.id, source: latinKeySource(a), keys: latinKeys(a.name, a.aliases) })),
  );
  return stale.length;
}
