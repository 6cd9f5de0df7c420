// The group roll-up as reply lines and a Reply: totals first (with the partial-view warning), then
// each unit with its share of the group.
import type { Reply, ReplySection } from '../../chat/types.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { rollupTexts } from '../../../prompts/rollup.ts';
import { formatAmount, formatPercent } from '../../tools/format.ts';
import type { GroupRollup } from './build.ts';

/** Within this many points of the calendar, execution is "on pace". */
const ON_PACE_POINTS = 2;

const pct = (x: number | null, lang: Lang) => (x === null ? t(rollupTexts, 'none', lang) : formatPercent(x));

export function rollupTitle(r: GroupRollup, lang: Lang): string {
  return t(rollupTexts, r.hiddenAbove ? 'titleHiddenAbove' : 'title', lang, { account: r.account.name, year: r.year, count: r.units.length });
}

/** The partial-view warning (if any) and the group totals. */
export function rollupTotalLines(r: GroupRollup, lang: Lang): string[] {
  const x = r.totals;
  const lines: string[] = [];
  if (r.partial) lines.push(t(rollupTexts, 'partial', lang, { count: r.units.length }));
  if (x.budget !== null && x.execution !== null) {
    const vars = { against: formatAmount(x.orderedAgainstBudget, lang), budget: formatAmount(x.budget, lang), execution: formatPercent(x.execution), elapsed: formatPercent(r.yearElapsed) };
    if (r.yearElapsed > 0 && r.yearElapsed < 1 && x.gapPoints !== null) {
      const points = Math.abs(x.gapPoints).toFixed(1).replace(/\.0$/, '');
      const pace = Math.abs(x.gapPoints) < ON_PACE_POINTS ? t(rollupTexts, 'paceOnTrack', lang) : t(rollupTexts, x.gapPoints < 0 ? 'paceBehind' : 'paceAhead', lang, { points });
      lines.push(t(rollupTexts, 'budget', lang, { ...vars, pace }));
    } else lines.push(t(rollupTexts, 'budgetPast', lang, vars));
    if (x.budgetedUnits < r.units.length) lines.push(t(rollupTexts, 'budgetUnits', lang, { budgeted: x.budgetedUnits, count: r.units.length }));
  } else lines.push(t(rollupTexts, 'budgetNone', lang, { year: r.year }));
  lines.push(t(rollupTexts, 'orders', lang, { year: r.year, ordered: formatAmount(x.ordered, lang) }));
  lines.push(t(rollupTexts, 'pipeline', lang, { count: x.pipelineCount, amount: formatAmount(x.pipelineAmount, lang) }));
  lines.push(t(rollupTexts, 'tickets', lang, { count: x.openTickets }));
  lines.push(
    x.health === null ? t(rollupTexts, 'healthNone', lang) : t(rollupTexts, x.healthWeighting === 'revenue' ? 'healthRevenue' : 'healthEqual', lang, { score: x.health }),
  );
  return lines;
}

const withShare = (value: string, share: string, lang: Lang) => (lang === 'zh' ? `${value}(${share})` : `${value} (${share})`);

/** One line per unit, indented by its depth in the group. */
export function rollupUnitLines(r: GroupRollup, lang: Lang): string[] {
  const none = t(rollupTexts, 'none', lang);
  return r.units.map((u) =>
    t(rollupTexts, 'unitLine', lang, {
      indent: '  '.repeat(u.depth),
      name: u.name,
      budget: u.budget === null ? none : withShare(formatAmount(u.budget, lang), pct(u.shares.budget, lang), lang),
      ordered: formatAmount(u.ordered, lang),
      orderedShare: pct(u.shares.ordered, lang),
      execution: u.budget ? formatPercent(u.ordered / u.budget) : none,
      pipeline: formatAmount(u.pipelineAmount, lang),
      pipelineShare: pct(u.shares.pipeline, lang),
      tickets: u.openTickets,
      health: u.health ?? none,
      weight: pct(u.shares.healthWeight, lang),
    }),
  );
}

export function rollupReply(r: GroupRollup, lang: Lang): Reply {
  const title = rollupTitle(r, lang);
  const sections: ReplySection[] = [
    { title: t(rollupTexts, 'totalsTitle', lang), lines: rollupTotalLines(r, lang) },
    { title: t(rollupTexts, 'unitsTitle', lang), lines: rollupUnitLines(r, lang) },
  ];
  const facts = [{ label: t(rollupTexts, 'factUnits', lang), value: String(r.units.length) }];
  if (r.totals.execution !== null) facts.push({ label: t(rollupTexts, 'factExecution', lang), value: formatPercent(r.totals.execution) });
  if (r.totals.health !== null) facts.push({ label: t(rollupTexts, 'factHealth', lang), value: String(r.totals.health) });
  const text = [title, ...sections.flatMap((s) => [s.title!, ...s.lines])].join('\n');
  return { lang, title, text, sections, facts };
}
