// "本周简报", "我团队这周怎么样", "weekly briefing": the weekly briefing of the asking user's
// accounts, or of their whole team for a manager (or when they ask about the team).
import { z } from 'zod';
import { addDays, parseWhen } from '../../domain/time.ts';
import { buildBriefing } from '../../insights/briefings/build.ts';
import { briefingReply } from '../../insights/briefings/render.ts';
import type { Briefing } from '../../insights/briefings/types.ts';
import { UserInputError } from '../../errors.ts';
import { any, countHits } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';

const input = z.object({
  scope: z.enum(['me', 'team']).optional().describe("'team' for a manager's whole team, 'me' for the user's own accounts; default: team for managers"),
  week: z.string().optional().describe('Any date (YYYY-MM-DD) of the week wanted, Monday to Sunday; default this week'),
});

const BRIEFING_WORDS = {
  zh: ['简报', '周报', '周总结', '本周总结', '这周怎么样', '本周怎么样', '这周情况', '本周情况', '上周怎么样', '上周情况'],
  en: ['briefing', 'weekly report', 'weekly summary', 'this week', 'last week', 'week in review'],
};
const TEAM_WORDS = { zh: ['团队', '我们组', '手下', '下属'], en: ['team', 'my reports'] };
const WEEK_WORDS = { zh: ['这周', '本周', '上周', '这星期', '本星期'], en: ['this week', 'last week', 'weekly'] };

export const weeklyBriefingTool: Tool<typeof input, Briefing> = {
  name: 'weekly_briefing',
  description:
    "The weekly account briefing: per account this week's interactions (by whom, with whom), health change, new and open alerts, what comes due until the end of next week, pipeline changes; ranked by risk. For a manager (or scope 'team'), the whole team plus each salesperson's activity.",
  input,
  examples: { zh: ['本周简报', '我团队这周怎么样?'], en: ['weekly briefing', 'How is my team doing this week?'] },
  async run(ctx, args) {
    const week = args.week ? parseWhen(args.week, ctx.tz) : ctx.now;
    if (!week) throw new UserInputError(`"${args.week}" is not a date`);
    // A salesperson has no team of their own: "my team" is their accounts' briefing.
    const team = ctx.user.role !== 'sales' && args.scope !== 'me';
    return buildBriefing(ctx.app.db, { kind: team ? 'team' : 'user', userId: ctx.user.id }, { week, now: ctx.now, tz: ctx.tz, lang: ctx.lang });
  },
  render: (ctx, out) => briefingReply(out, ctx.lang),
  offline: {
    account: 'none',
    keywords: { zh: [...BRIEFING_WORDS.zh, ...TEAM_WORDS.zh], en: [...BRIEFING_WORDS.en, ...TEAM_WORDS.en] },
    score(u) {
      if (u.mention.kind === 'found') return 0;
      const strong = countHits(u, BRIEFING_WORDS);
      const teamWeek = any(u, TEAM_WORDS) && any(u, WEEK_WORDS);
      return strong ? 3 + strong * 0.5 : teamWeek ? 3 : 0;
    },
    input(u) {
      const scope = any(u, TEAM_WORDS) ? ('team' as const) : undefined;
      const lastWeek = /上周|上星期|last week/.test(u.rest);
      return { scope, week: lastWeek ? addDays(u.today, -7) : u.range?.from };
    },
  },
};

