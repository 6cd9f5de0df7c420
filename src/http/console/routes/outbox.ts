// GET /console/outbox (pending, failed, undeliverable, sent) and POST /console/outbox/retry (admin).
import type { FastifyInstance } from 'fastify';
import type { OutboxStatus } from '../../../store/outbox.ts';
import { requeue } from '../../../store/outbox.ts';
import { teamOf, visibleOutbox } from '../../../store/console-queries.ts';
import { ct } from '../../../../prompts/console.ts';
import { page, queryOf, type ConsoleDeps } from '../context.ts';
import { messagePage } from '../views/message.ts';
import { OUTBOX_TABS, outboxBody, type OutboxTab } from '../views/outbox.ts';
import { renderPage } from '../views/page.ts';

const STATUSES: Record<OutboxTab, OutboxStatus[]> = {
  pending: ['pending', 'sending'],
  failed: ['failed'],
  undeliverable: ['undeliverable'],
  sent: ['sent'],
};

export function outboxRoutes(server: FastifyInstance, deps: ConsoleDeps) {
  const { app } = deps;
  server.get(
    '/console/outbox',
    page(deps, async (ctx) => {
      const s = queryOf(ctx.req).status;
      const tab: OutboxTab = (OUTBOX_TABS as readonly string[]).includes(s ?? '') ? (s as OutboxTab) : 'pending';
      const rows = await visibleOutbox(app.db, ctx.user, STATUSES[tab]);
      const scope = ctx.user.role === 'admin' ? 'admin' : (await teamOf(app.db, ctx.user.id)).length > 1 ? 'team' : 'self';
      return renderPage(ctx, { title: ct('outbox_title', ctx.lang), active: 'outbox', body: outboxBody(ctx, tab, rows, scope) });
    }),
  );

  server.post(
    '/console/outbox/retry',
    page(deps, async (ctx) => {
      if (ctx.user.role !== 'admin') return { status: 403, page: messagePage(ctx.lang, 'forbidden_title', 'admin_only') };
      const tab = ctx.body.status === 'undeliverable' ? 'undeliverable' : 'failed';
      const id = typeof ctx.body.id === 'string' && /^\d{1,15}$/.test(ctx.body.id) ? Number(ctx.body.id) : undefined;
      const ids = id !== undefined ? [id] : (await visibleOutbox(app.db, ctx.user, STATUSES[tab], 10_000)).map((r) => r.id);
      const n = await requeue(app.db, ids, new Date());
      ctx.setFlash({ key: 'requeued', vars: { n } });
      return { redirect: ctx.href('/console/outbox', { status: tab }) };
    }),
  );
}
