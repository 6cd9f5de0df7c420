// One alert as a card: rule, account, message, recommended action, recipients, and either who
// acknowledged it or an acknowledge button for a recipient.
import { html, type Html } from '../html.ts';
import { alertTexts, ruleNames, severityNames } from '../../../../prompts/insights.ts';
import { t } from '../../../../prompts/index.ts';
import { ct } from '../../../../prompts/console.ts';
import type { Alert } from '../../../insights/alerts/evaluate.ts';
import type { ConsoleAlert } from '../../../store/console-queries.ts';
import { alertText } from '../alert-text.ts';
import type { PageContext } from '../context.ts';
import { shortDateTime } from './format.ts';

export interface AlertCardData {
  /** Recorded alerts have an id; a live finding not recorded yet has none. */
  id?: number;
  rule: string;
  accountId: string;
  accountName: string;
  severity: string;
  message: string;
  action: string | null;
  recipients: string[];
  firedAt?: Date;
  acknowledgedAt?: Date | null;
  acknowledgedBy?: string | null;
  escalated?: boolean;
}

export function alertCard(ctx: PageContext, a: AlertCardData, names: Map<string, string>, opts: { showAccount?: boolean } = {}): Html {
  const { lang } = ctx;
  const who = (id: string) => names.get(id) ?? id;
  const open = a.id !== undefined && !a.acknowledgedAt;
  const canAck = open && a.recipients.includes(ctx.user.id);
  return html`<article class="alert sev-${a.severity}${open ? ' open' : ''}" ${a.id !== undefined ? html`data-alert="${a.id}" data-testid="alert-${a.id}"` : html`data-testid="alert-live"`}>
  <header>
    <span class="sev">${t(severityNames, a.severity, lang)}</span>
    <strong>${t(ruleNames, a.rule, lang)}</strong>
    ${opts.showAccount !== false ? html`· <a href="${ctx.href(`/console/accounts/${encodeURIComponent(a.accountId)}`)}">${a.accountName}</a>` : ''}
    ${a.escalated ? html`<span class="tag">${ct('escalated', lang)}</span>` : ''}
    ${a.firedAt ? html`<span class="muted small when">${shortDateTime(a.firedAt, ctx.tz)}</span>` : ''}
  </header>
  <p>${a.message}</p>
  ${a.action ? html`<p class="action"><span class="muted">${t(alertTexts, 'action', lang)}:</span> ${a.action}</p>` : ''}
  <footer>
    <span class="muted small">${ct('col_recipients', lang)}: ${a.recipients.map(who).join(lang === 'zh' ? '、' : ', ')}</span>
    ${a.acknowledgedAt
      ? html`<span class="acked small" data-testid="acked">✓ ${ct('acked_by', lang, { user: who(a.acknowledgedBy ?? ''), at: shortDateTime(a.acknowledgedAt, ctx.tz) })}</span>`
      : canAck
        ? html`<form method="post" action="${ctx.href(`/console/alerts/${a.id}/ack`)}" class="inline">
      <input type="hidden" name="next" value="${ctx.req.url}">
      <button type="submit" class="primary small" data-testid="ack-${a.id}">${ct('ack', lang)}</button>
    </form>`
        : ''}
  </footer>
</article>`;
}

/** A recorded alert's card, worded in the page's language. */
export function recordedAlertCard(ctx: PageContext, a: ConsoleAlert, names: Map<string, string>, opts: { showAccount?: boolean } = {}): Html {
  const { message, action } = alertText(a, ctx.lang);
  const acked = a.acknowledged_at && a.acknowledged_at <= ctx.now ? a.acknowledged_at : null;
  return alertCard(
    ctx,
    { id: a.id, rule: a.rule, accountId: a.account_id, accountName: a.account_name, severity: a.severity, message, action, recipients: a.recipients, firedAt: a.fired_at, acknowledgedAt: acked, acknowledgedBy: a.acknowledged_by, escalated: a.escalation_level > 0 },
    names,
    opts,
  );
}

/** An alert that fires now but is not recorded yet. */
export function liveAlertCard(ctx: PageContext, a: Alert, names: Map<string, string>, opts: { showAccount?: boolean } = {}): Html {
  return alertCard(ctx, { rule: a.rule, accountId: a.accountId, accountName: a.accountName, severity: a.severity, message: a.message, action: a.action, recipients: a.recipients }, names, opts);
}
