// The outbox page: pushes waiting, failed for good, or with no way to reach the recipient.
import { html, type Html } from '../html.ts';
import type { ConsoleOutboxRow } from '../../../store/console-queries.ts';
import { ct, type ConsoleKey } from '../../../../prompts/console.ts';
import type { PageContext } from '../context.ts';
import { shortDateTime } from './format.ts';

export const OUTBOX_TABS = ['pending', 'failed', 'undeliverable', 'sent'] as const;
export type OutboxTab = (typeof OUTBOX_TABS)[number];

const statusName = (s: string, lang: PageContext['lang']) =>
  ['pending', 'sending', 'sent', 'failed', 'undeliverable'].includes(s) ? ct(`status_${s}` as ConsoleKey, lang) : s;
const kindName = (k: string, lang: PageContext['lang']) => (['alert', 'escalation', 'briefing'].includes(k) ? ct(`kind_${k}` as ConsoleKey, lang) : k);

export function outboxBody(ctx: PageContext, tab: OutboxTab, rows: ConsoleOutboxRow[], scope: 'admin' | 'team' | 'self'): Html {
  const { lang } = ctx;
  const admin = ctx.user.role === 'admin';
  const retryable = tab === 'failed' || tab === 'undeliverable';
  return html`<h1>${ct('outbox_title', lang)}</h1>
<p class="muted small">${scope === 'admin' ? ct('outbox_scope_admin', lang) : ct('outbox_scope_user', lang, { team: scope === 'team' ? ct('outbox_scope_team', lang) : '' })}</p>
<div class="toolbar">
  <nav class="tabs">${OUTBOX_TABS.map((s) => html`<a href="${ctx.href('/console/outbox', { status: s })}"${s === tab ? html` class="active" aria-current="true"` : ''}>${statusName(s, lang)}</a>`)}</nav>
  ${admin && retryable && rows.length
    ? html`<form method="post" action="${ctx.href('/console/outbox/retry')}" class="inline"><input type="hidden" name="status" value="${tab}"><button type="submit" class="secondary">${ct('requeue', lang)} (${rows.length})</button></form>`
    : ''}
</div>
${rows.length === 0
  ? html`<p class="muted" data-testid="outbox-empty">${ct('outbox_none', lang)}</p>`
  : html`<div class="table-wrap"><table class="data" data-testid="outbox-table">
<thead><tr><th>#</th><th>${ct('col_recipient', lang)}</th><th>${ct('col_kind', lang)}</th><th>${ct('col_message', lang)}</th><th>${ct('col_status', lang)}</th><th>${ct('col_platform', lang)}</th><th>${ct('col_attempts', lang)}</th><th>${tab === 'sent' ? ct('col_created', lang) : ct('col_next_attempt', lang)}</th><th>${ct('col_error', lang)}</th>${admin && retryable ? html`<th></th>` : ''}</tr></thead>
<tbody>${rows.map(
      (r) => html`<tr data-outbox="${r.id}">
  <td>${r.id}</td>
  <td>${r.recipient_name ?? r.recipient_id}<div class="muted small">${r.recipient_id}</div></td>
  <td>${kindName(r.kind, lang)}</td>
  <td>${r.title ?? '–'}</td>
  <td><span class="status status-${r.status}">${statusName(r.status, lang)}</span></td>
  <td>${r.platform ?? '–'}</td>
  <td class="num">${r.attempts}</td>
  <td>${shortDateTime(tab === 'sent' ? (r.sent_at ?? r.created_at) : r.next_attempt_at, ctx.tz)}</td>
  <td class="small">${r.last_error ?? ''}</td>
  ${admin && retryable ? html`<td><form method="post" action="${ctx.href('/console/outbox/retry')}" class="inline"><input type="hidden" name="id" value="${r.id}"><input type="hidden" name="status" value="${tab}"><button type="submit" class="link">${ct('requeue', lang)}</button></form></td>` : ''}
</tr>`,
    )}</tbody></table></div>`}`;
}
