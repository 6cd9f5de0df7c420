// The account 360° page: who the customer is, who we are to them, how it goes, what needs doing.
import { html, trusted, type Html } from '../html.ts';
import type { Account, Contract, Interaction, Opportunity, Project, Ticket, Contact } from '../../../domain/types.ts';
import type { Health } from '../../../domain/health/types.ts';
import { daysBetween, hoursBetween, toIsoDate } from '../../../domain/time.ts';
import type { Alert } from '../../../insights/alerts/evaluate.ts';
import type { GroupRollup } from '../../../insights/rollup/build.ts';
import type { TeamMemberName } from '../../../store/accounts.ts';
import type { AccountCompetitor } from '../../../store/pipeline.ts';
import { notePipelineTexts } from '../../../../prompts/notes-pipeline.ts';
import type { BudgetExecution, ConsoleAlert, HealthPoint, TreeNode } from '../../../store/console-queries.ts';
import { formatAmount } from '../../../tools/format.ts';
import { ct } from '../../../../prompts/console.ts';
import { ATTITUDE, CONTRACT_KIND, CONTRACT_STATUS, DECISION_ROLE, INTERACTION_TYPE, LEVEL, PROJECT_STATUS, SEVERITY, STAGE, TEAM_ROLE, TICKET_KIND, label } from '../../../../prompts/conversation/labels.ts';
import type { PageContext } from '../context.ts';
import { liveAlertCard, recordedAlertCard } from './alert-card.ts';
import { scoreBadge, tierBadge } from './accounts.ts';
import { shortDateTime } from './format.ts';
import { healthSection } from './health.ts';
import { roadmapPlaceholder } from './roadmap.ts';
import { rollupCardTitle, rollupSection, showsRollup } from './rollup.ts';
import { relationshipMapConsoleTexts } from '../../../../prompts/relationship-map.ts';
import { t } from '../../../../prompts/index.ts';
import { budgetBar, percentText, sparkline } from './svg.ts';

export interface Account360 {
  account: Account;
  today: string;
  ownerName: string;
  tree: TreeNode[];
  team: TeamMemberName[];
  contacts: (Contact & { lastTouch: Date | null })[];
  /** Names of the contacts the timeline's interactions met (this account's and any other visible one's). */
  contactNames: Map<string, string>;
  interactions: Interaction[];
  contracts: Contract[];
  budget: BudgetExecution & { elapsed: number; lagPoints: number };
  tickets: Ticket[];
  opportunities: Opportunity[];
  projects: Project[];
  /** Competitors named in notes at the account. */
  competitors: AccountCompetitor[];
  health?: Health;
  trend: HealthPoint[];
  trendFrom: string;
  openAlerts: ConsoleAlert[];
  firing: Alert[];
  /** User id → name, for everyone the page mentions. */
  names: Map<string, string>;
  /** The group roll-up (shown when the account is part of a group). */
  rollup?: GroupRollup;
  /** The decision chain drawn as SVG markup (src/insights/relationship-map). */
  relationshipMap?: string;
}

const rmt = (key: keyof typeof relationshipMapConsoleTexts, lang: PageContext['lang']) => t(relationshipMapConsoleTexts, key, lang);

function card(id: string, title: string, body: Html | string, extra = ''): Html {
  return html`<section class="card ${extra}" id="${id}" data-testid="section-${id}"><h2>${title}</h2>${body}</section>`;
}

