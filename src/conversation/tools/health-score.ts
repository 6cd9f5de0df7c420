// "为什么西山矿业的健康分这么低?": the account's health score with every component explained.
import { z } from 'zod';
import { addDays, toIsoDate } from '../../domain/time.ts';
import { asOfNow, healthAsOf } from '../../insights/health/compute.ts';
import { healthReply, type HealthExplanation } from '../../insights/health/explain.ts';
import { loadTunables } from '../../insights/settings.ts';
import { accountTrend } from '../../store/health-snapshots.ts';
import { countHits } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref } from '../../tools/account-arg.ts';

const input = z.object({ account: accountArg });

const HEALTH_WORDS = {
  zh: ['健康分', '健康度', '健康评分', '健康状况', '健康指数', '客户健康', '分数这么低', '得分', '评分', '分级建议', '建议分级'],
  en: ['health score', 'health', 'healthy', 'score', 'tier suggestion', 'suggested tier'],
};

export const healthScoreTool: Tool<typeof input, HealthExplanation> = {
  name: 'health_score',
  description:
    "An account's relationship health score (0-100) as of now, with every component that makes it up (key layer: decision chain and executive contact; general layer: departments and issue resolution; organizational layer: strategic agreements and joint projects; RFM of orders), what pulls it down most, the suggested tier and the recent trend. Use for 'why is X's health score low', 'how healthy is X'.",
  input,
  examples: { zh: ['为什么{account}的健康分这么低?', '{account}的健康度怎么样?'], en: ['Why is the health score of {account} low?', 'How healthy is {account}?'] },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const tunables = await loadTunables(ctx.app.db);
    const [health] = await healthAsOf(ctx.app.db, asOfNow(ctx.now, ctx.tz), tunables.health, { viewerId: ctx.user.id, accountIds: [account.id] });
    const today = toIsoDate(ctx.now, ctx.tz);
    const trend = await accountTrend(ctx.app.db, ctx.user.id, account.id, addDays(today, -35), addDays(today, -1));
    return { account: ref(account), health, trend: [...trend, { asOf: today, score: health.score }] };
  },
  render: (ctx, out) => healthReply(out, ctx.lang),
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: HEALTH_WORDS,
    score(u) {
      const hits = countHits(u, HEALTH_WORDS);
      return hits ? 2.5 + hits * 0.5 : 0;
    },
    input: (_u, accountId) => ({ account: accountId ?? '' }),
  },
};
