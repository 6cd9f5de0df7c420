// Chat tool: "给中建华东生成关系优化路线图", "relationship roadmap for Xishan Mining".
import { z } from 'zod';
import { accountArg, AccountProblem, accountFor } from '../../tools/account-arg.ts';
import { countHits } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { buildRoadmap } from './build.ts';
import { roadmapReply } from './render.ts';
import type { Roadmap } from './types.ts';

const input = z.object({ account: accountArg });

const ROADMAP_WORDS = {
  zh: ['路线图', '关系优化', '优化路线', '关系提升', '提升计划', '改进计划', '行动计划', '经营计划', '客户计划', '拜访计划', '跟进计划', '推进计划', '怎么推进', '如何推进', '30/60/90', '306090'],
  en: ['roadmap', 'road map', 'relationship plan', 'action plan', 'account plan', 'visit plan', 'follow-up plan', '30/60/90', 'improvement plan'],
};

export const roadmapTool: Tool<typeof input, Roadmap> = {
  name: 'roadmap',
  description:
    "The relationship-optimization roadmap of one account: current state (health by layer, tier, wallet share, pipeline), gaps (decision chain, executive silence, departments, complaints, budget lag, contracts ending, stalled opportunities) and a cited 30/60/90-day plan with owners and target contacts.",
  input,
  examples: { zh: ['给{account}生成关系优化路线图'], en: ['Relationship roadmap for {account}'] },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const roadmap = await buildRoadmap(ctx.app, { userId: ctx.user.id, accountId: account.id, now: ctx.now, tz: ctx.tz, lang: ctx.lang });
    if (!roadmap) throw new AccountProblem({ kind: 'not_found', span: args.account, suggestions: [] });
    return roadmap;
  },
  render: (ctx, out) => roadmapReply(out, ctx.lang),
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: ROADMAP_WORDS,
    score: (u) => (countHits(u, ROADMAP_WORDS) > 0 ? 4 : 0),
    input: (_u, accountId) => ({ account: accountId ?? '' }),
  },
};
