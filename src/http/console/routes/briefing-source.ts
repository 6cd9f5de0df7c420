// The weekly briefing of a salesperson or a team (src/insights/briefings) as of the page's moment.
import { startOfDay } from '../../../domain/time.ts';
import { buildBriefing } from '../../../insights/briefings/build.ts';
import { briefingReply } from '../../../insights/briefings/render.ts';
import type { Briefing } from '../../../insights/briefings/types.ts';
import type { Reply } from '../../../chat/types.ts';
import type { PageContext } from '../context.ts';
import type { BriefingTarget } from '../views/briefings.ts';

export async function briefingFor(ctx: PageContext, target: BriefingTarget, weekStart: string): Promise<{ briefing: Briefing; reply: Reply }> {
  const briefing = await buildBriefing(ctx.app.db, { kind: target.kind, userId: target.user.id }, { week: startOfDay(weekStart, ctx.tz), now: ctx.now, tz: ctx.tz, lang: ctx.lang });
  return { briefing, reply: briefingReply(briefing, ctx.lang) };
}
