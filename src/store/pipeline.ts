// SQL of what notes do to the pipeline: competitors kept per account (account_competitors) and
// the opportunities a note creates or updates, each change recorded on the note for Undo.
// Reads are scoped by the user's visibility; writes run inside the note's transaction.
import type { Db } from '../../db/index.ts';
import type { Opportunity, Stage } from '../domain/types.ts';
import { nextId, type PipelineChange } from './notes.ts';

export type { PipelineChange };
import { canSee, visibleTo } from './visible.ts';

export interface AccountCompetitor {
  account_id: string;
  name: string;
  first_seen: string | null;
  last_seen: string | null;
  mentions: number;
}

/** Competitors named at an account, most recently named first. */
export async function accountCompetitors(db: Db, userId: string, accountId: string): Promise<AccountCompetitor[]> {
  const r = await db.query<AccountCompetitor>(
    `SELECT account_id, name, first_seen::text AS first_seen, last_seen::text AS last_seen, mentions FROM account_competitors
     WHERE account_id = $2 AND ${canSee(1, '$2')} ORDER BY last_seen DESC NULLS LAST, mentions DESC, name COLLATE "C"`,
    [userId, accountId],
  );
  return r.rows;
}

/** Records that a note named a competitor at the account on `day`; returns the change for Undo. */
export async function noteCompetitor(tx: Db, accountId: string, name: string, day: string): Promise<PipelineChange> {
  const old = await tx.query<{ first_seen: string | null; last_seen: string | null; mentions: number }>(
    'SELECT first_seen::text AS first_seen, last_seen::text AS last_seen, mentions FROM account_competitors WHERE account_id = $1 AND name = $2 FOR UPDATE',
    [accountId, name],
  );
  if (!old.rows.length) {
    await tx.query('INSERT INTO account_competitors (account_id, name, first_seen, last_seen, mentions) VALUES ($1, $2, $3, $3, 1)', [accountId, name, day]);
    return { kind: 'competitor', accountId, name, created: true };
  }
  const before = old.rows[0];
  await tx.query(
    'UPDATE account_competitors SET mentions = mentions + 1, last_seen = GREATEST(last_seen, $3::date), first_seen = LEAST(first_seen, $3::date) WHERE account_id = $1 AND name = $2',
    [accountId, name, day],
  );
  return { kind: 'competitor', accountId, name, created: false, before };
}

/** One opportunity of a visible account. */
export async function getOpportunity(db: Db, userId: string, id: string): Promise<Opportunity | undefined> {
  const r = await db.query<Opportunity>(
    `SELECT o.id, o.account_id, o.name, o.stage, o.amount, o.expected_close, o.owner_id, o.updated_at FROM opportunities o
     WHERE o.id = $2 AND ${visibleTo('o.account_id', 1)}`,
    [userId, id],
  );
  return r.rows[0];
}

/** Opportunity ids of chat notes: CHAT-O-20261124-1. */
export function nextOpportunityId(tx: Db, day: string): Promise<string> {
  return nextId(tx, 'opportunities', 'CHAT-O', day);
}

export async function insertOpportunity(
  tx: Db,
  o: { id: string; accountId: string; name: string; stage: Stage; amount: number | null; ownerId: string; day: string },
): Promise<void> {
  await tx.query('INSERT INTO opportunities (id, account_id, name, stage, amount, owner_id, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    o.id,
    o.accountId,
    o.name,
    o.stage,
    o.amount,
    o.ownerId,
    o.day,
  ]);
}

export async function updateOpportunity(tx: Db, id: string, v: { stage: Stage; amount: number | null; updated_at: string | null }): Promise<void> {
  await tx.query('UPDATE opportunities SET stage = $2, amount = $3, updated_at = $4 WHERE id = $1', [id, v.stage, v.amount, v.updated_at]);
}

/** Puts back what the changes did, last first. */
export async function revertPipelineChanges(tx: Db, changes: PipelineChange[]): Promise<void> {
  for (const c of [...changes].reverse()) {
    if (c.kind === 'competitor') {
      if (c.created || !c.before) await tx.query('DELETE FROM account_competitors WHERE account_id = $1 AND name = $2', [c.accountId, c.name]);
      else await tx.query('UPDATE account_competitors SET first_seen = $3, last_seen = $4, mentions = $5 WHERE account_id = $1 AND name = $2', [
          c.accountId,
          c.name,
          c.before.first_seen,
          c.before.last_seen,
          c.before.mentions,
        ]);
    } else if (c.kind === 'opportunity_created') {
      await tx.query('DELETE FROM opportunities WHERE id = $1', [c.id]);
    } else {
      await updateOpportunity(tx, c.id, c.before);
    }
  }
}
