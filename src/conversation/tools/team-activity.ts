// "张伟这个月拜访了几次客户", "我上个月有多少次互动", "how many visits did my team make last month",
// "这个月谁拜访最多", "本月拜访次数排名": interactions logged per colleague over a period (this month when
// none is named), by type, with the accounts they touched — on the accounts the asker may see.
import { z } from 'zod';
import { INTERACTION_TYPE, label } from '../../../prompts/conversation/labels.ts';
import { activityCountTexts } from '../../../prompts/conversation/team-activity.ts';
import { t } from '../../../prompts/index.ts';
import { addDays, startOfDay, toIsoDate } from '../../domain/time.ts';
import { accountsTouchedBy, activityByUser } from '../../store/interactions.ts';
import { userNames } from '../../store/users.ts';
import { any, countHits } from '../../nlu/keywords.ts';
import { joinList } from '../../tools/format.ts';
import type { Tool } from '../../tools/types.ts';
import type { Utterance } from '../../nlu/utterance.ts';
import { asksWhoTouchedMost, people, type Person } from './colleague-activity.ts';
import { isoDate, periodLabel } from './period.ts';

const input = z.object({
  scope: z.enum(['self', 'member', 'team']).default('self').describe('The asker, one colleague (member), or everyone whose accounts the asker sees (team)'),
  member: z.string().max(100).optional().describe("With scope member: the colleague's user id"),
  from: isoDate.optional().describe('First day (YYYY-MM-DD); default the first of this month'),
  to: isoDate.optional().describe('Last day; default today'),
  ranking: z.boolean().default(false).describe('The question is who logged the most (a ranking): the answer names the busiest first'),
});


interface Output {
  scope: 'self' | 'member' | 'team';
  name: string;
  from: string;
  to: string;
  people: Person[];
  accounts: number;
  ranking: boolean;
  /** One person's count: the accounts it was with, most first. */
  touched: { id: string; name: string; interactions: number; last: string }[];
}

const COUNT_WORDS = { zh: ['几次', '多少次', '次数', '几回', '多少回', '频次'], en: ['how many', 'how often', 'number of'] };
const ACTIVITY_WORDS = {
  zh: ['拜访', '互动', '见了', '见过', '联系', '沟通', '打电话', '电话', '会议', '跟进', '走访', '接触'],
  en: ['visit', 'visits', 'visited', 'interaction', 'interactions', 'meet', 'met', 'meetings', 'calls', 'touchpoints', 'activity'],
};
/** Asking which accounts were touched or which visits were logged in a period. */
const WHICH_ACTIVITY = /(哪些|哪几个|哪几家|哪家)(客户|公司|单位|拜访|互动)|记了哪些|做了哪些|\bwhich (accounts|customers|clients)\b|\bwhat (visits|meetings|calls)\b|\bwho did (i|we) (visit|meet|see)\b/;
/** "哪些客户上个月没拜访": the accounts not touched, a question for the portfolio. */
const NOT_TOUCHED = /[没未]有?(拜访|联系|见|互动|去|跟进|接触)|\b(not|never|haven't|didn't|without)\b/;
const TEAM_WORDS = /团队|大家|每个人|各人|各位|我们|\b(team|everyone|each of us|we)\b/;
/** A ranking of colleagues is a question about the team: "排名", "排行榜", "leaderboard". */
const RANK_WORDS = /排名|排行|榜|\b(ranking|ranked|rank|leaderboard)\b/;
/** Someone the activity was with ("和西山矿业联系", "跟他们打交道", "in touch with X"). */
const WITH_SOMEONE = /[和跟与同][^,，。?？]{2,}?(联系|互动|拜访|接触|沟通|打交道|对接|交流|见)|\b(with|at)\s+\S/;

/** "这个月谁拜访最多", "本月拜访次数排名", "who visited the most customers this month". */
function asksRanking(u: Utterance): boolean {
  // "谁和西山矿业联系最多" with an account the asker cannot see is about that account, not the team.
  if (WITH_SOMEONE.test(u.rest)) return false;
  return asksWhoTouchedMost(u) || (RANK_WORDS.test(u.rest) && any(u, ACTIVITY_WORDS));
}


