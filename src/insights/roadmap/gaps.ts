// Where the relationship falls short, found in the account's facts (pure). The thresholds are the
// alert rules' (kam rules), so the roadmap and the alerts agree on what "too long" means; unlike the
// alerts, the roadmap looks at every tier and names what is missing rather than firing.
import { daysBetween, yearElapsedShare, type IsoDate } from '../../domain/time.ts';
import type { ContactFacts, InteractionFacts } from '../../store/roadmap-queries.ts';
import type { Cite, Gap, RoadmapFacts } from './types.ts';

/** Contracts ending within the plan's horizon (or the expiry rule's window, if longer) need a plan. */
export const PLAN_DAYS = 90;

const interactionCite = (i: InteractionFacts): Cite => ({ source: 'interaction', id: i.id, date: i.date });

export function interactionsWith(f: RoadmapFacts, contactIds: string[]): InteractionFacts[] {
  return f.interactions.filter((i) => i.contactIds.some((c) => contactIds.includes(c)));
}

export function executives(f: RoadmapFacts): ContactFacts[] {
  return f.contacts.filter((c) => c.level === 'executive');
}

export function decisionMakers(f: RoadmapFacts): ContactFacts[] {
  return f.contacts.filter((c) => c.decisionRole === 'decision_maker');
}

/** The person most likely to open doors: the most senior contact met most recently. */
export function bestIntroducer(f: RoadmapFacts): ContactFacts | null {
  const rank = { executive: 0, manager: 1, staff: 2 } as const;
  const met = f.contacts.filter((c) => c.lastMetOn && c.attitude !== 'opponent');
  met.sort((a, b) => rank[a.level ?? 'staff'] - rank[b.level ?? 'staff'] || (b.lastMetOn ?? '').localeCompare(a.lastMetOn ?? '') || a.id.localeCompare(b.id));
  return met[0] ?? null;
}

function decisionChainGaps(f: RoadmapFacts): Gap[] {
  const gaps: Gap[] = [];
  const dms = decisionMakers(f);
  const window = f.thresholds.decision_chain_gap.days;
  if (!dms.length) {
    const introducer = bestIntroducer(f);
    const evidence = introducer ? interactionsWith(f, [introducer.id]).slice(0, 2) : f.interactions.slice(0, 2);
    gaps.push({
      kind: 'missing_decision_maker',
      severity: f.account.tier === 'S' || f.account.tier === 'A' ? 'high' : 'medium',
      subjectId: null,
      facts: { known: f.contacts.length, introducer: introducer?.name ?? null, introducer_title: introducer?.title ?? null },
      citations: evidence.map(interactionCite),
    });
  }
  for (const dm of dms) {
    const days = dm.lastMetOn ? daysBetween(dm.lastMetOn, f.today) : null;
    if (days !== null && days <= window) continue;
    const last = dm.lastInteractionId ? f.interactions.find((i) => i.id === dm.lastInteractionId) : undefined;
    gaps.push({
      kind: 'decision_maker_unmet',
      severity: 'high',
      subjectId: dm.id,
      facts: { contact: dm.name, title: dm.title, days, last_date: dm.lastMetOn, window },
      citations: last ? [interactionCite(last)] : [],
    });
  }
  for (const c of f.contacts.filter((x) => x.attitude === 'opponent')) {
    const last = interactionsWith(f, [c.id]).slice(0, 2);
    gaps.push({
      kind: 'opponent',
      severity: c.decisionRole === 'decision_maker' ? 'high' : 'medium',
      subjectId: c.id,
      facts: { contact: c.name, title: c.title, role: c.decisionRole, last_summary: last[0]?.summary ?? null, last_date: last[0]?.date ?? null },
      citations: last.map(interactionCite),
    });
  }
  return gaps;
}

function executiveSilence(f: RoadmapFacts): Gap[] {
  const execIds = executives(f).map((c) => c.id);
  const limit = f.thresholds.exec_silence.days;
  const last = interactionsWith(f, execIds)[0];
  if (!execIds.length) return [];
  const days = last ? daysBetween(last.date, f.today) : null;
  if (days !== null && days < limit) return [];
  const names = last ? f.contacts.filter((c) => last.contactIds.includes(c.id) && c.level === 'executive').map((c) => c.name) : [];
  return [
    {
      kind: 'executive_silence',
      severity: days === null || days >= f.thresholds.exec_silence.manager_days ? 'high' : 'medium',
      subjectId: last?.id ?? null,
      facts: { days, limit, last_date: last?.date ?? null, with: names.join('、') || null, last_summary: last?.summary ?? null },
      citations: last ? [interactionCite(last)] : [],
    },
  ];
}

function departmentsNotReached(f: RoadmapFacts): Gap[] {
  const window = f.thresholds.decision_chain_gap.days;
  const byDept = new Map<string, ContactFacts[]>();
  for (const c of f.contacts) if (c.department) byDept.set(c.department, [...(byDept.get(c.department) ?? []), c]);
  const cold = [...byDept.entries()].filter(([, cs]) => !cs.some((c) => c.lastMetOn && daysBetween(c.lastMetOn, f.today) <= window));
  if (!cold.length) return [];
  const contacts = cold.flatMap(([, cs]) => cs);
  const evidence = interactionsWith(
    f,
    contacts.map((c) => c.id),
  ).slice(0, 2);
  return [
    {
      kind: 'departments_not_reached',
      severity: 'medium',
      subjectId: null,
      facts: { departments: cold.map(([d]) => d).join('、'), reached: byDept.size - cold.length, total: byDept.size, window },
      citations: evidence.map(interactionCite),
    },
  ];
}

