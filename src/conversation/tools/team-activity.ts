// "张伟这个月拜访了几次客户", "我上个月有多少次互动", "how many visits did my team make last month":
// interactions logged per colleague over a period (this month when none is named), by type, with
// the accounts they touched — on the accounts the asker may see.
import { z } from 'zod';
import { INTERACTION_TYPE, label } from '../../../prompts/conversation/labels.ts';
import { activityCountTexts } from '../../../prompts/conversation/team-activity.ts';
import { t } from '../../../prompts/index.ts';
import { addDays, startOfDay, toIsoDate } from '../../domain/time.ts';
import { activityByUser, type ActivityRow } from '../../store/interactions.ts';
import { userNames } from '../../store/users.ts';
import { any, countHits } from '../../nlu/keywords.ts';
import { joinList } from '../../tools/format.ts';
import type { Tool } from '../../tools/types.ts';
import { isoDate, periodLabel } from './period.ts';

const input = z.object({
  scope: z.enum(['self', 'member', 'team']).default('self').describe('The asker, one colleague (member), or everyone whose accounts the asker sees (team)'),
  member: z.string().max(100).optional().describe("With scope member: the colleague's user id"),
  from: isoDate.optional().describe('First day (YYYY-MM-DD); default the first of this month'),
  to: isoDate.optional().describe('Last day; default today'),
});

export interface Person {
  userId: string;
  name: string;
  interactions: number;
  accounts: number;
  byType: { type: string; n: number }[];
  /** The latest of their interactions counted. */
  last: Date;
}

interface Output {
  scope: 'self' | 'member' | 'team';
  name: string;
  from: string;
  to: string;
  people: Person[];
  accounts: number;
}

const COUNT_WORDS = { zh: ['几次', '多少次', '次数', '几回', '多少回', '频次'], en: ['how many', 'how often', 'number of'] };
const ACTIVITY_WORDS = {
  zh: ['拜访', '互动', '见了', '见过', '联系', '沟通', '打电话', '电话', '会议', '跟进', '走访', '接触'],
  en: ['visit', 'visits', 'visited', 'interaction', 'interactions', 'meet', 'met', 'meetings', 'calls', 'touchpoints', 'activity'],
};
const TEAM_WORDS = /团队|大家|每个人|各人|各位|我们|\b(team|everyone|each of us|we)\b/;

/** Rows per colleague and type → one entry per colleague, busiest first. */
export function people(rows: ActivityRow[], accounts: Map<string, number>): Person[] {
  const byUser = new Map<string, Person>();
  for (const r of rows) {
    const p = byUser.get(r.user_id) ?? { userId: r.user_id, name: r.name, interactions: 0, accounts: accounts.get(r.user_id) ?? 0, byType: [], last: new Date(r.last) };
    p.interactions += r.interactions;
    p.byType.push({ type: r.type, n: r.interactions });
    if (new Date(r.last) > p.last) p.last = new Date(r.last);
    byUser.set(r.user_id, p);
  }
  for (const p of byUser.values()) p.byType.sort((a, b) => b.n - a.n || a.type.localeCompare(b.type));
  return [...byUser.values()].sort((a, b) => b.interactions - a.interactions || a.name.localeCompare(b.name));
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
    const { rows, accounts } = await activityByUser(ctx.app.db, ctx.user.id, startOfDay(from, ctx.tz), until, userIds);
    const name = scope === 'member' ? ((await userNames(ctx.app.db, [args.member!])).get(args.member!) ?? args.member!) : scope === 'self' ? t(activityCountTexts, 'you', ctx.lang) : '';
    return { scope, name, from, to, people: people(rows, accounts), accounts: accounts.get('') ?? 0 };
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
      return { lang, text: t(activityCountTexts, 'one', lang, { name: out.name, period, n: p.interactions, types: types(p), accounts: p.accounts }), data };
    }
    if (!total) return { lang, text: t(activityCountTexts, 'teamNone', lang, { period }), data };
    const head = t(activityCountTexts, 'teamHead', lang, { period, n: total, accounts: out.accounts });
    const lines = out.people.map((p) => t(activityCountTexts, 'teamLine', lang, { name: p.name, n: p.interactions, types: types(p), accounts: p.accounts }));
    return { lang, title: head, text: [head, ...lines].join('\n'), sections: [{ title: head, lines }], data };
  },
  offline: {
    account: 'none',
    keywords: { zh: [...COUNT_WORDS.zh, ...ACTIVITY_WORDS.zh], en: [...COUNT_WORDS.en, ...ACTIVITY_WORDS.en] },
    score: (u) => (u.mention.kind !== 'found' && !u.refersBack && countHits(u, COUNT_WORDS) && any(u, ACTIVITY_WORDS) ? 4.2 : 0),
    input(u) {
      const ranged = u.range && u.range.direction !== 'future' ? u.range : undefined;
      const member = u.users[0]?.id;
      return { scope: member ? ('member' as const) : TEAM_WORDS.test(u.rest) ? ('team' as const) : ('self' as const), member, from: ranged?.from, to: ranged?.to };
    },
  },
};
