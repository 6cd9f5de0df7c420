// The deterministic 30/60/90-day plan (pure): one action per gap, in the gap's own terms (names,
// ids, days, amounts, what the customer said), plus the moves that build on the account's
// strengths. Each action names an owner role and the team member holding it, a target contact, a
// reason and the records that justify it.
import { actionTexts } from '../../../prompts/roadmap.ts';
import { CONTRACT_KIND, SEVERITY, STAGE, TICKET_KIND, label } from '../../../prompts/conversation/labels.ts';
import { QUADRANT_LABELS } from '../../../prompts/roadmap.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { formatAmount } from '../../tools/format.ts';
import { OPEN_STAGES, type TeamRole } from '../../domain/types.ts';
import type { ContactFacts, InteractionFacts } from '../../store/roadmap-queries.ts';
import { bestIntroducer, decisionMakers, executives, interactionsWith } from './gaps.ts';
import type { Cite, Gap, Horizon, PersonRef, PlanAction, RoadmapFacts } from './types.ts';

/** Interaction ids found by retrieval as evidence, per subject ("ticket:T003", "project:J200", "budget"). */
export type Evidence = Map<string, string[]>;

const QUOTE_MAX = 60;

function quote(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > QUOTE_MAX ? `${one.slice(0, QUOTE_MAX)}…` : one;
}

const cite = (i: InteractionFacts): Cite => ({ source: 'interaction', id: i.id, date: i.date });

function person(c: ContactFacts | undefined | null): PersonRef | null {
  return c ? { id: c.id, name: c.name, title: c.title } : null;
}

class PlanBuilder {
  readonly actions: PlanAction[] = [];
  constructor(
    readonly f: RoadmapFacts,
    readonly lang: Lang,
    readonly evidence: Evidence,
  ) {}

  /** The team member in the role; a role nobody holds falls to the account manager. */
  owner(role: TeamRole, preferUserId?: string | null): { ownerRole: TeamRole; owner: PersonRef | null } {
    const preferred = preferUserId ? this.f.team.find((m) => m.userId === preferUserId) : undefined;
    if (preferred) return { ownerRole: preferred.role, owner: { id: preferred.userId, name: preferred.name } };
    const m = this.f.team.find((x) => x.role === role) ?? this.f.team.find((x) => x.role === 'AR');
    return m ? { ownerRole: m.role, owner: { id: m.userId, name: m.name } } : { ownerRole: role, owner: null };
  }

  interaction(id: string): InteractionFacts | undefined {
    return this.f.interactions.find((i) => i.id === id);
  }

  contact(id: string | null | undefined): ContactFacts | undefined {
    return id ? this.f.contacts.find((c) => c.id === id) : undefined;
  }

  /** Interactions retrieval found for a subject, best first. */
  found(key: string): InteractionFacts[] {
    return (this.evidence.get(key) ?? []).map((id) => this.interaction(id)).filter((i): i is InteractionFacts => !!i);
  }

  /** The customer-side person of an interaction best placed to act: not an opponent, most senior role first. */
  counterpart(i: InteractionFacts | undefined, prefer: ContactFacts['decisionRole'][] = ['influencer', 'evaluator', 'decision_maker', 'user']): ContactFacts | undefined {
    if (!i) return undefined;
    const people = i.contactIds.map((id) => this.contact(id)).filter((c): c is ContactFacts => !!c && c.attitude !== 'opponent');
    return [...people].sort((a, b) => prefer.indexOf(a.decisionRole) - prefer.indexOf(b.decisionRole))[0] ?? people[0];
  }

  add(horizon: Horizon, role: TeamRole, target: ContactFacts | null | undefined, action: string, reason: string, citations: Cite[], gap?: Gap['kind'], preferOwner?: string | null) {
    const unique = citations.filter((c, i) => citations.findIndex((d) => d.source === c.source && d.id === c.id) === i);
    // An action nobody can trace back to a record is advice, not a plan.
    if (!unique.length) return;
    this.actions.push({ horizon, ...this.owner(role, preferOwner), target: person(target), action, reason, citations: unique, gap });
  }

  tx(key: keyof typeof actionTexts, vars: Record<string, string | number> = {}) {
    return t(actionTexts, key, this.lang, vars);
  }

  quotePart(i: InteractionFacts | undefined): string {
    return i ? this.tx('quotePart', { quote: `${i.date} ${quote(i.summary)}` }) : '';
  }
}

