// The account's relationship roadmap for the 360° page (src/insights/roadmap). The page uses the
// deterministic plan, so it opens fast; with an LLM configured, ?plan=llm asks the model for it.
import { buildRoadmap } from '../../../insights/roadmap/build.ts';
import type { Roadmap } from '../../../insights/roadmap/types.ts';
import { queryOf, type PageContext } from '../context.ts';

export type RoadmapView = Roadmap | undefined;

export function wantsLlmPlan(ctx: PageContext): boolean {
  return !!ctx.app.config.llm && queryOf(ctx.req).plan === 'llm';
}

export async function roadmapFor(ctx: PageContext, accountId: string): Promise<RoadmapView> {
  return buildRoadmap(ctx.app, { userId: ctx.user.id, accountId, now: ctx.now, tz: ctx.tz, lang: ctx.lang, useLlm: wantsLlmPlan(ctx) });
}
