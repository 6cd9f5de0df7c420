// Service tickets (complaints, repairs, inquiries) of visible accounts.
import type { Db } from '../../db/index.ts';
import type { Ticket, TicketKind } from '../domain/types.ts';
import { canSee, visibleAmong, visibleTo } from './visible.ts';

const COLS = 't.id, t.account_id, t.kind, t.severity, t.opened_at, t.resolved_at, t.summary';

export interface TicketQuery {
  /** Unresolved as of `asOf` (opened before it, not resolved before it). */
  openOnly?: boolean;
  asOf?: Date;
  kinds?: TicketKind[];
}

function conditions(q: TicketQuery, params: unknown[]): string[] {
  const where: string[] = [];
  if (q.asOf) {
    params.push(q.asOf);
    const p = `$${params.length}`;
    where.push(`t.opened_at <= ${p}`);
    if (q.openOnly) where.push(`(t.resolved_at IS NULL OR t.resolved_at > ${p})`);
  } else if (q.openOnly) where.push('t.resolved_at IS NULL');
  if (q.kinds?.length) {
    params.push(q.kinds);
    where.push(`t.kind = ANY($${params.length}::text[])`);
  }
  return where;
}

const ORDER = `ORDER BY CASE t.severity WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, t.opened_at`;

export async function accountTickets(db: Db, userId: string, accountId: string, q: TicketQuery = {}): Promise<Ticket[]> {
  const params: unknown[] = [userId, accountId];
  const where = ['t.account_id = $2', canSee(1, '$2'), ...conditions(q, params)];
  const r = await db.query<Ticket>(`SELECT ${COLS} FROM tickets t WHERE ${where.join(' AND ')} ${ORDER}`, params);
  return r.rows;
}

/** Tickets across every account the user may see. */
export async function visibleTickets(db: Db, userId: string, q: TicketQuery = {}): Promise<Ticket[]> {
  const params: unknown[] = [userId];
  const where = [visibleTo('t.account_id', 1), ...conditions(q, params)];
  const r = await db.query<Ticket>(`SELECT ${COLS} FROM tickets t WHERE ${where.join(' AND ')} ${ORDER}`, params);
  return r.rows;
}

/** Tickets of the given visible accounts (for lists across accounts). */
export async function ticketsOfAccounts(db: Db, userId: string, accountIds: string[], q: TicketQuery = {}): Promise<Ticket[]> {
  if (!accountIds.length) return [];
  const params: unknown[] = [userId, accountIds];
  const where = [`t.account_id IN (${visibleAmong(1, '$2::text[]')})`, ...conditions(q, params)];
  const r = await db.query<Ticket>(`SELECT ${COLS} FROM tickets t WHERE ${where.join(' AND ')} ${ORDER}`, params);
  return r.rows;
}
