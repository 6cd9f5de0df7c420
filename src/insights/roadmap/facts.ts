// Gathers everything the roadmap is built from, as of a moment, through the store (scoped by the
// acting user's visibility) and the health score of src/insights/health.
import type { AppContext } from '../../app.ts';
import { toIsoDate } from '../../domain/time.ts';
import { asOfNow, healthAsOf } from '../health/compute.ts';
import { buildRollup } from '../rollup/build.ts';
import { loadTunables } from '../settings.ts';
import {
  roadmapAccount,
  roadmapBudget,
  roadmapContacts,
  roadmapContracts,
  roadmapInteractions,
  roadmapOpenTickets,
  roadmapOpportunities,
  roadmapOrders,
  roadmapProjects,
  roadmapTeam,
} from '../../store/roadmap-queries.ts';
import type { RoadmapFacts } from './types.ts';

/** The facts of one account, or undefined when the user may not see it (or it does not exist). */
export async function gatherFacts(app: AppContext, userId: string, accountId: string, now: Date, tz: string): Promise<RoadmapFacts | undefined> {
  const db = app.db;
  const account = await roadmapAccount(db, userId, accountId);
  if (!account) return undefined;
  const today = toIsoDate(now, tz);
  const at = { now, today, tz };
  const tunables = await loadTunables(db);
  const [health] = await healthAsOf(db, asOfNow(now, tz), tunables.health, { accountIds: [account.id] });
  const year = Number(today.slice(0, 4));
  const group = await buildRollup(db, userId, account.id, now, tz);
  return {
    today,
    account: { id: account.id, name: account.name, aliases: account.aliases, tier: account.tier, strategicValue: account.strategic_value, industry: account.industry, parentName: account.parent_name, ownerId: account.owner_id },
    team: await roadmapTeam(db, userId, account.id),
    contacts: await roadmapContacts(db, userId, account.id, at),
    interactions: await roadmapInteractions(db, userId, account.id, at),
    openTickets: await roadmapOpenTickets(db, userId, account.id, at),
    contracts: await roadmapContracts(db, userId, account.id),
    opportunities: await roadmapOpportunities(db, userId, account.id),
    orders: await roadmapOrders(db, userId, account.id, at),
    budget: { year, amount: await roadmapBudget(db, userId, account.id, year) },
    projects: await roadmapProjects(db, userId, account.id),
    health: health ?? null,
    thresholds: tunables.rules,
    group: group && (group.units.length > 1 || group.partial) ? group : null,
  };
}
