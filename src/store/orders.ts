// Orders of visible accounts.
import type { Db } from '../../db/index.ts';
import type { Order } from '../domain/types.ts';
import { canSee, visibleAmong } from './visible.ts';

/** Orders of one account between two business dates (inclusive), newest first. */
export async function accountOrders(db: Db, userId: string, accountId: string, from: string, to: string): Promise<Order[]> {
  const r = await db.query<Order>(
    `SELECT o.id, o.account_id, o.order_date, o.amount, o.product FROM orders o
     WHERE o.account_id = $2 AND o.order_date BETWEEN $3 AND $4 AND ${canSee(1, '$2')}
     ORDER BY o.order_date DESC, o.id`,
    [userId, accountId, from, to],
  );
  return r.rows;
}

/** Order totals per account between two business dates (inclusive), for the given visible accounts. */
export async function orderTotals(db: Db, userId: string, accountIds: string[], from: string, to: string): Promise<Map<string, number>> {
  if (!accountIds.length) return new Map();
  const r = await db.query<{ account_id: string; total: number }>(
    `SELECT o.account_id, sum(o.amount) AS total FROM orders o
     WHERE o.account_id IN (${visibleAmong(1, '$2::text[]')}) AND o.order_date BETWEEN $3 AND $4
     GROUP BY o.account_id`,
    [userId, accountIds, from, to],
  );
  return new Map(r.rows.map((x) => [x.account_id, x.total]));
}

/** Order amount and count per account between two business dates (inclusive), for the given visible accounts. */
export async function ordersOfAccounts(db: Db, userId: string, accountIds: string[], from: string, to: string): Promise<Map<string, { amount: number; count: number }>> {
  if (!accountIds.length) return new Map();
  const r = await db.query<{ account_id: string; amount: number; count: number }>(
    `SELECT o.account_id, sum(o.amount)::float8 AS amount, count(*)::int AS count FROM orders o
     WHERE o.account_id IN (${visibleAmong(1, '$2::text[]')}) AND o.order_date BETWEEN $3 AND $4
     GROUP BY o.account_id`,
    [userId, accountIds, from, to],
  );
  return new Map(r.rows.map((x) => [x.account_id, { amount: Number(x.amount), count: x.count }]));
}