export const teamActivityTool: Tool<typeof input, Output> = {
  name: 'team_activity',
  description:
    "How many interactions (visits, calls, meetings, ...) a salesperson, the asker, or the asker's whole team logged in a period, by type and with the number of accounts touched. Use for 'how many visits did X make this month', '张伟这个月拜访了几次客户'.",
  input,
  examples: { zh: ['我这个月拜访了几次客户?', '团队上个月有多少次互动?'], en: ['How many visits did my team make last month?'] },
  async run(ctx, args) {
    const today = toIsoDate(ctx.now, ctx.tz);
    const from = args.from ?? `${today.slice(0, 8)}01`;
    const to = args.to && args.to < today ? args.to : today;
    const scope = args.scope === 'member' && !args.member ? 'self' : args.scope;
    const userIds = scope === 'team' ? undefined : [scope === 'member' ? args.member! : ctx.user.id];
    const until = new Date(Math.min(startOfDay(addDays(to, 1), ctx.tz).getTime(), ctx.now.getTime() + 1));
    const since = startOfDay(from, ctx.tz);
    const { rows, accounts } = await activityByUser(ctx.app.db, ctx.user.id, since, until, userIds);
    const name = scope === 'member' ? ((await userNames(ctx.app.db, [args.member!])).get(args.member!) ?? args.member!) : scope === 'self' ? t(activityCountTexts, 'you', ctx.lang) : '';
    const touched = userIds ? await accountsTouchedBy(ctx.app.db, ctx.user.id, userIds[0], since, until) : [];
    return {
      scope,
      name,
      from,
      to,
      people: people(rows, accounts),
      accounts: accounts.get('') ?? 0,
      ranking: args.ranking && scope === 'team',
      touched: touched.map((a) => ({ id: a.id, name: a.name, interactions: a.interactions, last: toIsoDate(a.last, ctx.tz) })),
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const period = periodLabel({ from: out.from, to: out.to }, toIsoDate(ctx.now, ctx.tz), lang);
    const types = (p: Person) => joinList(p.byType.map((x) => t(activityCountTexts, 'typeCount', lang, { type: label(INTERACTION_TYPE, x.type, lang), n: x.n })), lang);
    const total = out.people.reduce((n, p) => n + p.interactions, 0);
    const data = { tool: 'team_activity', ...out };
    if (out.scope !== 'team') {
      const p = out.people[0];
      if (!p) return { lang, text: t(activityCountTexts, 'none', lang, { name: out.name, period }), data };
      const head = t(activityCountTexts, 'one', lang, { name: out.name, period, n: p.interactions, types: types(p), accounts: p.accounts });
      const lines = out.touched.map((a) => t(activityCountTexts, 'touchedLine', lang, { account: a.name, n: a.interactions, last: a.last }));
      const citations = out.touched.map((a) => ({ source: 'account' as const, id: a.id, accountId: a.id }));
      return { lang, title: head, text: [head, ...lines].join('\n'), sections: [{ title: head, lines }], citations, data };
    }
    if (!total) return { lang, text: t(activityCountTexts, 'teamNone', lang, { period }), data };
    const top = out.people[0];
    const busiest = out.ranking ? out.people.filter((p) => p.interactions === top.interactions).map((p) => p.name) : [];
    const head = (busiest.length ? `${t(activityCountTexts, 'busiest', lang, { period, names: joinList(busiest, lang), n: top.interactions })}\n` : '') + t(activityCountTexts, 'teamHead', lang, { period, n: total, accounts: out.accounts });
    const lines = out.people.map((p) => t(activityCountTexts, 'teamLine', lang, { name: p.name, n: p.interactions, types: types(p), accounts: p.accounts }));
    return { lang, title: head, text: [head, ...lines].join('\n'), sections: [{ title: head, lines }], data };
  },
  offline: {
    account: 'none',
    keywords: { zh: [...COUNT_WORDS.zh, ...ACTIVITY_WORDS.zh], en: [...COUNT_WORDS.en, ...ACTIVITY_WORDS.en] },
    score(u) {
      if (u.mention.kind === 'found' || u.mention.kind === 'ambiguous' || u.refersBack) return 0;
      // A ranking of colleagues ("这个月谁拜访最多") outranks the portfolio's account rankings.
      if (asksRanking(u)) return 4.9;
      if (countHits(u, COUNT_WORDS) && any(u, ACTIVITY_WORDS)) return 4.2;
      // "我上周拜访了哪些客户", "上周我记了哪些拜访", "which customers did I visit last week": a period's activity.
      return u.range && u.range.direction !== 'future' && any(u, ACTIVITY_WORDS) && WHICH_ACTIVITY.test(u.rest) && !NOT_TOUCHED.test(u.rest) ? 4.2 : 0;
    },
    input(u) {
      const ranged = u.range && u.range.direction !== 'future' ? u.range : undefined;
      const ranking = asksRanking(u);
      // "谁…最多" names no one to count: it ranks everyone the asker sees.
      const member = ranking ? undefined : u.users[0]?.id;
      const scope = member ? ('member' as const) : ranking || TEAM_WORDS.test(u.rest) ? ('team' as const) : ('self' as const);
      return { scope, member, from: ranged?.from, to: ranged?.to, ranking };
    },
  },
};