function forGap(b: PlanBuilder, g: Gap) {
  const f = b.f;
  const lang = b.lang;
  const v = g.facts;
  const dm = decisionMakers(f)[0];
  switch (g.kind) {
    case 'open_ticket': {
      const reported = b.found(`ticket:${g.subjectId}`)[0];
      const target = b.counterpart(reported) ?? f.contacts.find((c) => c.level === 'manager' && c.attitude !== 'opponent' && c.lastMetOn) ?? bestIntroducer(f);
      const kind = label(TICKET_KIND, String(v.kind), lang);
      b.add(
        30,
        'FR',
        target,
        b.tx('closeTicket', { kind, ticket: String(v.ticket), summary: String(v.summary ?? '') }),
        b.tx('closeTicketWhy', { severity: label(SEVERITY, String(v.severity ?? 'medium'), lang), kind, days: Number(v.days) }),
        [...g.citations, ...(reported ? [cite(reported)] : [])],
        g.kind,
      );
      return;
    }
    case 'executive_silence': {
      const last = g.subjectId ? b.interaction(g.subjectId) : undefined;
      const target = (last?.contactIds.map((id) => b.contact(id)).find((c) => c?.level === 'executive')) ?? dm ?? executives(f)[0];
      const why = last ? b.tx('execVisitWhy', { days: Number(v.days), last_date: last.date, last_summary: quote(last.summary) }) : b.tx('execVisitNeverWhy');
      b.add(30, 'AR', target, b.tx('execVisit'), why, g.citations.length ? g.citations : f.interactions.slice(0, 1).map(cite), g.kind);
      return;
    }
    case 'missing_decision_maker': {
      const introducer = bestIntroducer(f);
      const latest = introducer ? interactionsWith(f, [introducer.id])[0] : f.interactions[0];
      b.add(30, 'AR', introducer, b.tx('findDecisionMaker'), b.tx('findDecisionMakerWhy', { quote: latest ? `${latest.date} ${quote(latest.summary)}` : '—' }), g.citations, g.kind);
      return;
    }
    case 'decision_maker_unmet': {
      const c = b.contact(g.subjectId);
      const why = v.days === null ? b.tx('meetDecisionMakerNeverWhy') : b.tx('meetDecisionMakerWhy', { days: Number(v.days), last_date: String(v.last_date) });
      b.add(30, 'AR', c, b.tx('meetDecisionMaker'), why, g.citations.length ? g.citations : f.interactions.slice(0, 1).map(cite), g.kind);
      return;
    }
    case 'opponent': {
      const c = b.contact(g.subjectId);
      if (!v.last_date) return;
      b.add(60, 'SR', c, b.tx('handleOpponent'), b.tx('handleOpponentWhy', { last_date: String(v.last_date), last_summary: quote(String(v.last_summary)) }), g.citations, g.kind);
      return;
    }
    case 'stalled_opportunity': {
      const related = b.found(`opportunity:${g.subjectId}`);
      const opp = f.opportunities.find((o) => o.id === g.subjectId);
      const target = b.counterpart(related[0]) ?? dm;
      b.add(
        30,
        'AR',
        target,
        b.tx('reviveOpportunity', { opportunity: String(v.opportunity), name: String(v.name) }),
        b.tx('reviveOpportunityWhy', { stage: label(STAGE, String(v.stage), lang), days: Number(v.days), updated: String(v.updated), amount: formatAmount(v.amount as number | null, lang), quotePart: b.quotePart(related[0]) }),
        [...g.citations, ...related.slice(0, 2).map(cite)],
        g.kind,
        opp?.ownerId,
      );
      return;
    }
    case 'contract_ending': {
      const related = b.found(`contract:${g.subjectId}`);
      const target = b.counterpart(related[0], ['decision_maker', 'influencer', 'evaluator', 'user']) ?? dm ?? bestIntroducer(f);
      const kind = label(CONTRACT_KIND, String(v.kind), lang);
      if (v.renewal) {
        const opp = f.opportunities.find((o) => o.id === v.renewal);
        b.add(
          30,
          'AR',
          target,
          b.tx('closeRenewal', { renewal: String(v.renewal), renewal_name: String(v.renewal_name), end: String(v.end) }),
          b.tx('closeRenewalWhy', { contract: String(v.contract), days: Number(v.days), renewal_stage: label(STAGE, String(v.renewal_stage), lang), quotePart: b.quotePart(related[0]) }),
          [...g.citations, ...related.slice(0, 1).map(cite)],
          g.kind,
          opp?.ownerId,
        );
      } else {
        b.add(
          30,
          'AR',
          target,
          b.tx('startRenewal', { contract: String(v.contract) }),
          b.tx('startRenewalWhy', { kind, end: String(v.end), days: Number(v.days), quotePart: b.quotePart(related[0]) }),
          [...g.citations, ...related.slice(0, 2).map(cite)],
          g.kind,
        );
      }
      return;
    }
    case 'overdue_next_step': {
      const i = b.interaction(String(g.subjectId));
      b.add(30, 'AR', b.counterpart(i, ['decision_maker', 'influencer', 'evaluator', 'user']), b.tx('keepPromise', { step: String(v.step) }), b.tx('keepPromiseWhy', { due: String(v.due), days: Number(v.days) }), g.citations, g.kind, String(v.by_id));
      return;
    }
    case 'budget_lag': {
      const open = f.opportunities.filter((o) => OPEN_STAGES.includes(o.stage));
      const list = open.map((o) => `${o.id} ${formatAmount(o.amount, lang)}`).join(lang === 'zh' ? '、' : ', ');
      const related = b.found('budget');
      b.add(
        60,
        'AR',
        dm ?? bestIntroducer(f),
        b.tx('budgetPlan', { remaining: formatAmount(Number(v.remaining), lang), pipelinePart: open.length ? b.tx('pipelinePart', { list }) : '' }),
        b.tx('budgetPlanWhy', { year: Number(v.year), share: Number(v.share), elapsed: Number(v.elapsed), lag: Number(v.lag), quotePart: b.quotePart(related[0]) }),
        [...g.citations, ...open.map((o) => ({ source: 'opportunity' as const, id: o.id, date: o.updatedAt })), ...related.slice(0, 1).map(cite)],
        g.kind,
      );
      return;
    }
    case 'departments_not_reached': {
      const departments = String(v.departments).split('、');
      const target = f.contacts.find((c) => c.department && departments.includes(c.department));
      b.add(60, 'SR', target, b.tx('reachDepartments', { departments: departments.join(lang === 'zh' ? '、' : ', ') }), b.tx('reachDepartmentsWhy', { window: Number(v.window), reached: Number(v.reached), total: Number(v.total) }), g.citations.length ? g.citations : f.interactions.slice(0, 1).map(cite), g.kind);
      return;
    }
  }
}

