// The health score of one account, explained: every layer and component with the facts behind it,
// what pulls the score down most, the tier suggestion, and the recent trend.
import type { Reply } from '../../chat/types.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { bandNames, componentTexts, healthTexts, layerNames, quadrantNames } from '../../../prompts/insights-briefing.ts';
import { formatAmount, listJoin } from '../../../prompts/insights.ts';
import type { Component, Health } from '../../domain/health/types.ts';

export interface HealthExplanation {
  account: { id: string; name: string };
  health: Health;
  trend: { asOf: string; score: number }[];
}

/** Components that cost the total the most points: (100 - score) × their share of the total. */
export function weakest(h: Health, n = 3): Component[] {
  return h.layers
    .flatMap((l) => l.components.map((c) => ({ c, lost: (100 - c.score) * c.weight * l.weight })))
    .filter((x) => x.c.score < 50)
    .sort((a, b) => b.lost - a.lost)
    .slice(0, n)
    .map((x) => x.c);
}

function dateAgo(date: unknown, days: unknown, lang: Lang): string {
  return date ? t(componentTexts, 'days_ago', lang, { date: String(date), days: String(days) }) : t(componentTexts, 'never', lang);
}

export function componentLine(c: Component, lang: Lang): string {
  const f = c.facts;
  const na = t(componentTexts, 'unknown', lang);
  const num = (v: unknown) => (v === null || v === undefined ? na : String(Math.round(Number(v) * 10) / 10));
  switch (c.id) {
    case 'decision_chain':
      return t(componentTexts, c.id, lang, { score: c.score, known: String(f.known), met: String(f.met), dm_known: String(f.decision_makers_known), dm_met: String(f.decision_makers_met) });
    case 'exec_recency':
    case 'order_recency':
      return t(componentTexts, c.id, lang, { score: c.score, last: dateAgo(f.last_date, f.days, lang) });
    case 'order_amount':
      return t(componentTexts, c.id, lang, {
        score: c.score,
        amount: formatAmount(Number(f.amount_12m), lang),
        own: f.own_yearly_avg === null ? na : formatAmount(Number(f.own_yearly_avg), lang),
        peer: f.tier_median === null ? na : formatAmount(Number(f.tier_median), lang),
      });
    case 'order_frequency':
      return t(componentTexts, c.id, lang, { score: c.score, count: String(f.count_12m), own: num(f.own_yearly_avg), peer: num(f.tier_median) });
    case 'resolution_time':
      return t(componentTexts, c.id, lang, { score: c.score, hours: num(f.avg_hours) });
    case 'resolution_rate':
      return t(componentTexts, c.id, lang, { score: c.score, total: String(f.total), resolved: String(f.resolved) });
    default:
      return t(componentTexts, c.id, lang, { score: c.score, count: String(f.count) });
  }
}

export function healthReply(x: HealthExplanation, lang: Lang): Reply {
  const h = x.health;
  const title = t(healthTexts, 'title', lang, { name: x.account.name, score: h.score, band: t(bandNames, h.band, lang) });
  const head = [
    t(healthTexts, 'as_of', lang, { date: h.asOf }),
    t(healthTexts, 'tier', lang, { declared: h.tier.declared ?? '-', suggested: h.tier.suggested, quadrant: t(quadrantNames, h.tier.quadrant, lang) }),
  ];
  const weak = weakest(h);
  head.push(weak.length ? t(healthTexts, 'weakest', lang, { list: listJoin(weak.map((c) => componentLine(c, lang).split(/[::]/)[0]), lang) }) : t(healthTexts, 'none_weak', lang));
  if (x.trend.length > 1) head.push(t(healthTexts, 'trend', lang, { list: x.trend.map((p) => `${p.asOf.slice(5)} ${p.score}`).join(' → ') }));
  const sections = h.layers.map((l) => ({
    title: t(healthTexts, 'layer', lang, { layer: t(layerNames, l.id, lang), score: l.score, weight: Math.round(l.weight * 100) }),
    lines: l.components.map((c) => componentLine(c, lang)),
  }));
  const text = [title, ...head, ...sections.flatMap((s) => [s.title, ...s.lines.map((line) => `  · ${line}`)])].join('\n');
  return {
    lang,
    title,
    text,
    sections: [{ lines: head }, ...sections],
    facts: [
      { label: t(healthTexts, 'fact_score', lang), value: String(h.score) },
      { label: t(healthTexts, 'fact_tier', lang), value: h.tier.suggested },
    ],
    citations: [{ source: 'account', id: x.account.id, date: h.asOf, accountId: x.account.id }],
    data: x,
  };
}
