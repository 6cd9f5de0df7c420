// GET /console/accounts: every account the acting user may see, with health, trend and alerts.
import type { FastifyInstance } from 'fastify';
import { addDays, toIsoDate } from '../../../domain/time.ts';
import { band } from '../../../domain/health/score.ts';
import type { Band, Health } from '../../../domain/health/types.ts';
import type { Tier } from '../../../domain/types.ts';
import { asOfNow, healthAsOf } from '../../../insights/health/compute.ts';
import { loadTunables } from '../../../insights/settings.ts';
import { accountListRows, healthHistory, latestSnapshots, type HealthPoint } from '../../../store/console-queries.ts';
import type { AccountScope } from '../../../store/scope.ts';
import { ct } from '../../../../prompts/console.ts';
import { applyTableQuery, paginate, parseTableQuery, type AccountTableRow } from '../accounts-table.ts';
import { page, queryOf, type ConsoleDeps, type PageContext } from '../context.ts';
import { accountsBody } from '../views/accounts.ts';
import { renderPage } from '../views/page.ts';
import { unrecordedFiring } from '../firing.ts';
import { LIVE_LIMIT } from './alerts.ts';

/** How far back the sparkline reaches. */
export const TREND_DAYS = 90;
/** Rows per page of the accounts list. */
export const PAGE_SIZE = 50;

/** Health as of the page's moment, for the accounts in scope (already limited to the viewer). */
export async function liveHealth(ctx: PageContext, scope: AccountScope): Promise<Map<string, Health>> {
  const { health } = await loadTunables(ctx.app.db);
  const list = await healthAsOf(ctx.app.db, asOfNow(ctx.now, ctx.tz), health, { viewerId: ctx.user.id, ...scope });
  return new Map(list.map((h) => [h.accountId, h]));
}

/** Stored snapshots of the window, with today's live score as the last point. */
export function trendWithToday(history: HealthPoint[], live: Health | undefined, today: string): HealthPoint[] {
  const points = history.filter((p) => p.date < today);
  if (live) points.push({ date: today, score: live.score });
  else points.push(...history.filter((p) => p.date === today));
  return points;
}

/** One row's health in the list: the latest daily snapshot, or computed now when there is none. */
interface ListHealth {
  score: number;
  band: Band;
  suggestedTier: Tier | null;
}

export function accountsRoutes(server: FastifyInstance, deps: ConsoleDeps) {
  server.get(
    '/console/accounts',
    page(deps, async (ctx) => {
      const db = ctx.app.db;
      const today = toIsoDate(ctx.now, ctx.tz);
      const from = addDays(today, -TREND_DAYS);
      // Scoring thousands of accounts live would make the list slow; the nightly snapshots hold
      // the same scores. Only accounts without a recent snapshot are scored now.
      const [base, snapshots, tunables] = await Promise.all([accountListRows(db, ctx.user.id, ctx.now), latestSnapshots(db, ctx.user.id, from, today), loadTunables(db)]);
      const missing = base.filter((a) => !snapshots.has(a.id)).map((a) => a.id);
      const live = missing.length ? await liveHealth(ctx, { accountIds: missing }) : new Map<string, Health>();
      const healthOf = (id: string): ListHealth | undefined => {
        const snap = snapshots.get(id);
        if (snap) return { score: snap.score, band: band(snap.score, tunables.health.bands), suggestedTier: snap.suggestedTier };
        const h = live.get(id);
        return h && { score: h.score, band: h.band, suggestedTier: h.tier.suggested };
      };
      // Open = recorded and not acknowledged, plus what fires now and the sweep has not recorded
      // yet — as the alerts page lists them (evaluated live up to the same number of accounts).
      const firing = base.length <= LIVE_LIMIT ? await unrecordedFiring(ctx) : [];
      const firingPer = new Map<string, number>();
      for (const f of firing) firingPer.set(f.accountId, (firingPer.get(f.accountId) ?? 0) + 1);
      const rows: AccountTableRow[] = base.map((a) => {
        const h = healthOf(a.id);
        return {
          id: a.id,
          name: a.name,
          aliases: a.aliases ?? [],
          parentId: a.parent_id,
          tier: a.tier,
          suggestedTier: h?.suggestedTier ?? null,
          health: h?.score ?? null,
          band: h?.band ?? null,
          openAlerts: a.open_alerts + (firingPer.get(a.id) ?? 0),
          ownerId: a.owner_id,
          ownerName: a.owner_name,
          industry: a.industry,
        };
      });
      const owners = [...new Map(rows.map((r) => [r.ownerId, r.ownerName ?? r.ownerId])).entries()]
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
      const query = parseTableQuery(queryOf(ctx.req));
      const shown = paginate(applyTableQuery(rows, query), query.page, PAGE_SIZE);
      const ids = shown.rows.map((r) => r.id);
      const history = await healthHistory(db, ctx.user.id, from, today, ids);
      const trends = new Map(ids.map((id) => [id, history.get(id) ?? (live.has(id) ? [{ date: today, score: live.get(id)!.score }] : [])]));
      const snapshotDate = [...snapshots.values()].reduce<string | undefined>((max, s) => (!max || s.asOf > max ? s.asOf : max), undefined);
      return renderPage(ctx, {
        title: ct('accounts_title', ctx.lang),
        active: 'accounts',
        body: accountsBody(ctx, { shown, query, owners, trends, trendFrom: from, trendTo: today, snapshotDate }),
      });
    }),
  );
}
