// The rules page: every tunable setting by group, its value and default, editable by an admin.
import { html, type Html } from '../html.ts';
import type { SettingDef, SettingGroup } from '../../../domain/settings.ts';
import { ruleNames } from '../../../../prompts/insights.ts';
import { ct, named, settingNames, type ConsoleKey } from '../../../../prompts/console.ts';
import type { PageContext } from '../context.ts';

export function settingText(v: unknown): string {
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

export function settingLabel(key: string, lang: PageContext['lang']): string {
  const [head, ...rest] = key.split('.');
  if (ruleNames[head]) return `${ruleNames[head][lang]} · ${named(settingNames, rest.join('.'), lang)}`;
  return named(settingNames, key, lang);
}

const GROUPS: { id: SettingGroup; key: ConsoleKey }[] = [
  { id: 'rules', key: 'group_rules' },
  { id: 'health', key: 'group_health' },
  { id: 'schedule', key: 'group_schedule' },
  { id: 'outbox', key: 'group_outbox' },
];

export function rulesBody(ctx: PageContext, defs: SettingDef[], values: Map<string, unknown>, changed: Set<string>): Html {
  const { lang } = ctx;
  const admin = ctx.user.role === 'admin';
  const input = (d: SettingDef, v: unknown) =>
    typeof d.default === 'boolean'
      ? html`<select name="value" aria-label="${d.key}">${['true', 'false'].map((o) => html`<option value="${o}"${String(v) === o ? ' selected' : ''}>${o}</option>`)}</select>`
      : html`<input name="value" value="${settingText(v)}" aria-label="${d.key}" size="${Math.max(6, Math.min(24, settingText(v).length + 2))}">`;
  return html`<h1>${ct('rules_title', lang)}</h1>
<p class="muted">${ct('rules_intro', lang)}</p>
${admin ? '' : html`<p class="notice inline-notice">${ct('rules_readonly', lang)}</p>`}
${GROUPS.map((g) => {
  const list = defs.filter((d) => d.group === g.id);
  if (!list.length) return '';
  return html`<section class="card wide rules-group" data-group="${g.id}">
  <h2>${ct(g.key, lang)}</h2>
  <div class="table-wrap"><table class="data settings">
  <thead><tr><th>${ct('col_setting', lang)}</th><th>${ct('col_value', lang)}</th><th>${ct('col_default', lang)}</th></tr></thead>
  <tbody>${list.map((d) => {
    const v = values.get(d.key);
    const isChanged = changed.has(d.key);
    return html`<tr data-setting="${d.key}"${isChanged ? html` class="changed"` : ''}>
    <td>${settingLabel(d.key, lang)}<div class="muted small"><code>${d.key}</code>${isChanged ? html` <span class="tag">${ct('changed', lang)}</span>` : ''}</div></td>
    <td>${admin
      ? html`<form method="post" action="${ctx.href('/console/rules')}" class="inline setting-form">
        <input type="hidden" name="key" value="${d.key}">${input(d, v)}
        <button type="submit" class="secondary small">${ct('save', lang)}</button>
      </form>${isChanged ? html`<form method="post" action="${ctx.href('/console/rules/reset')}" class="inline"><input type="hidden" name="key" value="${d.key}"><button type="submit" class="link small">${ct('reset', lang)}</button></form>` : ''}`
      : html`<code>${settingText(v)}</code>`}</td>
    <td><code>${settingText(d.default)}</code></td>
  </tr>`;
  })}</tbody></table></div>
</section>`;
})}`;
}
