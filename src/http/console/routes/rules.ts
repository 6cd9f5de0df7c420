// GET /console/rules, POST /console/rules (an admin sets one value), POST /console/rules/reset.
import type { FastifyInstance } from 'fastify';
import { UserInputError } from '../../../errors.ts';
import { ALL_SETTINGS, findSetting, loadTunables, resetTunable, setTunable } from '../../../insights/settings.ts';
import { checkSetting, textToValue } from '../../../domain/settings.ts';
import { ct } from '../../../../prompts/console.ts';
import { page, type ConsoleDeps, type PageContext } from '../context.ts';
import { messagePage } from '../views/message.ts';
import { renderPage } from '../views/page.ts';
import { rulesBody, settingText } from '../views/rules.ts';

function field(ctx: PageContext, name: string): string {
  const v = ctx.body[name];
  return typeof v === 'string' ? v : '';
}

export function rulesRoutes(server: FastifyInstance, deps: ConsoleDeps) {
  const { app } = deps;
  server.get(
    '/console/rules',
    page(deps, async (ctx) => {
      const tun = await loadTunables(app.db);
      return renderPage(ctx, { title: ct('rules_title', ctx.lang), active: 'rules', body: rulesBody(ctx, ALL_SETTINGS, tun.values, tun.changed) });
    }),
  );

  server.post(
    '/console/rules',
    page(deps, async (ctx) => {
      if (ctx.user.role !== 'admin') return { status: 403, page: messagePage(ctx.lang, 'forbidden_title', 'admin_only') };
      const key = field(ctx, 'key');
      const text = field(ctx, 'value');
      try {
        const d = findSetting(key);
        const checked = checkSetting(d, textToValue(text, d.default));
        if (!checked.ok) ctx.setFlash({ key: 'invalid_value', vars: { key, reason: checked.reason }, kind: 'error' });
        else {
          const saved = await setTunable(app.db, key, text, new Date());
          ctx.setFlash({ key: 'saved', vars: { key, value: settingText(saved) } });
        }
      } catch (e) {
        if (!(e instanceof UserInputError)) throw e;
        ctx.setFlash({ key: 'invalid_value', vars: { key, reason: e.message }, kind: 'error' });
      }
      return { redirect: ctx.href('/console/rules') };
    }),
  );

  server.post(
    '/console/rules/reset',
    page(deps, async (ctx) => {
      if (ctx.user.role !== 'admin') return { status: 403, page: messagePage(ctx.lang, 'forbidden_title', 'admin_only') };
      const key = field(ctx, 'key');
      try {
        await resetTunable(app.db, key);
        ctx.setFlash({ key: 'reset_done', vars: { key } });
      } catch (e) {
        if (!(e instanceof UserInputError)) throw e;
        ctx.setFlash({ key: 'invalid_value', vars: { key, reason: e.message }, kind: 'error' });
      }
      return { redirect: ctx.href('/console/rules') };
    }),
  );
}
