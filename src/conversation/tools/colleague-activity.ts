// What the activity tools share: interactions per colleague (busiest first) and the question
// "who … the most", asked about one account (account_activity) or the whole team (team_activity).
import type { ActivityRow } from '../../store/interactions.ts';
import { contains } from '../../nlu/keywords.ts';
import type { Utterance } from '../../nlu/utterance.ts';

export interface Person {
  userId: string;
  name: string;
  interactions: number;
  accounts: number;
  byType: { type: string; n: number }[];
  /** The latest of their interactions counted. */
  last: Date;
}

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

/** "谁…最多", "谁跑得最勤", "哪位同事…最多", "who … the most": a ranking of colleagues. */
const WHO_MOST = /(谁|哪位|哪个同事|哪些同事).{0,16}(最多|最勤|最频繁|最常|最密切)|(最多|最勤|最常|最频繁)的?(是谁|是哪位|同事)|\bwho\b.{0,60}\b(the most|most often|most frequently|most)\b/;
const TOUCH_WORDS = [
  ...['联系', '互动', '拜访', '走访', '见', '跑', '去', '接触', '沟通', '打交道', '跟进', '对接', '电话', '交流'],
  ...['touch', 'contact', 'contacted', 'visit', 'visits', 'visited', 'met', 'meet', 'talk', 'talked', 'spoken', 'interaction', 'interactions', 'call', 'called', 'engaged'],
];

export function asksWhoTouchedMost(u: Pick<Utterance, 'rest'>): boolean {
  return WHO_MOST.test(u.rest) && TOUCH_WORDS.some((w) => contains(u.rest, w));
}
