// GET /console/accounts/:id — the account 360° page. An account the acting user may not see is a
// 404 page, exactly like one that does not exist.
import type { FastifyInstance } from 'fastify';
import { addDays, toIsoDate, yearElapsedShare } from '../../../domain/time.ts';
import { asOfNow, healthAsOf } from '../../../insights/health/compute.ts';
import { evaluateAlerts } from '../../../insights/alerts/evaluate.ts';
import { drawRelationshipMap } from '../../../insights/relationship-map/build.ts';
import { buildRollup } from '../../../insights/rollup/build.ts';
import { loadTunables } from '../../../insights/settings.ts';
import { NotFoundError } from '../../../errors.ts';
import { accountTeam, getVisibleAccount } from '../../../store/accounts.ts';
import { accountContacts, contactsByIds } from '../../../store/contacts.ts';
import { accountContracts } from '../../../store/contracts.ts';
import { accountInteractions, lastContactTouch } from '../../../store/interactions.ts';
import { accountOpportunities } from '../../../store/opportunities.ts';
import { accountProjects } from '../../../store/projects.ts';
import { accountCompetitors } from '../../../store/pipeline.ts';
import { accountTickets } from '../../../store/tickets.ts';
import { userNames } from '../../../store/users.ts';
import { budgetExecution, customerTree, healthHistory, visibleAlerts } from '../../../store/console-queries.ts';
import { page, VALID_ID, type ConsoleDeps, type PageContext } from '../context.ts';
import { accountBody, type Account360 } from '../views/account.ts';
import { renderPage } from '../views/page.ts';
import { trendWithToday, TREND_DAYS } from './accounts.ts';


/** How many interactions the timeline shows. */
const TIMELINE_LIMIT = 30;

async function load360(ctx: PageContext, id: string): Promise<Account360> {
  const db = ctx.app.db;
  const viewer = ctx.user.id;
  // Ids are strings chosen by the source system, but never carry control characters (Postgres refuses NUL).
  const account = VALID_ID.test(id) ? await getVisibleAccount(db, viewer, id) : undefined;
  if (!account) throw new NotFoundError(`account ${id}`);
  const today = toIsoDate(ctx.now, ctx.tz);
  const year = Number(today.slice(0, 4));
  const tunables = await loadTunables(db);
  const scope = { viewerId: viewer, accountIds: [id] };
  const [tree, team, contacts, interactions, contracts, budget, tickets, opportunities, projects, health, history, recorded, rollup, competitors] = await Promise.all([
    customerTree(db, viewer, id),
    accountTeam(db, viewer, id),
    accountContacts(db, viewer, id),
    accountInteractions(db, viewer, id, { until: ctx.now, limit: TIMELINE_LIMIT }),
    accountContracts(db, viewer, id),
    budgetExecution(db, viewer, id, year, today),
    accountTickets(db, viewer, id, { asOf: ctx.now }),
    accountOpportunities(db, viewer, id),
    accountProjects(db, viewer, id),
    healthAsOf(db, asOfNow(ctx.now, ctx.tz), tunables.health, scope),
    healthHistory(db, viewer, addDays(today, -TREND_DAYS), today, [id]),
    visibleAlerts(db, viewer, { status: 'all', accountId: id, now: ctx.now, limit: 50 }),
    buildRollup(db, viewer, id, ctx.now, ctx.tz),
    accountCompetitors(db, viewer, id),
  ]);
  // The health_drop rule reuses the score just computed instead of scoring the account again.
  const firing = await evaluateAlerts(db, { at: asOfNow(ctx.now, ctx.tz), tunables, lang: ctx.lang, scope, health });
  const lastTouch = await lastContactTouch(db, viewer, contacts.map((c) => c.id), ctx.now);
  const recordedKeys = new Set(recorded.map((a) => a.key));
  const people = new Set<string>([account.owner_id, ...interactions.map((i) => i.user_id), ...recorded.flatMap((a) => [...a.recipients, a.acknowledged_by ?? '']), ...firing.flatMap((a) => a.recipients)]);
  people.delete('');
  const names = await userNames(db, [...people]);
  // The timeline names everyone met, also contacts of a subsidiary or another account the viewer may see.
  const timelineContacts = [...new Set(interactions.flatMap((i) => i.contact_ids))];
  const contactNames = new Map([...contacts, ...(await contactsByIds(db, viewer, timelineContacts.filter((c) => !contacts.some((x) => x.id === c))))].map((c) => [c.id, c.name]));
  const h = health.find((x) => x.accountId === id);
  return {
    account,
    today,
    ownerName: names.get(account.owner_id) ?? account.owner_id,
    tree,
    team,
    contacts: contacts.map((c) => ({ ...c, lastTouch: lastTouch.get(c.id) ?? null })),
    interactions,
    contracts,
    budget: { ...budget, elapsed: yearElapsedShare(today), lagPoints: tunables.rules.budget_lag.points },
    tickets,
    opportunities,
    projects,
    competitors,
    health: h,
    trend: trendWithToday(history.get(id) ?? [], h, today),
    trendFrom: addDays(today, -TREND_DAYS),
    openAlerts: recorded.filter((a) => !a.acknowledged_at || a.acknowledged_at > ctx.now),
    firing: firing.filter((a) => !recordedKeys.has(a.key)),
    names,
    contactNames,
    rollup,
    relationshipMap: drawRelationshipMap(account, contacts, lastTouch, { now: ctx.now, tz: ctx.tz, lang: ctx.lang, rules: tunables.rules }).svg,
  };
}

export function accountRoutes(server: FastifyInstance, deps: ConsoleDeps) {
  server.get<{ Params: { id: string } }>(
    '/console/accounts/:id',
    page(deps, async (ctx) => {
      const id = (ctx.req.params as { id: string }).id;
      const data = await load360(ctx, id);
      return renderPage(ctx, { title: data.account.name, active: 'accounts', body: accountBody(ctx, data) });
    }),
  );
}
