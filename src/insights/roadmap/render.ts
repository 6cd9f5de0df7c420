// The roadmap as a Reply: title, current state (health by layer with its evidence, tier, wallet
// share, pipeline), gaps, and the plan by horizon; every action lists its cited records.
import type { Citation, Reply, ReplySection } from '../../chat/types.ts';
import { STAGE, TEAM_ROLE, label } from '../../../prompts/conversation/labels.ts';
import { fill, t, type Lang } from '../../../prompts/index.ts';
import { BAND_LABELS, COMPONENT_LABELS, FACT_LABELS, LAYER_LABELS, QUADRANT_LABELS, roadmapTexts } from '../../../prompts/roadmap.ts';
import { formatAmount } from '../../tools/format.ts';
import { rollupTitle, rollupTotalLines } from '../rollup/render.ts';
import type { Cite, CurrentState, PlanAction, Roadmap } from './types.ts';

/** Facts that are amounts in yuan (the same keys are counts in other components). */
const isAmount = (component: string, key: string) => key === 'amount_12m' || (component === 'order_amount' && (key === 'own_yearly_avg' || key === 'tier_median'));

function factText(component: string, key: string, value: number | string | null, lang: Lang): string | null {
  if (value === null || value === undefined) return null;
  const labelled = FACT_LABELS[key];
  const v = isAmount(component, key) && typeof value === 'number' ? formatAmount(value, lang) : String(value);
  return labelled ? fill(labelled[lang], { value: v }) : `${key} ${v}`;
}

function stateLines(s: CurrentState, lang: Lang): string[] {
  const lines: string[] = [];
  if (s.health) {
    lines.push(t(roadmapTexts, 'health', lang, { score: s.health.score, band: label(BAND_LABELS, s.health.band, lang) }));
    for (const layer of s.health.layers) {
      const components = layer.components
        .map((c) => {
          const facts = Object.entries(c.facts)
            .map(([k, v]) => factText(c.id, k, v, lang))
            .filter(Boolean)
            .join(lang === 'zh' ? ',' : ', ');
          return t(roadmapTexts, 'component', lang, { name: label(COMPONENT_LABELS, c.id, lang), score: c.score }) + (facts ? (lang === 'zh' ? `(${facts})` : ` (${facts})`) : '');
        })
        .join(lang === 'zh' ? ';' : '; ');
      lines.push(t(roadmapTexts, 'layer', lang, { layer: label(LAYER_LABELS, layer.id, lang), score: layer.score, components }));
    }
  } else lines.push(t(roadmapTexts, 'healthUnknown', lang));
  const declared = s.tier.declared ?? '-';
  lines.push(
    s.tier.suggested
      ? t(roadmapTexts, 'tier', lang, { declared, suggested: s.tier.suggested, quadrant: label(QUADRANT_LABELS, s.tier.quadrant, lang) })
      : t(roadmapTexts, 'tierNoSuggestion', lang, { declared }),
  );
  const w = s.wallet;
  lines.push(
    w.budget
      ? t(roadmapTexts, 'wallet', lang, { year: w.year, executed: formatAmount(w.executed, lang), budget: formatAmount(w.budget, lang), share: `${w.share}%`, elapsed: `${w.yearElapsed}%` })
      : t(roadmapTexts, 'walletNoBudget', lang, { year: w.year, executed: formatAmount(w.executed, lang), lastYear: formatAmount(w.lastYear, lang) }),
  );
  const p = s.pipeline;
  const list = p.open.map((o) => t(roadmapTexts, 'pipelineItem', lang, { id: o.id, name: o.name, stage: label(STAGE, o.stage, lang), amount: formatAmount(o.amount, lang) })).join(lang === 'zh' ? ';' : '; ');
  lines.push(p.open.length ? t(roadmapTexts, 'pipeline', lang, { count: p.open.length, amount: formatAmount(p.openAmount, lang), list }) : t(roadmapTexts, 'pipelineNone', lang));
  if (s.group) lines.push(rollupTitle(s.group, lang), ...rollupTotalLines(s.group, lang));
  return lines;
}

function citeText(c: Cite, lang: Lang): string {
  return c.date ? t(roadmapTexts, 'cite', lang, { id: c.id, date: c.date }) : t(roadmapTexts, 'citeNoDate', lang, { id: c.id });
}

function actionLine(a: PlanAction, lang: Lang): string {
  const target = a.target ? (a.target.title ? (lang === 'zh' ? `${a.target.name}(${a.target.title})` : `${a.target.name} (${a.target.title})`) : a.target.name) : t(roadmapTexts, 'noTarget', lang);
  return t(roadmapTexts, 'actionLine', lang, {
    role: `${a.ownerRole}${lang === 'zh' ? label(TEAM_ROLE, a.ownerRole, lang) : ''}`,
    owner: a.owner?.name ?? t(roadmapTexts, 'nobody', lang),
    action: a.action,
    target,
    reason: a.reason,
    cites: a.citations.map((c) => citeText(c, lang)).join(lang === 'zh' ? '、' : ', '),
  });
}

export function roadmapReply(r: Roadmap, lang: Lang): Reply {
  const title = t(roadmapTexts, 'title', lang, { account: r.account.name, date: r.asOf });
  const sections: ReplySection[] = [
    { title: t(roadmapTexts, 'stateTitle', lang), lines: stateLines(r.state, lang) },
    { title: t(roadmapTexts, 'gapsTitle', lang), lines: r.gaps.length ? r.gaps.map((g) => `• ${g.text}`) : [t(roadmapTexts, 'noGaps', lang)] },
  ];
  const planSections: ReplySection[] = [];
  for (const h of [30, 60, 90] as const) {
    const actions = r.plan.filter((a) => a.horizon === h);
    if (actions.length) planSections.push({ title: t(roadmapTexts, 'horizon', lang, { days: h }), lines: actions.map((a) => actionLine(a, lang)) });
  }
  const text = [
    title,
    ...sections.flatMap((s) => ['', s.title ?? '', ...s.lines]),
    '',
    t(roadmapTexts, 'planTitle', lang),
    ...planSections.flatMap((s) => [`【${s.title}】`, ...s.lines]),
    ...(r.generator === 'llm' ? ['', t(roadmapTexts, 'generatorLlm', lang)] : []),
  ].join('\n');
  sections.push(...planSections.map((s) => ({ ...s, title: `${t(roadmapTexts, 'planTitle', lang)} · ${s.title}` })));
  const citations: Citation[] = [];
  for (const c of [...r.plan.flatMap((a) => a.citations), ...r.gaps.flatMap((g) => g.citations)]) {
    if (!citations.some((x) => x.source === c.source && x.id === c.id)) citations.push({ source: c.source, id: c.id, date: c.date ?? undefined, accountId: r.account.id });
  }
  return { lang, title, text, sections, citations, data: r };
}
