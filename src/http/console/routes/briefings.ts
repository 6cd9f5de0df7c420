// GET /console/briefings?for=user:ID|team:ID&week=DATE — the weekly briefing of a salesperson or a
// manager's team. The acting user may see their own, their reports' and (managers) their team's;
// an admin anyone's. Anything else is a 404, like an unknown user.
import type { FastifyInstance } from 'fastify';
import type { User } from '../../../domain/types.ts';
import { addDays, isValidIsoDate, toIsoDate, weekOf } from '../../../domain/time.ts';
import { NotFoundError } from '../../../errors.ts';
import { consoleUsers, teamOf } from '../../../store/console-queries.ts';
import { ct } from '../../../../prompts/console.ts';
import { page, queryOf, type ConsoleDeps, type PageContext } from '../context.ts';
import { briefingsBody, targetValue, type BriefingTarget } from '../views/briefings.ts';
import { renderPage } from '../views/page.ts';
import { briefingFor } from './briefing-source.ts';

/** Whom the acting user may read briefings of: users below them (and themselves); teams of managers among them. */
async function allowedTargets(ctx: PageContext): Promise<BriefingTarget[]> {
  const people: User[] = ctx.user.role === 'admin' ? await consoleUsers(ctx.app.db) : await teamOf(ctx.app.db, ctx.user.id);
  const managers = new Set(people.map((u) => u.manager_id).filter((m): m is string => !!m));
  const out: BriefingTarget[] = [];
  for (const u of people) if (managers.has(u.id)) out.push({ kind: 'team', user: u });
  for (const u of people) if (u.role !== 'admin') out.push({ kind: 'user', user: u });
  return out;
}

export function briefingsRoutes(server: FastifyInstance, deps: ConsoleDeps) {
  server.get(
    '/console/briefings',
    page(deps, async (ctx) => {
      const q = queryOf(ctx.req);
      const targets = await allowedTargets(ctx);
      const own = targets.find((t) => t.kind === 'team' && t.user.id === ctx.user.id) ?? targets.find((t) => t.user.id === ctx.user.id) ?? targets[0];
      const wanted = q.for ?? (own ? targetValue(own) : '');
      const chosen = targets.find((t) => targetValue(t) === wanted);
      if (!chosen) throw new NotFoundError(`briefing ${q.for ?? ''}`);
      const day = q.week && isValidIsoDate(q.week) ? q.week : toIsoDate(ctx.now, ctx.tz);
      const week = weekOf(day);
      const briefing = await briefingFor(ctx, chosen, week.start);
      return renderPage(ctx, {
        title: ct('briefings_title', ctx.lang),
        active: 'briefings',
        body: briefingsBody(ctx, { targets, chosen, week, prevWeek: addDays(week.start, -7), nextWeek: addDays(week.start, 7), briefing }),
      });
    }),
  );
}
