// One sentence per gap, in the reply language (wording in prompts/roadmap.ts).
import { CONTRACT_KIND, DECISION_ROLE, SEVERITY, STAGE, TICKET_KIND, label } from '../../../prompts/conversation/labels.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { gapTexts } from '../../../prompts/roadmap.ts';
import { formatAmount } from '../../tools/format.ts';
import type { Gap } from './types.ts';

const s = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
/** A quoted note inside a sentence: one line, without its own closing punctuation. */
const q = (v: unknown) => s(v).replace(/\s+/g, ' ').replace(/[。.!！;；]+$/, '');

export function gapText(g: Gap, lang: Lang): string {
  const v = g.facts;
  const say = (key: keyof typeof gapTexts, vars: Record<string, string | number> = {}) => t(gapTexts, key, lang, vars);
  switch (g.kind) {
    case 'missing_decision_maker':
      return say('missing_decision_maker', {
        known: s(v.known),
        introducerPart: v.introducer ? say('introducerPart', { introducer: s(v.introducer), title: s(v.introducer_title) }) : '',
      });
    case 'decision_maker_unmet':
      return v.days === null
        ? say('decision_maker_never_met', { contact: s(v.contact), title: s(v.title) })
        : say('decision_maker_unmet', { contact: s(v.contact), title: s(v.title), days: s(v.days), last_date: s(v.last_date) });
    case 'opponent':
      return say('opponent', {
        contact: s(v.contact),
        title: [s(v.title), label(DECISION_ROLE, v.role as string | null, lang)].filter((x) => x && x !== '—').join(lang === 'zh' ? ',' : ', '),
        lastPart: v.last_date ? say('opponentLast', { last_date: s(v.last_date), last_summary: q(v.last_summary) }) : '',
      });
    case 'executive_silence':
      return v.days === null ? say('executive_never') : say('executive_silence', { days: s(v.days), last_date: s(v.last_date), with: s(v.with), limit: s(v.limit) });
    case 'departments_not_reached':
      return say('departments_not_reached', { window: s(v.window), total: s(v.total), reached: s(v.reached), departments: s(v.departments) });
    case 'open_ticket':
      return say('open_ticket', { kind: label(TICKET_KIND, v.kind as string, lang), ticket: s(v.ticket), severity: label(SEVERITY, v.severity as string | null, lang) || '—', summary: q(v.summary), days: s(v.days) });
    case 'budget_lag':
      return say('budget_lag', { year: s(v.year), share: s(v.share), executed: formatAmount(v.executed as number, lang), budget: formatAmount(v.budget as number, lang), elapsed: s(v.elapsed), lag: s(v.lag) });
    case 'contract_ending':
      return say('contract_ending', {
        kind: label(CONTRACT_KIND, v.kind as string, lang),
        contract: s(v.contract),
        end: s(v.end),
        days: s(v.days),
        renewalPart: v.renewal
          ? say('renewalOpen', { renewal: s(v.renewal), renewal_name: s(v.renewal_name), renewal_stage: label(STAGE, v.renewal_stage as string, lang) })
          : say('renewalNone'),
      });
    case 'stalled_opportunity':
      return say('stalled_opportunity', { opportunity: s(v.opportunity), name: s(v.name), stage: label(STAGE, v.stage as string, lang), days: s(v.days), updated: s(v.updated), amount: formatAmount(v.amount as number | null, lang) });
    case 'overdue_next_step':
      return say('overdue_next_step', { step: s(v.step), due: s(v.due), days: s(v.days), by: s(v.by) });
  }
}
