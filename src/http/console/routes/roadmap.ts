// GET /console/accounts/:id/roadmap — the account's relationship roadmap (src/insights/roadmap).
// Building it retrieves evidence and takes longer than the rest of the 360° page, so the page shows
// everything else at once and its script loads the roadmap from here (?fragment=1: the section
// only); without the script, the page links here. The deterministic plan is used unless an LLM is
// configured and ?plan=llm asks the model for it. An account the user may not see is a 404.
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../../errors.ts';
import { buildRoadmap } from '../../../insights/roadmap/build.ts';
import type { Roadmap } from '../../../insights/roadmap/types.ts';
import { ct } from '../../../../prompts/console.ts';
import { page, queryOf, VALID_ID, type ConsoleDeps, type PageContext } from '../context.ts';
import { renderPage } from '../views/page.ts';
import { roadmapPage, roadmapSection } from '../views/roadmap.ts';

function wantsLlmPlan(ctx: PageContext): boolean {
  return !!ctx.app.config.llm && queryOf(ctx.req).plan === 'llm';
}

async function roadmapFor(ctx: PageContext, accountId: string): Promise<Roadmap> {
  const roadmap = VALID_ID.test(accountId)
    ? await buildRoadmap(ctx.app, { userId: ctx.user.id, accountId, now: ctx.now, tz: ctx.tz, lang: ctx.lang, useLlm: wantsLlmPlan(ctx) })
    : undefined;
  if (!roadmap) throw new NotFoundError(`account ${accountId}`);
  return roadmap;
}

export function roadmapRoutes(server: FastifyInstance, deps: ConsoleDeps) {
  server.get(
    '/console/accounts/:id/roadmap',
    page(deps, async (ctx) => {
      const roadmap = await roadmapFor(ctx, (ctx.req.params as { id: string }).id);
      const opts = { offerLlm: !!ctx.app.config.llm && !wantsLlmPlan(ctx) };
      if (queryOf(ctx.req).fragment === '1') return roadmapSection(ctx, roadmap, opts);
      return renderPage(ctx, { title: `${roadmap.account.name} · ${ct('roadmap_title', ctx.lang)}`, active: 'accounts', body: roadmapPage(ctx, roadmap, opts) });
    }),
  );
}
