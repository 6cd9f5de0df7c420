// The roll-up of an account's group as of a moment: the visible units of the tree (store), each
// unit's budget, orders, pipeline, open tickets and health, combined in the domain. Undefined when
// the user may not see the account.
import type { Db } from '../../../db/index.ts';
import { rollUp, type Rollup } from '../../domain/rollup.ts';
import { addDays, toIsoDate, yearElapsedShare } from '../../domain/time.ts';
import { accountGroup } from '../../store/account-group.ts';
import { budgetsOf } from '../../store/budgets.ts';
import { openOpportunitiesOf } from '../../store/opportunities.ts';
import { orderTotals } from '../../store/orders.ts';
import { ticketsOfAccounts } from '../../store/tickets.ts';
import { asOfNow, healthAsOf } from '../health/compute.ts';
import { loadTunables } from '../settings.ts';

export interface GroupRollup extends Rollup {
  /** The account asked about. */
  account: { id: string; name: string };
  /** The account's parent is hidden: the units are the visible part of a group the user may not see. */
  hiddenAbove: boolean;
  asOf: string;
}

export async function buildRollup(db: Db, userId: string, accountId: string, now: Date, tz: string): Promise<GroupRollup | undefined> {
  const group = await accountGroup(db, userId, accountId);
  if (!group) return undefined;
  const me = group.units.find((u) => u.account.id === accountId)!.account;
  const ids = group.units.map((u) => u.account.id);
  const today = toIsoDate(now, tz);
  const year = Number(today.slice(0, 4));
  const tunables = await loadTunables(db);
  const [budgets, ordered, revenue, opportunities, tickets, health] = await Promise.all([
    budgetsOf(db, userId, ids, year),
    orderTotals(db, userId, ids, `${year}-01-01`, today),
    orderTotals(db, userId, ids, addDays(today, -364), today),
    openOpportunitiesOf(db, userId, ids),
    ticketsOfAccounts(db, userId, ids, { openOnly: true, asOf: now }),
    healthAsOf(db, asOfNow(now, tz), tunables.health, { viewerId: userId, accountIds: ids }),
  ]);
  const scores = new Map(health.map((h) => [h.accountId, h.score]));
  const units = group.units.map(({ account, depth }) => {
    const opps = opportunities.filter((o) => o.account_id === account.id);
    return {
      id: account.id,
      name: account.name,
      depth,
      budget: budgets.get(account.id) ?? null,
      ordered: ordered.get(account.id) ?? 0,
      pipelineAmount: opps.reduce((s, o) => s + (o.amount ?? 0), 0),
      pipelineCount: opps.length,
      openTickets: tickets.filter((t) => t.account_id === account.id).length,
      health: scores.get(account.id) ?? null,
      revenue12m: revenue.get(account.id) ?? 0,
    };
  });
  return {
    ...rollUp(units, { year, yearElapsed: yearElapsedShare(today), partial: group.partial }),
    account: { id: me.id, name: me.name },
    hiddenAbove: group.hiddenAbove,
    asOf: today,
  };
}
