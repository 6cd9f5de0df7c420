// Yearly purchase budgets of visible accounts.
import type { Db } from '../../db/index.ts';
import type { Budget } from '../domain/types.ts';
import { canSee, visibleAmong } from './visible.ts';

export async function accountBudget(db: Db, userId: string, accountId: string, year: number): Promise<Budget | undefined> {
  const r = await db.query<Budget>(`SELECT b.account_id, b.year, b.amount FROM budgets b WHERE b.account_id = $2 AND b.year = $3 AND ${canSee(1, '$2')}`, [
    userId,
    accountId,
    year,
  ]);
  return r.rows[0];
}

/** Budgets of one year per account, for the given visible accounts. */
export async function budgetsOf(db: Db, userId: string, accountIds: string[], year: number): Promise<Map<string, number>> {
  if (!accountIds.length) return new Map();
  const r = await db.query<Budget>(`SELECT b.account_id, b.year, b.amount FROM budgets b WHERE b.account_id IN (${visibleAmong(1, '$2::text[]')}) AND b.year = $3`, [
    userId,
    accountIds,
    year,
  ]);
  return new Map(r.rows.map((b) => [b.account_id, b.amount]));
}