function openTickets(f: RoadmapFacts): Gap[] {
  // Complaints always; repairs and inquiries when marked high.
  return f.openTickets
    .filter((t) => t.kind === 'complaint' || t.severity === 'high')
    .map((t) => ({
      kind: 'open_ticket' as const,
      severity: t.severity === 'high' ? ('high' as const) : ('medium' as const),
      subjectId: t.id,
      facts: { ticket: t.id, kind: t.kind, severity: t.severity, summary: t.summary, opened: t.openedOn, days: daysBetween(t.openedOn, f.today) },
      citations: [{ source: 'ticket' as const, id: t.id, date: t.openedOn }],
    }));
}

function budgetLag(f: RoadmapFacts): Gap[] {
  if (!f.budget.amount) return [];
  const year = String(f.budget.year);
  const thisYear = f.orders.filter((o) => o.date.startsWith(year));
  const executed = thisYear.reduce((s, o) => s + o.amount, 0);
  const share = executed / f.budget.amount;
  const elapsed = yearElapsedShare(f.today);
  const lagPoints = Math.round((elapsed - share) * 1000) / 10;
  if (lagPoints <= f.thresholds.budget_lag.points) return [];
  return [
    {
      kind: 'budget_lag',
      severity: lagPoints >= 2 * f.thresholds.budget_lag.points ? 'high' : 'medium',
      subjectId: null,
      facts: { budget: f.budget.amount, executed, remaining: f.budget.amount - executed, share: Math.round(share * 1000) / 10, elapsed: Math.round(elapsed * 1000) / 10, lag: lagPoints, year: f.budget.year },
      citations: thisYear.map((o) => ({ source: 'order' as const, id: o.id, date: o.date })),
    },
  ];
}

function contractsEnding(f: RoadmapFacts): Gap[] {
  const horizon = Math.max(PLAN_DAYS, f.thresholds.contract_expiry.days);
  const open = f.opportunities.filter((o) => ['lead', 'qualify', 'proposal', 'negotiation'].includes(o.stage));
  return f.contracts
    .filter((c) => c.status === 'active' && c.endDate >= f.today && daysBetween(f.today, c.endDate) <= horizon)
    .map((c) => {
      const renewal = open[0];
      const days = daysBetween(f.today, c.endDate);
      return {
        kind: 'contract_ending' as const,
        severity: !renewal && days <= f.thresholds.contract_expiry.days ? ('high' as const) : ('medium' as const),
        subjectId: c.id,
        facts: { contract: c.id, kind: c.kind, end: c.endDate, days, amount: c.amount, renewal: renewal?.id ?? null, renewal_name: renewal?.name ?? null, renewal_stage: renewal?.stage ?? null },
        citations: [
          { source: 'contract' as const, id: c.id, date: c.signedAt ?? c.startDate },
          ...(renewal ? [{ source: 'opportunity' as const, id: renewal.id, date: renewal.updatedAt }] : []),
        ],
      };
    });
}

function stalledOpportunities(f: RoadmapFacts): Gap[] {
  const t = f.thresholds.stalled_opportunity;
  return f.opportunities
    .filter((o) => t.stages.includes(o.stage) && o.updatedAt && daysBetween(o.updatedAt, f.today) >= t.days)
    .map((o) => ({
      kind: 'stalled_opportunity' as const,
      severity: 'high' as const,
      subjectId: o.id,
      facts: { opportunity: o.id, name: o.name, stage: o.stage, amount: o.amount, updated: o.updatedAt, days: daysBetween(o.updatedAt!, f.today), close: o.expectedClose, owner: o.ownerName },
      citations: [{ source: 'opportunity' as const, id: o.id, date: o.updatedAt }],
    }));
}

function overdueNextSteps(f: RoadmapFacts): Gap[] {
  const grace = f.thresholds.next_step_overdue.grace_days;
  return f.interactions
    .filter((i) => i.nextStep?.trim() && i.nextStepDue && daysBetween(i.nextStepDue, f.today) > grace)
    .filter((i) => !f.interactions.some((j) => j.date > i.date))
    .map((i) => ({
      kind: 'overdue_next_step' as const,
      severity: 'medium' as const,
      subjectId: i.id,
      facts: { step: i.nextStep, due: i.nextStepDue, days: daysBetween(i.nextStepDue!, f.today), by: i.userName, by_id: i.userId },
      citations: [interactionCite(i)],
    }));
}

/** Every gap, most urgent kinds first (the order the plan addresses them in). */
export function findGaps(f: RoadmapFacts): Gap[] {
  return [
    ...openTickets(f),
    ...executiveSilence(f),
    ...decisionChainGaps(f),
    ...stalledOpportunities(f),
    ...contractsEnding(f),
    ...overdueNextSteps(f),
    ...budgetLag(f),
    ...departmentsNotReached(f),
  ];
}

export function yearOf(d: IsoDate): number {
  return Number(d.slice(0, 4));
}
