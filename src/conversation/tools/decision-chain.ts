// The decision chain of an account: decision makers, influencers, evaluators ... with their level,
// attitude and when we last had contact, flagging those not met for a long time.
import { factLabels } from '../../../prompts/conversation/facts.ts';
import { z } from 'zod';
import { accountTexts } from '../../../prompts/conversation/accounts.ts';
import { ATTITUDE, DECISION_ROLE, LEVEL, label } from '../../../prompts/conversation/labels.ts';
import { t } from '../../../prompts/index.ts';
import { daysBetween, toIsoDate } from '../../domain/time.ts';
import { accountContacts } from '../../store/contacts.ts';
import { lastContactTouch } from '../../store/interactions.ts';
import { joinList } from '../../tools/format.ts';
import { countHits, isListQuestion } from '../../nlu/keywords.ts';
import type { Tool } from '../../tools/types.ts';
import { accountArg, accountFor, ref, type AccountRef } from '../../tools/account-arg.ts';
import { ago, personLabel } from '../../tools/interactions.ts';

const input = z.object({
  account: accountArg,
  completeness: z.boolean().optional().describe('True when the question asks whether the chain is complete or has gaps.'),
});

/** Contacts not met for this long are called out. */
const STALE_DAYS = 60;
const ROLE_ORDER = ['decision_maker', 'influencer', 'evaluator', 'gatekeeper', 'user'];

interface Member {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  decisionRole: string | null;
  level: string | null;
  attitude: string | null;
  lastContact: string | null;
  daysSince: number | null;
}

interface Output {
  account: AccountRef;
  members: Member[];
  decisionMakers: string[];
  stale: { name: string; daysSince: number | null }[];
  staleDays: number;
  /** Roles of the chain no active contact holds, in chain order. */
  missingRoles: string[];
  /** The question asks whether the chain is complete (决策链完整吗, "any gaps?"): the answer leads with it. */
  asksCompleteness: boolean;
}

const KEY_WORDS = {
  zh: ['关键决策人', '决策人', '决策者', '决策链', '拍板', '关键人', '做决定', '说了算', '话事人', '决策层', '采购决策'],
  en: ['decision maker', 'decision-maker', 'decision makers', 'decision chain', 'who decides', 'who makes the decision', 'key people', 'key person', 'stakeholder', 'buying center', 'who signs'],
};
const COMPLETENESS_WORDS = { zh: ['完整', '齐全', '齐不齐', '缺', '漏', '空白'], en: ['complete', 'gap', 'gaps', 'missing', 'covered'] };
const ROLE_WORDS = { zh: ['影响者', '支持者', '反对者', '反对', '态度', '组织架构', '关键角色', '站队'], en: ['influencer', 'supporter', 'opponent', 'attitude', 'org chart', 'champion', 'power map'] };

