// Contracts of visible accounts.
import type { Db } from '../../db/index.ts';
import type { Contract } from '../domain/types.ts';
import { canSee, visibleTo } from './visible.ts';

const COLS = 'k.id, k.account_id, k.kind, k.signed_at, k.start_date, k.end_date, k.amount, k.status';

export async function accountContracts(db: Db, userId: string, accountId: string): Promise<Contract[]> {
  const r = await db.query<Contract>(
    `SELECT ${COLS} FROM contracts k WHERE k.account_id = $2 AND ${canSee(1, '$2')}
     ORDER BY CASE k.status WHEN 'active' THEN 0 ELSE 1 END, k.end_date`,
    [userId, accountId],
  );
  return r.rows;
}

/** Active contracts of visible accounts ending between two business dates (inclusive). */
export async function activeContractsEnding(db: Db, userId: string, from: string, to: string): Promise<Contract[]> {
  const r = await db.query<Contract>(
    `SELECT ${COLS} FROM contracts k WHERE k.status = 'active' AND k.end_date BETWEEN $2 AND $3 AND ${visibleTo('k.account_id', 1)} ORDER BY k.end_date`,
    [userId, from, to],
  );
  return r.rows;
}
