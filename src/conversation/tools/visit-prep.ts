// Preparing a visit or a meeting ("明天拜访西山矿业要准备什么", "见邱亚楠之前需要注意什么",
// "prepare me for my meeting at Xishan Mining"): the account's standing, the person to be met
// (role, attitude, what was said and agreed last time), recent contact, what is in progress and
// the gaps to mind — one short brief from the roadmap's facts, every line from a record.
import { z } from 'zod';
import { ATTITUDE, DECISION_ROLE, HEALTH_BAND, LEVEL, STAGE, label } from '../../../prompts/conversation/labels.ts';
import { visitPrepTexts } from '../../../prompts/conversation/visit-prep.ts';
import { t } from '../../../prompts/index.ts';
import type { Citation } from '../../chat/types.ts';
import { daysBetween, type IsoDate } from '../../domain/time.ts';
import { gatherFacts } from '../../insights/roadmap/facts.ts';
import { gapText } from '../../insights/roadmap/gap-text.ts';
import { findGaps } from '../../insights/roadmap/gaps.ts';
import type { RoadmapFacts } from '../../insights/roadmap/types.ts';
import { countHits } from '../../nlu/keywords.ts';
import type { Utterance } from '../../nlu/utterance.ts';
import type { ContactFacts, InteractionFacts, OpportunityFacts } from '../../store/roadmap-queries.ts';
import { AccountProblem, accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';
import { contactArg, contactsFor } from '../../tools/contact-arg.ts';
import { formatAmount, joinList } from '../../tools/format.ts';
import { ago, personLabel, typeLabel } from '../../tools/interactions.ts';
import type { Tool } from '../../tools/types.ts';

const input = z.object({
  account: accountArg,
  contact: contactArg.optional().describe('The person to be met, when the question names one'),
});

/** How many recent interactions, open steps and gaps the brief shows. */
const RECENT = 3;
const STEPS = 3;
const GAPS = 4;
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

interface Output {
  account: AccountRef;
  today: IsoDate;
  tier: string | null;
  health: { score: number; band: string } | null;
  person: (ContactFacts & { last: InteractionFacts | null }) | null;
  /** Names of the account's contacts, for the people met in each interaction. */
  names: Record<string, string>;
  recent: InteractionFacts[];
  opportunities: OpportunityFacts[];
  steps: InteractionFacts[];
  gaps: { text: string; citations: { source: string; id: string; date: IsoDate | null }[] }[];
}

/** Words that ask for a visit brief by themselves. */
const PREP_WORDS = {
  zh: ['拜访准备', '准备拜访', '拜访前', '见面前', '会前准备', '拜访要点', '沟通要点', '谈话要点', '见之前'],
  en: ['prepare me', 'prepare for', 'prep for', 'prep me', 'visit prep', 'meeting prep', 'before i meet', 'before my meeting', 'before my visit', 'before the meeting', 'talking points', 'brief me'],
};
/** Words that ask for one only about a visit or a person ahead ("明天拜访X要注意什么", "见邱总准备什么"). */
const ADVICE_WORDS = {
  zh: ['准备什么', '要准备', '准备一下', '需要注意', '要注意', '注意什么', '注意些什么', '注意事项', '该聊什么', '聊什么好', '说些什么', '要点'],
  en: ['what should i know', 'what do i need to know', 'anything i should know', 'what to watch', 'what should i bring up'],
};
const VISIT_WORDS = { zh: ['拜访', '见', '去', '会面', '开会'], en: ['visit', 'meet', 'meeting', 'call with'] };

function lastWith(f: RoadmapFacts, contactId: string): InteractionFacts | null {
  return f.interactions.find((i) => i.contactIds.includes(contactId)) ?? null;
}

export const visitPrepTool: Tool<typeof input, Output> = {
  name: 'visit_prep',
  description:
    'A short brief before visiting or meeting an account (optionally one person there): health and tier, the person\'s role, attitude and last contact, recent interactions, open opportunities and next steps, and the gaps to mind.',
  input,
  examples: { zh: ['明天拜访{account},需要注意什么?'], en: ['Prepare me for my visit to {account}'] },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const facts = await gatherFacts(ctx.app, ctx.user.id, account.id, ctx.now, ctx.tz);
    if (!facts) throw new AccountProblem({ kind: 'not_found', span: args.account, suggestions: [] });
    const [contact] = args.contact ? await contactsFor(ctx, args.contact, account.id) : [];
    const person = contact ? facts.contacts.find((c) => c.id === contact.id) : undefined;
    const gaps = findGaps(facts)
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
      .slice(0, GAPS)
      .map((g) => ({ text: gapText(g, ctx.lang), citations: g.citations }));
    return {
      account: ref(account),
      today: facts.today,
      tier: facts.account.tier,
      health: facts.health ? { score: facts.health.score, band: facts.health.band } : null,
      person: person ? { ...person, last: lastWith(facts, person.id) } : null,
      names: Object.fromEntries(facts.contacts.map((c) => [c.id, c.name])),
      recent: facts.interactions.slice(0, RECENT),
      opportunities: facts.opportunities.filter((o) => o.stage !== 'won' && o.stage !== 'lost'),
      steps: facts.interactions.filter((i) => i.nextStep && i.nextStepDue && i.nextStepDue >= facts.today).slice(0, STEPS),
      gaps,
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    const say = (key: keyof typeof visitPrepTexts, vars: Record<string, string | number> = {}) => t(visitPrepTexts, key, lang, vars);
    const tier = out.tier ? say('tier', { tier: out.tier }) : '';
    const head = say('head', { account: out.account.name });
    const standing = out.health ? say('standing', { tier, score: out.health.score, band: label(HEALTH_BAND, out.health.band, lang) }) : say('noHealth', { tier });
    const lines = [head, standing];
    const citations: Citation[] = [];
    const cite = (i: InteractionFacts) => citations.push({ source: 'interaction', id: i.id, date: i.date, accountId: out.account.id, author: i.userName, snippet: i.summary.slice(0, 80) });
    const p = out.person;
    if (p) {
      lines.push(
        say('person', {
          person: personLabel(p, lang),
          role: p.decisionRole ? say('personRole', { role: label(DECISION_ROLE, p.decisionRole, lang) }) : '',
          level: p.level ? say('personLevel', { level: label(LEVEL, p.level, lang) }) : '',
          attitude: label(ATTITUDE, p.attitude, lang) || '-',
        }),
      );
      if (p.last) {
        lines.push(say('personLast', { date: p.last.date, ago: ago(daysBetween(p.last.date, out.today), lang), summary: p.last.summary }));
        if (p.last.nextStep) lines.push(say('personAsked', { step: p.last.nextStep, due: p.last.nextStepDue ? say('personAskedDue', { date: p.last.nextStepDue }) : '' }));
        cite(p.last);
      } else lines.push(say('personNever', { name: p.name }));
    }
    lines.push(say('recentHead'));
    if (!out.recent.length) lines.push(say('noRecent'));
    for (const i of out.recent) {
      const names = i.contactIds.map((id) => out.names[id]).filter(Boolean);
      lines.push(say('recentLine', { date: i.date, type: typeLabel(i.type, lang), with: names.length ? say('recentWith', { names: joinList(names, lang) }) : '', summary: i.summary }));
      if (i.id !== p?.last?.id) cite(i);
    }
    const open = [
      ...out.opportunities.map((o) =>
        say('opportunity', { name: o.name, stage: label(STAGE, o.stage, lang), amount: formatAmount(o.amount, lang), close: o.expectedClose ? say('opportunityClose', { date: o.expectedClose }) : '' }),
      ),
      ...out.steps.map((i) => say('step', { step: i.nextStep!, due: i.nextStepDue! })),
    ];
    if (open.length) lines.push(say('openHead'), ...open);
    lines.push(say('watchHead'), ...(out.gaps.length ? out.gaps.map((g) => `• ${g.text}`) : [say('nothingToWatch')]));
    return { lang, title: head, text: lines.join('\n'), citations };
  },
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: { zh: [...PREP_WORDS.zh, ...ADVICE_WORDS.zh], en: [...PREP_WORDS.en, ...ADVICE_WORDS.en] },
    score(u: Utterance) {
      if (countHits(u, PREP_WORDS)) return 4.5;
      // "要注意什么" alone could be about anything; ahead of a visit or a person it is this.
      const ahead = countHits(u, VISIT_WORDS) > 0 || u.people.some((x) => x.contacts.length === 1);
      return ahead && countHits(u, ADVICE_WORDS) ? 3.5 : 0;
    },
    input(u, accountId) {
      const person = u.people.find((x) => x.contacts.length === 1);
      return { account: accountId ?? '', contact: person ? person.contacts[0].id : undefined };
    },
  },
};
