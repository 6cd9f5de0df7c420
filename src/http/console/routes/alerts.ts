// GET /console/alerts, POST /console/alerts/:id/ack (a recipient acknowledges), and
// POST /console/alerts/sweep (an admin runs the alert sweep as of the page's date).
import type { FastifyInstance } from 'fastify';
import { toIsoDate } from '../../../domain/time.ts';
import { NotFoundError } from '../../../errors.ts';
import { acknowledgeAlert } from '../../../insights/alerts/acknowledge.ts';
import { sweepAlerts } from '../../../insights/alerts/sweep.ts';
import { asOfNow } from '../../../insights/health/compute.ts';
import { getVisibleAccount } from '../../../store/accounts.ts';
import { visibleAccountCount, visibleAlert, visibleAlerts } from '../../../store/console-queries.ts';
import { unrecordedFiring } from '../firing.ts';
import { userNames } from '../../../store/users.ts';
import { ct } from '../../../../prompts/console.ts';
import { page, queryOf, safeNext, VALID_ID, type ConsoleDeps } from '../context.ts';
import { alertsBody, type AlertsView } from '../views/alerts.ts';
import { messagePage } from '../views/message.ts';
import { renderPage } from '../views/page.ts';

const STATUSES = ['open', 'acknowledged', 'all'] as const;
/** Up to this many visible accounts, the page also evaluates the rules live on every load. */
export const LIVE_LIMIT = 300;

export function alertsRoutes(server: FastifyInstance, deps: ConsoleDeps) {
  const { app } = deps;

  server.get(
    '/console/alerts',
    page(deps, async (ctx) => {
      const q = queryOf(ctx.req);
      const status = (STATUSES as readonly string[]).includes(q.status ?? '') ? (q.status as AlertsView['status']) : 'open';
      const mine = q.mine === '1';
      let account: AlertsView['account'];
      if (q.account) {
        const a = VALID_ID.test(q.account) ? await getVisibleAccount(app.db, ctx.user.id, q.account) : undefined;
        if (!a) throw new NotFoundError(`account ${q.account}`);
        account = { id: a.id, name: a.name };
      }
      const recorded = await visibleAlerts(app.db, ctx.user.id, { status, now: ctx.now, recipient: mine ? ctx.user.id : undefined, accountId: account?.id });
      // Evaluating every rule over thousands of accounts takes seconds: then only on request.
      const live = status !== 'acknowledged' && (!!account || q.live === '1' || (await visibleAccountCount(app.db, ctx.user.id)) <= LIVE_LIMIT);
      const unrecorded = live ? await unrecordedFiring(ctx, account?.id) : [];
      const firing = unrecorded.filter((a) => !mine || a.recipients.includes(ctx.user.id));
      const ids = new Set([...recorded.flatMap((a) => [...a.recipients, a.acknowledged_by ?? '']), ...firing.flatMap((a) => a.recipients)]);
      ids.delete('');
      const names = await userNames(app.db, [...ids]);
      return renderPage(ctx, {
        title: ct('alerts_title', ctx.lang),
        active: 'alerts',
        body: alertsBody(ctx, { status, mine, account, recorded, firing, live, names, today: toIsoDate(ctx.now, ctx.tz) }),
      });
    }),
  );

  server.post(
    '/console/alerts/:id/ack',
    page(deps, async (ctx) => {
      const raw = (ctx.req.params as { id: string }).id;
      const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
      const alert = Number.isSafeInteger(id) ? await visibleAlert(app.db, ctx.user.id, id) : undefined;
      if (!alert) throw new NotFoundError(`alert ${raw}`);
      if (alert.acknowledged_at) ctx.setFlash({ key: 'ack_already' });
      else if (!alert.recipients.includes(ctx.user.id)) ctx.setFlash({ key: 'ack_not_recipient', kind: 'error' });
      else {
        const done = await acknowledgeAlert(app.db, id, ctx.user.id, ctx.now);
        ctx.setFlash(done.length ? { key: 'ack_done', vars: { id } } : { key: 'ack_already' });
      }
      return { redirect: safeNext(typeof ctx.body.next === 'string' ? ctx.body.next : ctx.href('/console/alerts')) };
    }),
  );

  server.post(
    '/console/alerts/sweep',
    page(deps, async (ctx) => {
      if (ctx.user.role !== 'admin') return { status: 403, page: messagePage(ctx.lang, 'forbidden_title', 'admin_only') };
      const result = await sweepAlerts(app.db, { at: asOfNow(ctx.now, ctx.tz), lang: app.config.lang, pushAt: new Date() });
      ctx.setFlash({ key: 'sweep_done', vars: { n: result.alerts.length } });
      return { redirect: ctx.href('/console/alerts') };
    }),
  );
}