function table(head: string[], rows: Html[]): Html {
  return html`<div class="table-wrap"><table class="data"><thead><tr>${head.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function ago(ctx: PageContext, d: Date | null): string {
  if (!d) return ct('never', ctx.lang);
  const days = daysBetween(toIsoDate(d, ctx.tz), toIsoDate(ctx.now, ctx.tz));
  const date = toIsoDate(d, ctx.tz);
  return days <= 0 ? `${date} (${ct('today', ctx.lang)})` : `${date} (${ct('days_ago', ctx.lang, { days })})`;
}

const ROLE_ORDER = ['decision_maker', 'influencer', 'evaluator', 'gatekeeper', 'user'];
const LEVEL_ORDER = ['executive', 'manager', 'staff'];
const rank = (order: string[], v: string | null) => (v && order.includes(v) ? order.indexOf(v) : order.length);

function overview(ctx: PageContext, d: Account360): Html {
  const { lang } = ctx;
  const a = d.account;
  const parent = d.tree.find((n) => n.id === a.parent_id);
  const facts: [string, Html | string][] = [
    [ct('col_tier', lang), tierBadge(a.tier)],
    [ct('col_suggested', lang), tierBadge(d.health?.tier.suggested ?? null)],
    [ct('col_health', lang), scoreBadge(d.health?.score ?? null, d.health?.band ?? null, lang)],
    [ct('col_owner', lang), d.ownerName],
    [ct('col_industry', lang), a.industry ?? '–'],
    [ct('account_region', lang), a.region ?? '–'],
    [ct('account_strategic', lang), a.strategic_value ? ct(a.strategic_value === 'high' ? 'strategic_high' : 'strategic_low', lang) : '–'],
    [ct('account_since', lang), a.created_at ?? '–'],
  ];
  if (parent) facts.push([ct('account_parent', lang), html`<a href="${ctx.href(`/console/accounts/${encodeURIComponent(parent.id)}`)}">${parent.name}</a>`]);
  return html`<div class="account-head">
  <h1>${a.name} <span class="muted id">${a.id}</span></h1>
  ${a.aliases?.length ? html`<p class="muted small">${a.aliases.join(' · ')}</p>` : ''}
  <dl class="facts">${facts.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
</div>`;
}

function alertsSection(ctx: PageContext, d: Account360): Html {
  const { lang } = ctx;
  const recorded = d.openAlerts.map((a) => recordedAlertCard(ctx, a, d.names, { showAccount: false }));
  const live = d.firing.map((a) => liveAlertCard(ctx, a, d.names, { showAccount: false }));
  return html`${recorded.length ? html`<div class="alerts">${recorded}</div>` : ''}
${live.length ? html`<p class="muted small">${ct('alerts_firing_title', lang, { at: d.today })} — ${ct('alerts_firing_note', lang)}</p><div class="alerts">${live}</div>` : ''}
${!recorded.length && !live.length ? html`<p class="muted">${ct('alerts_none_firing', lang)}</p>` : ''}`;
}

function budgetSection(ctx: PageContext, d: Account360): Html {
  const { lang } = ctx;
  const b = d.budget;
  if (!b.budget) return html`<p class="muted">${ct('budget_none', lang, { year: b.year })}</p>`;
  const share = b.executed / b.budget;
  const vars = { executed: formatAmount(b.executed, lang), budget: formatAmount(b.budget, lang), pct: percentText(share), elapsed: percentText(b.elapsed) };
  return html`${budgetBar({ executed: share, elapsed: b.elapsed, lagPoints: b.lagPoints, label: ct('budget_bar_label', lang, vars), yearLabel: ct('budget_year_mark', lang) })}
<p class="small" data-testid="budget-summary">${ct('budget_summary', lang, vars)}</p>`;
}

function treeSection(ctx: PageContext, d: Account360): Html {
  return html`<ul class="tree">${d.tree.map(
    (n) => html`<li class="depth-${Math.min(n.depth, 5)}${n.id === d.account.id ? ' current' : ''}">${n.id === d.account.id ? html`<strong>${n.name}</strong>` : html`<a href="${ctx.href(`/console/accounts/${encodeURIComponent(n.id)}`)}">${n.name}</a>`} ${tierBadge(n.tier)} <span class="muted small">${n.id}</span></li>`,
  )}</ul>`;
}

function teamSection(ctx: PageContext, d: Account360): Html {
  const { lang } = ctx;
  return html`<ul class="team">${(['AR', 'SR', 'FR'] as const).map((role) => {
    const members = d.team.filter((m) => m.team_role === role);
    return html`<li><span class="role">${role}</span> <span class="muted small">${label(TEAM_ROLE, role, lang)}</span><div>${members.length ? members.map((m) => m.name).join(lang === 'zh' ? '、' : ', ') : html`<span class="muted">${ct('team_missing', lang)}</span>`}</div></li>`;
  })}</ul>`;
}

function chainSection(ctx: PageContext, d: Account360): Html {
  const { lang } = ctx;
  if (!d.contacts.length) return html`<p class="muted">${ct('chain_none', lang)}</p>`;
  const sorted = [...d.contacts].sort((a, b) => Number(b.active) - Number(a.active) || rank(ROLE_ORDER, a.decision_role) - rank(ROLE_ORDER, b.decision_role) || rank(LEVEL_ORDER, a.level) - rank(LEVEL_ORDER, b.level) || a.name.localeCompare(b.name, 'zh-CN'));
  return table(
    [ct('col_contact', lang), ct('col_title', lang), ct('col_role', lang), ct('col_level', lang), ct('col_attitude', lang), ct('col_last_contact', lang)],
    sorted.map(
      (c) => html`<tr class="${c.active ? '' : 'inactive'}" data-contact="${c.id}">
  <td><strong>${c.name}</strong>${c.active ? '' : html` <span class="tag">${ct('inactive', lang)}</span>`}${c.department ? html`<div class="muted small">${c.department}</div>` : ''}</td>
  <td>${c.title ?? '–'}</td>
  <td>${c.decision_role ? html`<span class="role-${c.decision_role}">${label(DECISION_ROLE, c.decision_role, lang)}</span>` : '–'}</td>
  <td>${label(LEVEL, c.level, lang) || '–'}</td>
  <td>${c.attitude ? html`<span class="attitude ${c.attitude}">${label(ATTITUDE, c.attitude, lang)}</span>` : '–'}</td>
  <td>${ago(ctx, c.lastTouch)}</td>
</tr>`,
    ),
  );
}

function timelineSection(ctx: PageContext, d: Account360): Html {
  const { lang } = ctx;
  if (!d.interactions.length) return html`<p class="muted">${ct('timeline_none', lang)}</p>`;
  const contactName = d.contactNames;
  return html`<ol class="timeline">${d.interactions.map(
    (i) => html`<li data-interaction="${i.id}">
  <div class="when">${shortDateTime(i.occurred_at, ctx.tz)}</div>
  <div class="what"><span class="tag">${label(INTERACTION_TYPE, i.type, lang)}</span> <span class="muted small">${d.names.get(i.user_id) ?? i.user_id}${i.contact_ids.length ? ` → ${i.contact_ids.map((c) => contactName.get(c) ?? c).join(lang === 'zh' ? '、' : ', ')}` : ''} · ${i.id}</span>
    <p>${i.summary}</p>
    ${i.next_step ? html`<p class="next small">${ct('timeline_next', lang, { step: i.next_step })}${i.next_step_due ? ct('timeline_due', lang, { due: i.next_step_due }) : ''}</p>` : ''}
  </div>
</li>`,
  )}</ol>`;
}

function contractsSection(ctx: PageContext, d: Account360): Html {
  const { lang } = ctx;
  if (!d.contracts.length) return html`<p class="muted">${ct('contracts_none', lang)}</p>`;
  return table(
    [ct('col_contract', lang), ct('col_kind', lang), ct('col_period', lang), ct('col_amount', lang), ct('col_status', lang), ct('col_expiry', lang)],
    d.contracts.map((k) => {
      const days = daysBetween(d.today, k.end_date);
      const soon = k.status === 'active' && days >= 0 && days <= 60;
      return html`<tr data-contract="${k.id}">
  <td>${k.id}</td>
  <td>${label(CONTRACT_KIND, k.kind, lang)}</td>
  <td>${k.start_date ?? '…'} – ${k.end_date}</td>
  <td class="num">${k.amount === null ? '–' : formatAmount(k.amount, lang)}</td>
  <td>${label(CONTRACT_STATUS, k.status, lang)}</td>
  <td class="${soon ? 'warn' : ''}">${k.status !== 'active' ? '–' : days >= 0 ? ct('expires_in', lang, { days }) : ct('expired_ago', lang, { days: -days })}</td>
</tr>`;
    }),
  );
}

function ticketsSection(ctx: PageContext, d: Account360): Html {
  const { lang } = ctx;
  if (!d.tickets.length) return html`<p class="muted">${ct('tickets_none', lang)}</p>`;
  return table(
    [ct('col_ticket', lang), ct('col_kind', lang), ct('col_severity', lang), ct('col_opened', lang), ct('col_status', lang), ct('col_summary', lang)],
    d.tickets.map((tk) => {
      const open = !tk.resolved_at || tk.resolved_at > ctx.now;
      return html`<tr data-ticket="${tk.id}" class="${open ? 'open' : ''}">
  <td>${tk.id}</td>
  <td>${label(TICKET_KIND, tk.kind, lang)}</td>
  <td>${tk.severity ? html`<span class="sev-text sev-${tk.severity}">${label(SEVERITY, tk.severity, lang)}</span>` : '–'}</td>
  <td>${shortDateTime(tk.opened_at, ctx.tz)}</td>
  <td class="${open ? 'warn' : ''}">${open ? ct('ticket_open', lang, { hours: Math.floor(hoursBetween(tk.opened_at, ctx.now)) }) : ct('ticket_resolved', lang, { date: toIsoDate(tk.resolved_at!, ctx.tz) })}</td>
  <td>${tk.summary ?? '–'}</td>
</tr>`;
    }),
  );
}

function opportunitiesSection(ctx: PageContext, d: Account360): Html {
  const { lang } = ctx;
  if (!d.opportunities.length) return html`<p class="muted">${ct('opps_none', lang)}</p>`;
  return table(
    [ct('col_opportunity', lang), ct('col_stage', lang), ct('col_amount', lang), ct('col_close', lang), ct('col_updated', lang), ct('col_owner', lang)],
    d.opportunities.map(
      (o) => html`<tr data-opportunity="${o.id}">
  <td>${o.name}<div class="muted small">${o.id}</div></td>
  <td><span class="stage stage-${o.stage}">${label(STAGE, o.stage, lang)}</span></td>
  <td class="num">${o.amount === null ? '–' : formatAmount(o.amount, lang)}</td>
  <td>${o.expected_close ?? '–'}</td>
  <td>${o.updated_at ?? '–'}</td>
  <td>${o.owner_id ? (d.names.get(o.owner_id) ?? o.owner_id) : '–'}</td>
</tr>`,
    ),
  );
}

function competitorsSection(ctx: PageContext, d: Account360): Html {
  const { lang } = ctx;
  const pt = (k: keyof typeof notePipelineTexts) => t(notePipelineTexts, k, lang);
  if (!d.competitors.length) return html`<p class="muted">${pt('consoleNone')}</p>`;
  return table(
    [pt('colCompetitor'), pt('colFirstSeen'), pt('colLastSeen'), pt('colMentions')],
    d.competitors.map(
      (c) => html`<tr data-competitor="${c.name}">
  <td>${c.name}</td>
  <td>${c.first_seen ?? '–'}</td>
  <td>${c.last_seen ?? '–'}</td>
  <td class="num">${String(c.mentions)}</td>
</tr>`,
    ),
  );
}

function projectsSection(ctx: PageContext, d: Account360): Html {
  if (!d.projects.length) return html`<p class="muted">${ct('projects_none', ctx.lang)}</p>`;
  return html`<ul class="plain">${d.projects.map((p) => html`<li>${p.name} <span class="muted small">${p.id}${p.started_at ? ` · ${p.started_at}` : ''}${p.status ? ` · ${label(PROJECT_STATUS, p.status, ctx.lang)}` : ''}</span></li>`)}</ul>`;
}

export function accountBody(ctx: PageContext, d: Account360): Html {
  const { lang } = ctx;
  const spark = sparkline(d.trend, { from: d.trendFrom, to: d.today, label: ct('trend_label', lang, { points: d.trend.map((p) => `${p.date} ${p.score}`).join(', ') }), width: 160, height: 36 });
  return html`<div class="account" data-account="${d.account.id}">
${overview(ctx, d)}
<div class="grid">
  ${card('alerts', ct('account_alerts_title', lang), alertsSection(ctx, d), 'wide')}
  ${card('budget', ct('budget_title', lang, { year: d.budget.year }), budgetSection(ctx, d))}
  ${card('team', ct('team_title', lang), teamSection(ctx, d))}
  ${card('health', ct('health_title', lang), healthSection(d.health, lang, spark), 'wide')}
  ${card('roadmap', ct('roadmap_title', lang), roadmapPlaceholder(ctx, d.account.id), 'wide')}
  ${card('tree', ct('tree_title', lang), treeSection(ctx, d))}
  ${showsRollup(d.rollup) ? card('rollup', rollupCardTitle(lang), rollupSection(ctx, d.rollup), 'wide') : ''}
  ${card('projects', ct('projects_title', lang), projectsSection(ctx, d))}
  ${d.relationshipMap ? card('relationship-map', rmt('card_title', lang), html`<div class="map-wrap">${trusted(d.relationshipMap)}</div>`, 'wide') : ''}
  ${card('chain', ct('chain_title', lang), chainSection(ctx, d), 'wide')}
  ${card('contracts', ct('contracts_title', lang), contractsSection(ctx, d), 'wide')}
  ${card('opportunities', ct('opps_title', lang), opportunitiesSection(ctx, d), 'wide')}
  ${card('competitors', t(notePipelineTexts, 'consoleTitle', lang), competitorsSection(ctx, d))}
  ${card('tickets', ct('tickets_title', lang), ticketsSection(ctx, d), 'wide')}
  ${card('timeline', ct('timeline_title', lang), timelineSection(ctx, d), 'wide')}
</div>
</div>`;
}
