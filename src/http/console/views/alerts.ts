// The alerts page: recorded alerts on the visible accounts (open, acknowledged, all; only mine),
// what fires right now, and for an admin the button that runs the sweep.
import { html, type Html } from '../html.ts';
import type { Alert } from '../../../insights/alerts/evaluate.ts';
import type { ConsoleAlert } from '../../../store/console-queries.ts';
import { ct } from '../../../../prompts/console.ts';
import type { PageContext } from '../context.ts';
import { liveAlertCard, recordedAlertCard } from './alert-card.ts';

export interface AlertsView {
  status: 'open' | 'acknowledged' | 'all';
  mine: boolean;
  account?: { id: string; name: string };
  recorded: ConsoleAlert[];
  firing: Alert[];
  /** Whether the rules were evaluated live for this page. */
  live: boolean;
  names: Map<string, string>;
  today: string;
}

export function alertsBody(ctx: PageContext, v: AlertsView): Html {
  const { lang } = ctx;
  const params = { mine: v.mine ? '1' : undefined, account: v.account?.id };
  const tab = (status: AlertsView['status'], key: 'alerts_open' | 'alerts_acked' | 'alerts_all') =>
    html`<a href="${ctx.href('/console/alerts', { ...params, status })}"${v.status === status ? html` class="active" aria-current="true"` : ''}>${ct(key, lang)}</a>`;
  return html`<h1>${ct('alerts_title', lang)}${v.account ? html` · <a href="${ctx.href(`/console/accounts/${encodeURIComponent(v.account.id)}`)}">${v.account.name}</a>` : ''}</h1>
<div class="toolbar">
  <nav class="tabs">${tab('open', 'alerts_open')}${tab('acknowledged', 'alerts_acked')}${tab('all', 'alerts_all')}</nav>
  <a class="toggle" href="${ctx.href('/console/alerts', { status: v.status, account: v.account?.id, mine: v.mine ? undefined : '1' })}">${v.mine ? '☑' : '☐'} ${ct('alerts_mine', lang)}</a>
  ${ctx.user.role === 'admin'
    ? html`<form method="post" action="${ctx.href('/console/alerts/sweep')}" class="inline" title="${ct('sweep_hint', lang)}"><button type="submit" class="secondary" data-testid="sweep">${ct('sweep_run', lang)}</button></form>`
    : ''}
  ${!v.live && v.status !== 'acknowledged' ? html`<a href="${ctx.href('/console/alerts', { ...params, status: v.status, live: '1' })}" data-testid="evaluate-live">${ct('alerts_evaluate_live', lang)}</a>` : ''}
</div>
<section class="alerts" data-testid="alerts-recorded">
${v.recorded.length
  ? v.recorded.map((a) => recordedAlertCard(ctx, a, v.names))
  : html`<p class="muted">${ct('alerts_none', lang)}</p>`}
</section>
${v.firing.length
  ? html`<h2>${ct('alerts_firing_title', lang, { at: v.today })}</h2>
<p class="muted small">${ct('alerts_firing_note', lang)}</p>
<section class="alerts" data-testid="alerts-firing">${v.firing.map((a) => liveAlertCard(ctx, a, v.names))}</section>`
  : ''}`;
}
