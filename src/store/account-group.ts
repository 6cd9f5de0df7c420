// The customer tree an account heads, as far as a user may see it, for roll-ups across a group.
// Walking the tree reads parent links of accounts the user may not see (to know whether the
// view is partial), but only the visible accounts' rows ever leave this module.
import type { Db } from '../../db/index.ts';
import type { Account } from '../domain/types.ts';
import { canSee, visibleAmong } from './visible.ts';

export interface AccountGroup {
  /**
   * The visible accounts of the group, depth-first from the top (siblings by id); `depth` counts visible
   * ancestors within the group (0 for the top units).
   */
  units: { account: Account; depth: number; parentId: string | null }[];
  /**
   * The account's parent is hidden from the user: the group above it is not theirs to see, and
   * the units are every visible account of that hidden group's tree.
   */
  hiddenAbove: boolean;
  /** Some accounts of the group's tree are hidden from the user. */
  partial: boolean;
}

const COLS = 'a.id, a.name, a.aliases, a.parent_id, a.industry, a.region, a.tier, a.strategic_value, a.owner_id, a.created_at';
/** How far up a parent chain is followed (import refuses cycles; this bounds a hand-made one). */
const MAX_DEPTH = 12;

/**
 * The group an account stands for: the tree it heads, or, when its parent is hidden from the user,
 * the visible part of the tree of its topmost ancestor. Undefined when the user may not see it.
 */
export async function accountGroup(db: Db, userId: string, accountId: string): Promise<AccountGroup | undefined> {
  const own = await db.query<{ parent_id: string | null; parent_visible: boolean | null }>(
    `SELECT a.parent_id, CASE WHEN a.parent_id IS NULL THEN NULL ELSE ${canSee(1, 'a.parent_id')} END AS parent_visible
     FROM accounts a WHERE a.id = $2 AND ${canSee(1, '$2')}`,
    [userId, accountId],
  );
  const me = own.rows[0];
  if (!me) return undefined;
  const hiddenAbove = me.parent_id !== null && me.parent_visible === false;
  const rootId = hiddenAbove ? await topAncestor(db, accountId) : accountId;

  // Every account of the root's tree (ids and parent links only), then the visible ones in full.
  const tree = await db.query<{ id: string; parent_id: string | null }>(
    `WITH RECURSIVE tree(id, parent_id) AS (
       SELECT a.id, a.parent_id FROM accounts a WHERE a.id = $1
       UNION
       SELECT c.id, c.parent_id FROM accounts c JOIN tree t ON c.parent_id = t.id
     ) SELECT id, parent_id FROM tree`,
    [rootId],
  );
  const ids = tree.rows.map((r) => r.id);
  const visible = await db.query<Account>(`SELECT ${COLS} FROM accounts a WHERE a.id IN (${visibleAmong(1, '$2::text[]')})`, [userId, ids]);
  const byId = new Map(visible.rows.map((a) => [a.id, a]));

  const children = new Map<string | null, string[]>();
  for (const r of tree.rows) {
    const key = r.id === rootId ? null : r.parent_id;
    children.set(key, [...(children.get(key) ?? []), r.id]);
  }
  const units: AccountGroup['units'] = [];
  const walked = new Set<string>();
  const walk = (parent: string | null, visibleParent: string | null, depth: number) => {
    const kids = (children.get(parent) ?? []).slice().sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (const id of kids) {
      // A parent cycle (only a hand-edited database has one) is walked once.
      if (walked.has(id)) continue;
      walked.add(id);
      const account = byId.get(id);
      if (account) units.push({ account, depth, parentId: visibleParent });
      walk(id, account ? id : visibleParent, account ? depth + 1 : depth);
    }
  };
  walk(null, null, 0);
  return { units, hiddenAbove, partial: hiddenAbove || units.length < ids.length };
}

async function topAncestor(db: Db, accountId: string): Promise<string> {
  const r = await db.query<{ id: string }>(
    `WITH RECURSIVE up(id, parent_id, depth) AS (
       SELECT a.id, a.parent_id, 0 FROM accounts a WHERE a.id = $1
       UNION ALL
       SELECT p.id, p.parent_id, u.depth + 1 FROM accounts p JOIN up u ON p.id = u.parent_id WHERE u.depth < $2
     ) SELECT id FROM up ORDER BY depth DESC LIMIT 1`,
    [accountId, MAX_DEPTH],
  );
  return r.rows[0]?.id ?? accountId;
}