/** Moves that build on what the account already has (projects, executive access, tier fit). */
function strengths(b: PlanBuilder, gaps: Gap[]) {
  const f = b.f;
  const dm = decisionMakers(f)[0];
  const execs = executives(f);
  const lastExec = interactionsWith(
    f,
    execs.map((c) => c.id),
  )[0];
  for (const p of f.projects.filter((x) => x.status !== 'done')) {
    const related = b.found(`project:${p.id}`);
    b.add(
      90,
      'SR',
      b.counterpart(related[0]) ?? dm,
      b.tx('advanceProject', { project: p.id, name: p.name }),
      b.tx('advanceProjectWhy', { quotePart: b.quotePart(related[0]) }),
      [{ source: 'project', id: p.id, date: p.startedAt }, ...related.slice(0, 1).map(cite)],
    );
  }
  const hasAgreement = f.contracts.some((c) => c.kind === 'strategic_agreement' && c.status === 'active');
  // Worth an agreement when the account is (or should be) a top-tier one.
  const tier = f.health?.tier.suggested ?? f.account.tier;
  const important = ['S', 'A'].includes(tier ?? '');
  if (!hasAgreement && important) {
    const basis = [...f.contracts.slice(-1).map((c) => ({ source: 'contract' as const, id: c.id, date: c.signedAt ?? c.startDate })), ...(lastExec ? [cite(lastExec)] : f.interactions.slice(0, 1).map(cite))];
    b.add(90, 'AR', dm ?? execs[0], b.tx('proposeAgreement'), b.tx('proposeAgreementWhy', { tier: f.account.tier ?? '-' }), basis);
  }
  const suggestion = f.health?.tier;
  if (suggestion?.declared && suggestion.suggested !== suggestion.declared) {
    const basis = f.orders.length ? f.orders.slice(0, 2).map((o) => ({ source: 'order' as const, id: o.id, date: o.date })) : f.interactions.slice(0, 1).map(cite);
    b.add(
      90,
      'AR',
      null,
      b.tx('reviewTier', { declared: suggestion.declared, suggested: suggestion.suggested }),
      b.tx('reviewTierWhy', { quadrant: label(QUADRANT_LABELS, suggestion.quadrant, b.lang), relationship: f.health!.relationship }),
      basis,
    );
  }
  if (lastExec && !gaps.some((g) => g.kind === 'executive_silence')) {
    const target = lastExec.contactIds.map((id) => b.contact(id)).find((c) => c?.level === 'executive');
    b.add(90, 'AR', target, b.tx('businessReview'), b.tx('businessReviewWhy', { last_date: lastExec.date }), [cite(lastExec)]);
  }
}

export function offlinePlan(f: RoadmapFacts, gaps: Gap[], evidence: Evidence, lang: Lang): PlanAction[] {
  const b = new PlanBuilder(f, lang, evidence);
  for (const g of gaps) forGap(b, g);
  strengths(b, gaps);
  // Stable order: horizon, then the order gaps were found in (most urgent kinds first).
  return b.actions.map((a, i) => ({ a, i })).sort((x, y) => x.a.horizon - y.a.horizon || x.i - y.i).map((x) => x.a);
}
