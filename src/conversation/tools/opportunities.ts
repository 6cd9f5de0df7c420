// Sales opportunities: open (or all) opportunities of one account, or the open pipeline across
// every visible account, with stage, amount, expected close and staleness.
import { z } from 'zod';
import { commercialTexts } from '../../../prompts/conversation/commercial.ts';
import { STAGE, label } from '../../../prompts/conversation/labels.ts';
import { t } from '../../../prompts/index.ts';
import { daysBetween, toIsoDate } from '../../domain/time.ts';
import { getVisibleAccounts } from '../../store/accounts.ts';
import { accountOpportunities, visibleOpenOpportunities } from '../../store/opportunities.ts';
import { formatAmount } from '../../tools/format.ts';
import { any, countHits } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';

const input = z.object({
  account: accountArg.optional().describe('One account; omit for the open pipeline of all accounts the user can see'),
  includeClosed: z.boolean().default(false).describe('Also list won and lost opportunities (one account only)'),
});

interface OppView {
  id: string;
  account: AccountRef;
  name: string;
  stage: string;
  amount: number | null;
  expectedClose: string | null;
  updatedAt: string | null;
  daysSinceUpdate: number | null;
}

interface Output {
  account?: AccountRef;
  includeClosed: boolean;
  total: number;
  opportunities: OppView[];
}

/** Opportunities not updated for this long are marked. */
const STALE_DAYS = 21;

const OPP_WORDS = {
  zh: ['商机', '销售机会', '机会', '在谈项目', '在谈', '跟进项目', '项目进展', '漏斗', '成交', '赢单', '丢单'],
  en: ['opportunity', 'opportunities', 'deal', 'deals', 'pipeline', 'forecast', 'won', 'lost'],
};
const CLOSED_WORDS = ['所有商机', '全部商机', '历史', '赢单', '丢单', '已成交', 'all opportunities', 'won', 'lost', 'closed', 'history'];

export const opportunitiesTool: Tool<typeof input, Output> = {
  name: 'opportunities',
  description: 'Sales opportunities: those of one account (open ones, or all with includeClosed), or the open pipeline across all visible accounts; stage, amount, expected close, days since update.',
  input,
  examples: { zh: ['{account}有哪些在谈商机?', '我的商机有哪些?'], en: ['Open opportunities at {account}?', 'Show my pipeline'] },
  async run(ctx, args) {
    const today = toIsoDate(ctx.now, ctx.tz);
    let account: AccountRef | undefined;
    let list;
    if (args.account) {
      const a = await accountFor(ctx, args.account);
      account = ref(a);
      list = await accountOpportunities(ctx.app.db, ctx.user.id, a.id, { openOnly: !args.includeClosed });
    } else {
      list = await visibleOpenOpportunities(ctx.app.db, ctx.user.id);
    }
    const names = new Map((await getVisibleAccounts(ctx.app.db, ctx.user.id, [...new Set(list.map((x) => x.account_id))])).map((a) => [a.id, ref(a)]));
    const opportunities = list.map((o) => ({
      id: o.id,
      account: names.get(o.account_id) ?? { id: o.account_id, name: o.account_id },
      name: o.name,
      stage: o.stage,
      amount: o.amount,
      expectedClose: o.expected_close,
      updatedAt: o.updated_at,
      daysSinceUpdate: o.updated_at ? daysBetween(o.updated_at, today) : null,
    }));
    return { account, includeClosed: !!args.account && args.includeClosed, total: opportunities.reduce((s, o) => s + (o.amount ?? 0), 0), opportunities };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const what = t(commercialTexts, out.includeClosed ? 'whatOppsAll' : 'whatOppsOpen', lang);
    if (!out.opportunities.length) {
      return { lang, text: out.account ? t(commercialTexts, 'oppsNone', lang, { account: out.account.name, what: lang === 'en' ? what.toLowerCase() : what }) : t(commercialTexts, 'oppsNoneAll', lang) };
    }
    const amount = formatAmount(out.total, lang);
    const head = out.account
      ? t(commercialTexts, 'oppsHead', lang, { account: out.account.name, what, count: out.opportunities.length, amount })
      : t(commercialTexts, 'oppsHeadAll', lang, { count: out.opportunities.length, amount });
    const unknown = t(commercialTexts, 'unknownDate', lang);
    const lines = out.opportunities.map((o) =>
      t(commercialTexts, 'oppLine', lang, {
        id: o.id,
        name: o.name,
        account: out.account ? '' : lang === 'zh' ? `(${o.account.name})` : ` (${o.account.name})`,
        stage: label(STAGE, o.stage, lang),
        amount: formatAmount(o.amount, lang),
        close: o.expectedClose ?? unknown,
        updated: o.updatedAt ?? unknown,
        stale: ['proposal', 'negotiation'].includes(o.stage) && o.daysSinceUpdate !== null && o.daysSinceUpdate >= STALE_DAYS ? t(commercialTexts, 'oppStale', lang, { days: o.daysSinceUpdate }) : '',
      }),
    );
    return {
      lang,
      title: head,
      text: [head, ...lines].join('\n'),
      sections: [{ title: head, lines }],
      citations: out.opportunities.map((o) => ({ source: 'opportunity' as const, id: o.id, date: o.updatedAt ?? undefined, accountId: o.account.id })),
    };
  },
  subjectAccount: (out) => out.account?.id,
  offline: {
    account: 'optional',
    keywords: { zh: OPP_WORDS.zh, en: OPP_WORDS.en },
    score: (u) => (countHits(u, OPP_WORDS) ? 2 : 0),
    input: (u, accountId) => ({ account: accountId, includeClosed: any(u, CLOSED_WORDS) }),
  },
};
