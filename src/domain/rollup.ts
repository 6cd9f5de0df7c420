// Roll-up of a customer group (pure): the figures of each visible unit combined into group totals,
// with each unit's share of them. Budget execution counts only the orders of units that have a
// budget (a unit's orders without a plan say nothing about executing one); health is the mean of
// the units' scores weighted by their revenue of the last twelve months (equal weights when none
// of them had revenue).

export interface UnitFigures {
  id: string;
  name: string;
  /** Visible ancestors within the group (0 for the top). */
  depth: number;
  budget: number | null;
  /** This year's orders up to today. */
  ordered: number;
  pipelineAmount: number;
  pipelineCount: number;
  openTickets: number;
  health: number | null;
  /** Orders of the last twelve months, the health weight. */
  revenue12m: number;
}

export interface UnitShares {
  budget: number | null;
  ordered: number | null;
  pipeline: number | null;
  /** The unit's weight in the group health (null when it has no score). */
  healthWeight: number | null;
}

export interface RollupTotals {
  budget: number | null;
  /** Units with a budget this year. */
  budgetedUnits: number;
  ordered: number;
  /** Orders of the units that have a budget. */
  orderedAgainstBudget: number;
  /** orderedAgainstBudget / budget (0..1+), null without any budget. */
  execution: number | null;
  /** execution - yearElapsed, in percentage points (one decimal). */
  gapPoints: number | null;
  pipelineAmount: number;
  pipelineCount: number;
  openTickets: number;
  health: number | null;
  healthWeighting: 'revenue' | 'equal' | null;
}

export interface Rollup {
  year: number;
  yearElapsed: number;
  partial: boolean;
  units: (UnitFigures & { shares: UnitShares })[];
  totals: RollupTotals;
}

const share = (part: number, whole: number | null) => (whole ? part / whole : null);
const round1 = (x: number) => Math.round(x * 10) / 10;

export function rollUp(units: UnitFigures[], opts: { year: number; yearElapsed: number; partial: boolean }): Rollup {
  const budgeted = units.filter((u) => u.budget !== null);
  const budget = budgeted.length ? budgeted.reduce((s, u) => s + (u.budget ?? 0), 0) : null;
  const orderedAgainstBudget = budgeted.reduce((s, u) => s + u.ordered, 0);
  const ordered = units.reduce((s, u) => s + u.ordered, 0);
  const pipelineAmount = units.reduce((s, u) => s + u.pipelineAmount, 0);
  const execution = budget ? orderedAgainstBudget / budget : null;

  const scored = units.filter((u) => u.health !== null);
  const revenue = scored.reduce((s, u) => s + Math.max(0, u.revenue12m), 0);
  const weighting = !scored.length ? null : revenue > 0 ? 'revenue' : 'equal';
  const weightOf = (u: UnitFigures) => (u.health === null ? null : weighting === 'revenue' ? Math.max(0, u.revenue12m) / revenue : 1 / scored.length);
  const health = weighting ? round1(scored.reduce((s, u) => s + (u.health ?? 0) * (weightOf(u) ?? 0), 0)) : null;

  return {
    year: opts.year,
    yearElapsed: opts.yearElapsed,
    partial: opts.partial,
    units: units.map((u) => ({
      ...u,
      shares: {
        budget: u.budget === null ? null : share(u.budget, budget),
        ordered: share(u.ordered, ordered),
        pipeline: share(u.pipelineAmount, pipelineAmount),
        healthWeight: weightOf(u),
      },
    })),
    totals: {
      budget,
      budgetedUnits: budgeted.length,
      ordered,
      orderedAgainstBudget,
      execution,
      gapPoints: execution === null ? null : round1((execution - opts.yearElapsed) * 100),
      pipelineAmount,
      pipelineCount: units.reduce((s, u) => s + u.pipelineCount, 0),
      openTickets: units.reduce((s, u) => s + u.openTickets, 0),
      health,
      healthWeighting: weighting,
    },
  };
}
