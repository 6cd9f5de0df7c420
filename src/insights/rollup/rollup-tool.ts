// Chat tool: "华瑞集团整体预算执行", "中建华东集团汇总", "roll-up for Xishan group".
import { z } from 'zod';
import { countHits } from '../../nlu/keywords.ts';
import { accountArg, AccountProblem, accountFor } from '../../tools/account-arg.ts';
import type { Tool } from '../../tools/types.ts';
import { buildRollup, type GroupRollup } from './build.ts';
import { rollupReply } from './render.ts';

const input = z.object({ account: accountArg });

/** Phrases that ask for the group as a whole. */
const ROLLUP_WORDS = {
  zh: ['集团整体', '整体预算', '整体执行', '整体订单', '整体商机', '整体工单', '整体健康', '整体业绩', '汇总', '合计', '加总', '全集团', '集团层面', '集团合并', '合并口径', '含下属', '包括下属', '连同下属', '下属合计', '含子公司', '包括子公司'],
  en: ['roll-up', 'rollup', 'roll up', 'rolled up', 'consolidated', 'group total', 'group-wide', 'whole group', 'entire group', 'group as a whole', 'across subsidiaries', 'including subsidiaries', 'with subsidiaries', 'across the group'],
};

export const rollupTool: Tool<typeof input, GroupRollup> = {
  name: 'group_rollup',
  description:
    "Roll-up of a group account over all its visible subsidiaries: budget, this year's orders, budget execution, pipeline, open tickets and revenue-weighted health, with each unit's share; marked partial when the user may see only part of the group.",
  input,
  examples: { zh: ['{group}整体预算执行', '{group}含下属公司的汇总'], en: ['Roll-up for {group}', 'Consolidated figures of {group} and its subsidiaries'] },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const rollup = await buildRollup(ctx.app.db, ctx.user.id, account.id, ctx.now, ctx.tz);
    if (!rollup) throw new AccountProblem({ kind: 'not_found', span: args.account, suggestions: [] });
    return rollup;
  },
  render: (ctx, out) => rollupReply(out, ctx.lang),
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: ROLLUP_WORDS,
    score: (u) => (countHits(u, ROLLUP_WORDS) > 0 ? 4 : 0),
    input: (_u, accountId) => ({ account: accountId ?? '' }),
  },
};
