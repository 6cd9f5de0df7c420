// Chat tool: "西山矿业的关系图", "relationship map of Xishan Mining". The reply carries the picture
// (platforms send it as an image) and the same map in words for text-only channels.
import { z } from 'zod';
import type { Reply } from '../../chat/types.ts';
import { DECISION_ROLE, LEVEL, ATTITUDE, label } from '../../../prompts/conversation/labels.ts';
import { t } from '../../../prompts/index.ts';
import { relationshipMapTexts as T } from '../../../prompts/relationship-map.ts';
import { countHits } from '../../nlu/keywords.ts';
import { accountArg, AccountProblem, accountFor } from '../../tools/account-arg.ts';
import type { Tool } from '../../tools/types.ts';
import { buildRelationshipMap, type AccountMap } from './build.ts';
import { gapSummary } from './svg.ts';

const input = z.object({ account: accountArg });

const MAP_WORDS = {
  zh: ['关系图', '关系地图', '关系网', '决策链图', '组织关系图', '组织图', '人脉图', '客户关系图', '画一下决策链', '画出决策链', '决策链画'],
  en: ['relationship map', 'stakeholder map', 'org chart', 'decision chain map', 'decision map', 'map of the decision chain', 'draw the decision chain'],
};

function render(out: AccountMap, lang: Reply['lang']): Reply {
  const { map } = out;
  const names = new Map(map.contacts.map((c) => [c.id, c.name]));
  const gaps = gapSummary(map, names, lang);
  const title = t(T, 'title', lang, { account: out.account.name });
  if (!map.contacts.length) return { lang, title, text: t(T, 'noContacts', lang, { account: out.account.name }) };
  const caption = t(T, 'caption', lang, { account: out.account.name, count: map.contacts.length, gaps });
  const lines = map.contacts.map((c) =>
    t(T, 'contactLine', lang, {
      level: c.level ? label(LEVEL, c.level, lang) : t(T, 'noLevel', lang),
      department: c.department ?? t(T, 'noDepartment', lang),
      name: c.name,
      title: c.title ? (lang === 'zh' ? `(${c.title})` : ` (${c.title})`) : '',
      role: c.role ? label(DECISION_ROLE, c.role, lang) : t(T, 'roleUnknown', lang),
      attitude: c.attitude ? label(ATTITUDE, c.attitude, lang) : t(T, 'attitudeUnknown', lang),
      last: c.lastMetOn ? t(T, 'lastMet', lang, { date: c.lastMetOn, days: c.daysSince ?? 0 }) : t(T, 'neverMet', lang),
    }),
  );
  return {
    lang,
    title,
    text: [caption, ...lines].join('\n'),
    sections: [{ title, lines: [caption, ...lines] }],
    images: [{ svg: out.svg, alt: `${title}. ${gaps}`, name: `relationship-map-${out.account.id}` }],
  };
}

export const relationshipMapTool: Tool<typeof input, AccountMap> = {
  name: 'relationship_map',
  description:
    "A picture of an account's decision chain: contacts by department and level, coloured by decision role and attitude, with the days since our last contact and the gaps (no decision maker met, departments not reached). Use for 'relationship map', 'org chart', '关系图'.",
  input,
  examples: { zh: ['{account}的关系图'], en: ['Relationship map of {account}'] },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const out = await buildRelationshipMap(ctx.app.db, ctx.user.id, account.id, ctx.now, ctx.tz, ctx.lang);
    if (!out) throw new AccountProblem({ kind: 'not_found', span: args.account, suggestions: [] });
    return out;
  },
  render: (ctx, out) => render(out, ctx.lang),
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: MAP_WORDS,
    score: (u) => (countHits(u, MAP_WORDS) > 0 ? 4 : 0),
    input: (_u, accountId) => ({ account: accountId ?? '' }),
  },
};
