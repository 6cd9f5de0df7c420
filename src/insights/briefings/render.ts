// The briefing as a Reply: a title, one section per account (most at risk first) and, for a team,
// each person's activity. The same text is what `kam briefing` prints.
import type { Reply, ReplySection } from '../../chat/types.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { bandNames, briefingTexts, interactionTypeNames } from '../../../prompts/insights-briefing.ts';
import { formatAmount, listJoin, ruleNames, severityNames, stageNames } from '../../../prompts/insights.ts';
import type { AccountBriefing, Briefing } from './types.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function accountSection(a: AccountBriefing, n: number, b: Briefing, lang: Lang): ReplySection {
  const change = a.health.change === null ? '' : t(briefingTexts, 'change', lang, { delta: signed(a.health.change) });
  const suggested = a.health.suggestedTier !== a.tier ? t(briefingTexts, 'suggested_tier_note', lang, { tier: a.health.suggestedTier }) : '';
  const title = t(briefingTexts, 'account_line', lang, { n, name: a.name, tier: a.tier ?? '-', score: a.health.score, band: t(bandNames, a.health.band, lang), change, suggested });
  const lines: string[] = [];
  if (!a.interactions.length) {
    const l = a.lastInteraction;
    lines.push(
      t(briefingTexts, 'activity_none', lang) +
        (l ? t(briefingTexts, 'last_interaction', lang, { date: l.date, by: l.byName, type: t(interactionTypeNames, l.type, lang) }) : t(briefingTexts, 'no_interaction_ever', lang)),
    );
  }
  else {
    lines.push(`${t(briefingTexts, 'activity', lang)}:`);
    for (const i of a.interactions) {
      const withWhom = i.with.length ? t(briefingTexts, 'with', lang, { names: listJoin(i.with, lang) }) : '';
      lines.push(`  · ${t(briefingTexts, 'interaction', lang, { date: i.date, by: i.byName, type: t(interactionTypeNames, i.type, lang), with: withWhom, summary: i.summary }).replace(/ {2,}/g, ' ')}`);
    }
  }
  if (!a.alerts.length) lines.push(t(briefingTexts, 'alerts_none', lang));
  else {
    lines.push(`${t(briefingTexts, 'alerts', lang)}:`);
    for (const x of a.alerts) {
      const mark = t(briefingTexts, x.isNew ? 'new_mark' : 'open_mark', lang);
      lines.push(`  · [${t(severityNames, x.severity, lang)}·${mark}] ${t(ruleNames, x.rule, lang)}${lang === 'zh' ? ':' : ': '}${x.message}`);
    }
  }
  if (!a.due.length) lines.push(t(briefingTexts, 'due_none', lang, { to: b.dueWindow.to }));
  else {
    lines.push(`${t(briefingTexts, 'due', lang, { to: b.dueWindow.to })}:`);
    for (const d of a.due) lines.push(`  · ${t(briefingTexts, `due_${d.kind}`, lang, { date: d.date, text: d.text, id: d.id, owner: d.owner ?? '-' })}`);
  }
  if (a.pipeline.length) {
    lines.push(`${t(briefingTexts, 'pipeline', lang)}:`);
    for (const p of a.pipeline) lines.push(`  · ${t(briefingTexts, 'pipeline_item', lang, { name: p.name, stage: t(stageNames, p.stage, lang), amount: formatAmount(p.amount, lang), date: p.updatedAt })}`);
  }
  return { title, lines };
}

export function briefingReply(b: Briefing, lang: Lang): Reply {
  const title = t(briefingTexts, b.kind === 'team' ? 'title_team' : 'title_user', lang, { name: b.userName });
  const period = t(briefingTexts, 'period', lang, { start: b.week.start, end: b.week.end, as_of: b.asOf.slice(0, 16).replace('T', ' ') });
  const summary = b.accounts.length
    ? t(briefingTexts, 'summary', lang, { accounts: b.totals.accounts, interactions: b.totals.interactions, alerts: b.totals.alerts, new: b.totals.newAlerts })
    : t(briefingTexts, 'no_accounts', lang);
  const sections = b.accounts.map((a, i) => accountSection(a, i + 1, b, lang));
  if (b.people?.length) {
    sections.push({
      title: t(briefingTexts, 'people', lang),
      lines: b.people.map((p) => t(briefingTexts, 'person', lang, { name: p.name, n: p.interactions, accounts: p.accounts, exec: p.executiveMeetings })),
    });
  }
  const text = [title, period, summary, ...sections.flatMap((s) => ['', ...(s.title ? [s.title] : []), ...s.lines])].join('\n');
  return { lang, title, text, sections, data: b };
}
