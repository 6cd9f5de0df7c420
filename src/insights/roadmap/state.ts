// Where the account stands today (pure): health by layer with the facts behind each component,
// declared and suggested tier, wallet share (this year's orders against the budget), and pipeline.
import { yearElapsedShare } from '../../domain/time.ts';
import { OPEN_STAGES } from '../../domain/types.ts';
import type { CurrentState, RoadmapFacts } from './types.ts';

export function currentState(f: RoadmapFacts): CurrentState {
  const year = String(f.budget.year);
  const thisYear = f.orders.filter((o) => o.date.startsWith(year));
  const executed = thisYear.reduce((s, o) => s + o.amount, 0);
  const lastYear = f.orders.filter((o) => o.date.startsWith(String(f.budget.year - 1))).reduce((s, o) => s + o.amount, 0);
  const open = f.opportunities.filter((o) => OPEN_STAGES.includes(o.stage));
  return {
    health: f.health && {
      score: f.health.score,
      band: f.health.band,
      layers: f.health.layers.map((l) => ({
        id: l.id,
        score: l.score,
        weight: Math.round(l.weight * 1000) / 1000,
        components: l.components.map((c) => ({ id: c.id, score: c.score, facts: c.facts })),
      })),
    },
    tier: { declared: f.account.tier, suggested: f.health?.tier.suggested ?? null, quadrant: f.health?.tier.quadrant ?? null },
    wallet: {
      year: f.budget.year,
      budget: f.budget.amount,
      executed,
      share: f.budget.amount ? Math.round((executed / f.budget.amount) * 1000) / 10 : null,
      yearElapsed: Math.round(yearElapsedShare(f.today) * 1000) / 10,
      lastYear,
      orders: thisYear.map((o) => ({ source: 'order', id: o.id, date: o.date })),
    },
    pipeline: {
      open: open.map((o) => ({ id: o.id, name: o.name, stage: o.stage, amount: o.amount, expectedClose: o.expectedClose, updatedAt: o.updatedAt, owner: o.ownerName })),
      openAmount: open.reduce((s, o) => s + (o.amount ?? 0), 0),
    },
    group: f.group,
  };
}
