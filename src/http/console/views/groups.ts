// The group-chat page: bindings (platform, chat id, account or team), a bind form, unbind buttons
// where the user may manage the binding, and what WeCom app chats cannot do.
import { html, type Html } from '../html.ts';
import { GROUP_PLATFORMS, type GroupBinding } from '../../../domain/groups.ts';
import { ct } from '../../../../prompts/console.ts';
import type { PageContext } from '../context.ts';
import { shortDateTime } from './format.ts';

export interface GroupRow {
  binding: GroupBinding;
  /** The user may unbind it. */
  manage: boolean;
}

export function groupsBody(ctx: PageContext, rows: GroupRow[]): Html {
  const { lang } = ctx;
  return html`<h1>${ct('groups_title', lang)}</h1>
<p class="muted">${ct('groups_intro', lang)}</p>
<p class="muted small">${ct(ctx.user.role === 'admin' ? 'groups_scope_admin' : 'groups_scope_user', lang)}</p>
${rows.length === 0
  ? html`<p class="muted" data-testid="groups-empty">${ct('groups_none', lang)}</p>`
  : html`<div class="table-wrap"><table class="data" data-testid="groups-table">
<thead><tr><th>${ct('col_platform', lang)}</th><th>${ct('col_chat_id', lang)}</th><th>${ct('col_bound_to', lang)}</th><th>${ct('col_bound_by', lang)}</th><th>${ct('col_bound_at', lang)}</th><th></th></tr></thead>
<tbody>${rows.map(({ binding: b, manage }) => html`<tr data-group="${b.platform}:${b.chatId}">
  <td>${b.platform}</td>
  <td><code>${b.chatId}</code></td>
  <td>${ct(b.target.kind === 'account' ? 'group_kind_account' : 'group_kind_team', lang)} · ${b.targetName} <span class="muted small">(${b.target.id})</span></td>
  <td>${b.boundBy ?? '–'}</td>
  <td>${b.boundAt ? shortDateTime(b.boundAt, ctx.tz) : '–'}</td>
  <td>${manage
    ? html`<form method="post" action="${ctx.href('/console/groups/unbind')}" class="inline"><input type="hidden" name="platform" value="${b.platform}"><input type="hidden" name="chat_id" value="${b.chatId}"><button type="submit" class="link">${ct('group_unbind', lang)}</button></form>`
    : ''}</td>
</tr>`)}</tbody></table></div>`}
<section class="card wide">
  <h2>${ct('groups_bind_title', lang)}</h2>
  <form method="post" action="${ctx.href('/console/groups')}" class="group-bind" data-testid="group-bind">
    <label>${ct('col_platform', lang)} <select name="platform">${GROUP_PLATFORMS.map((p) => html`<option value="${p}">${p}</option>`)}</select></label>
    <label>${ct('col_chat_id', lang)} <input name="chat_id" required maxlength="200" placeholder="${ct('group_chat_hint', lang)}" size="28"></label>
    <label>${ct('group_target', lang)} <input name="target" required placeholder="${ct('group_target_hint', lang)}" size="28"></label>
    <button type="submit">${ct('group_bind', lang)}</button>
  </form>
  <p class="muted small">${ct('group_wecom_note', lang)}</p>
</section>`;
}
