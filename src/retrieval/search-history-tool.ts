// Chat tool: "上次和西山矿业谈到发动机问题是什么时候?", "what did 江南港务 say about pricing?" — searches
// the history (notes, tickets, contracts, opportunities) of one account or of every account the user
// can see, and answers from the passages found, each cited with date, author, account and source id.
import { z } from 'zod';
import type { Citation, Reply } from '../chat/types.ts';
import { t, type Lang } from '../../prompts/index.ts';
import { searchTexts, sourceLabels } from '../../prompts/retrieval.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../tools/account-arg.ts';
import { ago } from '../tools/interactions.ts';
import { countHits } from '../nlu/keywords.ts';
import type { Utterance } from '../nlu/utterance.ts';
import type { Tool, ToolContext } from '../tools/types.ts';
import { daysBetween, toIsoDate } from '../domain/time.ts';
import { activeEmbedder } from './active-embedder.ts';
import { analyzeQuery } from './query.ts';
import { searchHistory, type Passage } from './search.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const input = z.object({
  query: z.string().min(1).max(500).describe('What to look for, in the user\'s words: the topic, e.g. "发动机故障", "交付周期", "pricing"'),
  account: accountArg.optional().describe('One account (id or name); omit to search every account the user can see'),
  from: isoDate.optional().describe('Only passages dated on or after this day'),
  to: isoDate.optional().describe('Only passages dated on or before this day'),
  latestFirst: z.boolean().default(false).describe('The user asks when something was last mentioned: newest passage first'),
  limit: z.number().int().min(1).max(20).default(5),
});

export interface PassageView {
  source: Passage['source'];
  id: string;
  accountId: string;
  accountName: string;
  date: string | null;
  daysAgo: number | null;
  author: string | null;
  content: string;
}

interface Output {
  account?: AccountRef;
  query: string;
  topic: string;
  latestFirst: boolean;
  passages: PassageView[];
}

const MENTION_WORDS = {
  zh: ['谈到', '提到', '说到', '聊到', '讲到', '提起', '提过', '谈过', '聊过', '说过', '讲过', '讨论过', '涉及', '关于', '有关', '反映过', '抱怨过'],
  en: ['say about', 'said about', 'says about', 'mention', 'mentioned', 'talk about', 'talked about', 'discuss about', 'regarding', 'bring up', 'brought up', 'raise', 'raised', 'complain about', 'complained about'],
};
const SEARCH_WORDS = { zh: ['搜索', '搜一下', '查找', '检索', '找一下记录', '相关记录'], en: ['search', 'find notes', 'look up', 'search notes'] };
/** Verbs that take a topic ("聊分期付款", "discuss installment payments"): with a topic left, a search. */
const TOPIC_VERBS = { zh: ['聊', '讨论', '说起', '问过', '问起', '抱怨'], en: ['discuss', 'discussed', 'talk about', 'talked about', 'bring up', 'asked about'] };
const WHEN_WORDS = { zh: ['什么时候', '哪天', '何时', '上次', '最近一次', '最后一次'], en: ['when', 'last time', 'most recent', 'latest'] };

/** What the message asks about: without the period words ("上个月" bounds the search) or names of people. */
function topicText(u: Utterance): string {
  let s = u.range ? u.rest.split(u.range.text.toLowerCase()).join(' ') : u.rest;
  // "聊分期付款": the verb is not part of the topic (聊了/聊到/聊过 are already question filler).
  s = s.replace(/聊(?![了过到起啥])/g, ' ');
  return s.trim() || u.rest;
}

function view(p: Passage, today: string): PassageView {
  return {
    source: p.source,
    id: p.sourceId,
    accountId: p.accountId,
    accountName: p.accountName,
    date: p.date,
    daysAgo: p.date ? daysBetween(p.date, today) : null,
    author: p.authorName,
    content: p.content,
  };
}

function sourceLabel(p: PassageView, lang: Lang): string {
  return t(sourceLabels, p.source, lang, { id: p.id });
}

function citation(p: PassageView): Citation {
  return { source: p.source, id: p.id, date: p.date ?? undefined, accountId: p.accountId, author: p.author ?? undefined, snippet: p.content };
}

