// Sales opportunities of visible accounts.
import type { Db } from '../../db/index.ts';
import type { Opportunity } from '../domain/types.ts';
import { OPEN_STAGES } from '../domain/types.ts';
import { canSee, visibleAmong, visibleTo } from './visible.ts';

const COLS = 'o.id, o.account_id, o.name, o.stage, o.amount, o.expected_close, o.owner_id, o.updated_at';
const STAGE_ORDER = `CASE o.stage WHEN 'negotiation' THEN 1 WHEN 'proposal' THEN 2 WHEN 'qualify' THEN 3 WHEN 'lead' THEN 4 WHEN 'won' THEN 5 ELSE 6 END`;

export async function accountOpportunities(db: Db, userId: string, accountId: string, opts: { openOnly?: boolean } = {}): Promise<Opportunity[]> {
  const r = await db.query<Opportunity>(
    `SELECT ${COLS} FROM opportunities o WHERE o.account_id = $2 AND ${canSee(1, '$2')}
     ${opts.openOnly ? 'AND o.stage = ANY($3::text[])' : ''} ORDER BY ${STAGE_ORDER}, o.expected_close NULLS LAST`,
    opts.openOnly ? [userId, accountId, OPEN_STAGES] : [userId, accountId],
  );
  return r.rows;
}

/** Open opportunities across every account the user may see. */
export async function visibleOpenOpportunities(db: Db, userId: string): Promise<Opportunity[]> {
  const r = await db.query<Opportunity>(
    `SELECT ${COLS} FROM opportunities o WHERE o.stage = ANY($2::text[]) AND ${visibleTo('o.account_id', 1)} ORDER BY ${STAGE_ORDER}, o.expected_close NULLS LAST`,
    [userId, OPEN_STAGES],
  );
  return r.rows;
}

/** Open opportunities across the given visible accounts. */
export async function openOpportunitiesOf(db: Db, userId: string, accountIds: string[]): Promise<Opportunity[]> {
  if (!accountIds.length) return [];
  const r = await db.query<Opportunity>(
    `SELECT ${COLS} FROM opportunities o WHERE o.account_id IN (${visibleAmong(1, '$2::text[]')}) AND o.stage = ANY($3::text[])
     ORDER BY ${STAGE_ORDER}, o.expected_close NULLS LAST`,
    [userId, accountIds, OPEN_STAGES],
  );
  return r.rows;
}
