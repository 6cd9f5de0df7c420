// "西山矿业的竞争对手有哪些?", "who are we up against at X": the competitors kept on the account
// from visit notes (account_competitors), most recently named first.
import { z } from 'zod';
import { competitorTexts } from '../../../prompts/conversation/competitors.ts';
import { t } from '../../../prompts/index.ts';
import { accountCompetitors } from '../../store/pipeline.ts';
import { countHits } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';

const input = z.object({ account: accountArg });

interface Output {
  account: AccountRef;
  competitors: { name: string; firstSeen: string | null; lastSeen: string | null; mentions: number }[];
}

const COMPETITOR_WORDS = {
  zh: ['竞争对手', '竞品', '对手', '竞争情况', '竞争格局', '友商', '同行', '还有谁在报价', '谁在抢'],
  en: ['competitor', 'competitors', 'competition', 'up against', 'rivals', 'competing vendors'],
};

export const competitorsTool: Tool<typeof input, Output> = {
  name: 'competitors',
  description: 'Competitors named at one account in visit notes: each with when first and last named and how often. Use for "who are the competitors at X", "X的竞品/竞争对手".',
  input,
  examples: { zh: ['{account}的竞争对手有哪些?'], en: ['Who are we up against at {account}?'] },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const rows = await accountCompetitors(ctx.app.db, ctx.user.id, account.id);
    return { account: ref(account), competitors: rows.map((c) => ({ name: c.name, firstSeen: c.first_seen, lastSeen: c.last_seen, mentions: c.mentions })) };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    if (!out.competitors.length) return { lang, text: t(competitorTexts, 'none', lang, { account: out.account.name }), data: { tool: 'competitors', ...out } };
    const head = t(competitorTexts, 'head', lang, { account: out.account.name, count: out.competitors.length });
    const lines = out.competitors.map((c) => t(competitorTexts, 'line', lang, { name: c.name, last: c.lastSeen ?? '-', first: c.firstSeen ?? '-', n: c.mentions }));
    return {
      lang,
      title: head,
      text: [head, ...lines].join('\n'),
      sections: [{ title: head, lines }],
      citations: [{ source: 'account', id: out.account.id, accountId: out.account.id }],
      data: { tool: 'competitors', ...out },
    };
  },
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: COMPETITOR_WORDS,
    score: (u) => (countHits(u, COMPETITOR_WORDS) && (u.mention.kind === 'found' || u.refersBack) ? 3.5 : 0),
    input: (_u, accountId) => ({ account: accountId ?? '' }),
  },
};