function line(p: PassageView, lang: Lang): string {
  return t(searchTexts, 'line', lang, {
    date: p.date ?? t(searchTexts, 'noDate', lang),
    account: p.accountName,
    source: sourceLabel(p, lang),
    author: p.author ? t(searchTexts, 'author', lang, { name: p.author }) : '',
    content: p.content.replace(/\n/g, ' '),
  });
}

export const searchHistoryTool: Tool<typeof input, Output> = {
  name: 'search_history',
  description:
    'Searches the history of visits, calls, notes, tickets, contracts and opportunities for a topic (e.g. an engine failure, pricing, delivery time), in one account or all visible accounts; answers when it was mentioned and what was said, with citations.',
  input,
  examples: {
    zh: ['上次和{account}谈到价格是什么时候?', '{account}有没有提到过交付周期?'],
    en: ['What did {account} say about pricing?', 'When did {account} last mention delivery times?'],
  },
  async run(ctx: ToolContext, args) {
    const account = args.account ? await accountFor(ctx, args.account) : undefined;
    const names = account ? [account.name, ...account.aliases] : [];
    const today = toIsoDate(ctx.now, ctx.tz);
    const topic = analyzeQuery(args.query, names).topic;
    const result = await searchHistory(ctx.app.db, activeEmbedder(ctx.app.config), {
      userId: ctx.user.id,
      text: args.query,
      names,
      accountId: account?.id,
      from: args.from,
      // Nothing dated after "now" (kam ask --at) has happened yet.
      to: args.to && args.to < today ? args.to : today,
      limit: args.limit,
    });
    const passages = result.passages.map((p) => view(p, today));
    if (args.latestFirst) passages.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    return { account: account && ref(account), query: args.query, topic: topic || args.query, latestFirst: args.latestFirst, passages };
  },
  render(ctx, out): Reply {
    const lang = ctx.lang;
    const scope = out.account ? t(searchTexts, 'scopeAccount', lang, { account: out.account.name }) : t(searchTexts, 'scopeAll', lang);
    if (!out.passages.length) return { lang, text: t(searchTexts, 'none', lang, { scope, topic: out.topic }) };
    const citations = out.passages.map(citation);
    if (out.latestFirst) {
      const [first, ...rest] = out.passages;
      const head = t(searchTexts, 'latest', lang, {
        topic: out.topic,
        date: first.date ?? t(searchTexts, 'noDate', lang),
        ago: first.daysAgo !== null ? ago(first.daysAgo, lang) : '',
        account: first.accountName,
        source: sourceLabel(first, lang),
        author: first.author ? t(searchTexts, 'author', lang, { name: first.author }) : '',
      });
      const text = [head, first.content, ...(rest.length ? [t(searchTexts, 'more', lang), ...rest.map((p) => line(p, lang))] : [])];
      return { lang, text: text.join('\n'), sections: [{ title: head, lines: [first.content] }, ...(rest.length ? [{ title: t(searchTexts, 'more', lang), lines: rest.map((p) => line(p, lang)) }] : [])], citations };
    }
    const head = t(searchTexts, 'head', lang, { topic: out.topic, count: out.passages.length });
    const lines = out.passages.map((p) => line(p, lang));
    return { lang, text: [head, ...lines].join('\n'), sections: [{ title: head, lines }], citations };
  },
  subjectAccount: (out) => out.account?.id,
  offline: {
    account: 'optional',
    unknownNamesAreTopics: true,
    keywords: { zh: [...MENTION_WORDS.zh, ...SEARCH_WORDS.zh], en: [...MENTION_WORDS.en, ...SEARCH_WORDS.en] },
    score(u) {
      const mention = countHits(u, MENTION_WORDS) > 0;
      const search = countHits(u, SEARCH_WORDS) > 0;
      const verb = countHits(u, TOPIC_VERBS) > 0;
      if (!mention && !search && !verb) return 0;
      // Without a topic left over there is nothing to search for: let the history tools answer.
      if (!analyzeQuery(topicText(u)).groups.length) return mention || search ? 0.5 : 0;
      return mention || search ? 3.5 : 3;
    },
    input(u, accountId) {
      const past = u.range && u.range.direction !== 'future';
      const query = topicText(u);
      return {
        query,
        account: accountId,
        from: past ? u.range!.from : undefined,
        to: past ? u.range!.to : undefined,
        latestFirst: countHits(u, WHEN_WORDS) > 0,
        limit: 5,
      };
    },
  },
};