export const decisionChainTool: Tool<typeof input, Output> = {
  name: 'decision_chain',
  description: "An account's decision chain: decision makers, influencers, evaluators, gatekeepers, users, with level, attitude and days since last contact.",
  input,
  examples: { zh: ['{account}的关键决策人是谁?', '{account}的决策链怎么样?'], en: ['Who are the decision makers at {account}?', 'Decision chain of {account}'] },
  async run(ctx, args) {
    const account = await accountFor(ctx, args.account);
    const contacts = (await accountContacts(ctx.app.db, ctx.user.id, account.id, { activeOnly: true })).filter((c) => c.decision_role);
    const touch = await lastContactTouch(ctx.app.db, ctx.user.id, contacts.map((c) => c.id), ctx.now, account.id);
    const today = toIsoDate(ctx.now, ctx.tz);
    const members = contacts
      .map((c): Member => {
        const last = touch.get(c.id);
        const lastContact = last ? toIsoDate(last, ctx.tz) : null;
        return { id: c.id, name: c.name, title: c.title, department: c.department, decisionRole: c.decision_role, level: c.level, attitude: c.attitude, lastContact, daysSince: lastContact ? daysBetween(lastContact, today) : null };
      })
      .sort((a, b) => ROLE_ORDER.indexOf(a.decisionRole!) - ROLE_ORDER.indexOf(b.decisionRole!) || a.name.localeCompare(b.name));
    return {
      account: ref(account),
      members,
      decisionMakers: members.filter((m) => m.decisionRole === 'decision_maker').map((m) => m.name),
      stale: members.filter((m) => m.daysSince === null || m.daysSince > STALE_DAYS).map((m) => ({ name: m.name, daysSince: m.daysSince })),
      staleDays: STALE_DAYS,
      missingRoles: ROLE_ORDER.filter((r) => !members.some((m) => m.decisionRole === r)),
      asksCompleteness: !!args.completeness,
    };
  },
  render(ctx, out) {
    const lang = ctx.lang;
    if (!out.members.length) return { lang, text: t(accountTexts, 'chainEmpty', lang, { account: out.account.name }) };
    const head = t(accountTexts, 'chainHead', lang, { account: out.account.name });
    const lines = out.members.map((m) =>
      t(accountTexts, 'chainLine', lang, {
        role: label(DECISION_ROLE, m.decisionRole, lang),
        person: personLabel(m, lang),
        level: label(LEVEL, m.level, lang) || '-',
        attitude: label(ATTITUDE, m.attitude, lang) || '-',
        contact: m.lastContact ? t(accountTexts, 'lastContact', lang, { date: m.lastContact, ago: ago(m.daysSince!, lang) }) : t(accountTexts, 'neverContacted', lang),
      }),
    );
    // The key people (or their absence) lead; asked whether the chain is complete, the answer to that leads.
    const key = out.decisionMakers.length
      ? t(accountTexts, 'chainKey', lang, { names: joinList(out.decisionMakers, lang) })
      : t(accountTexts, 'chainNoDecider', lang, { account: out.account.name });
    const coverage = out.missingRoles.length
      ? t(accountTexts, 'chainMissing', lang, { roles: joinList(out.missingRoles.map((r) => label(DECISION_ROLE, r, lang)), lang) })
      : t(accountTexts, 'chainComplete', lang);
    const stale = out.stale.length ? [t(accountTexts, 'chainStale', lang, { days: out.staleDays, names: joinList(out.stale.map((s) => s.name), lang) })] : [];
    const lead = out.asksCompleteness ? [coverage, ...(out.decisionMakers.length ? [key] : [])] : out.decisionMakers.length ? [key] : [];
    const tail = [...(out.decisionMakers.length ? [] : [key]), ...(!out.asksCompleteness && out.missingRoles.length ? [coverage] : []), ...stale];
    const text = [...lead, head, ...lines, ...tail].join('\n');
    return {
      lang,
      title: head,
      text,
      sections: [...(lead.length ? [{ lines: lead }] : []), { title: head, lines }, ...(tail.length ? [{ lines: tail }] : [])],
      facts: out.decisionMakers.length ? [{ label: t(factLabels, 'decisionMakers', lang), value: joinList(out.decisionMakers, lang) }] : undefined,
      citations: out.members.map((m) => ({ source: 'contact' as const, id: m.id, date: m.lastContact ?? undefined, accountId: out.account.id })),
    };
  },
  subjectAccount: (out) => out.account.id,
  offline: {
    account: 'required',
    keywords: { zh: [...KEY_WORDS.zh, ...ROLE_WORDS.zh], en: [...KEY_WORDS.en, ...ROLE_WORDS.en] },
    score(u) {
      let s = countHits(u, KEY_WORDS) ? 2.5 : 0;
      s += countHits(u, ROLE_WORDS) ? 1 : 0;
      if (s && isListQuestion(u)) s -= 2;
      return s;
    },
    input: (u, accountId) => ({ account: accountId ?? '', completeness: countHits(u, COMPLETENESS_WORDS) > 0 }),
  },
};
