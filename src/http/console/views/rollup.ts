// The group roll-up card of the 360° page: totals (with the partial-view warning) and a table of
// the units with each one's share of the group.
import { html, type Html } from '../html.ts';
import { t, type Lang } from '../../../../prompts/index.ts';
import { rollupConsoleTexts } from '../../../../prompts/rollup.ts';
import { formatAmount, formatPercent } from '../../../tools/format.ts';
import type { GroupRollup } from '../../../insights/rollup/build.ts';
import { rollupTitle, rollupTotalLines } from '../../../insights/rollup/render.ts';
import type { PageContext } from '../context.ts';

const rc = (key: keyof typeof rollupConsoleTexts, lang: Lang) => t(rollupConsoleTexts, key, lang);
const share = (x: number | null) => (x === null ? '' : html` <span class="muted small">${formatPercent(x)}</span>`);
const dash = '–';

/** Whether the account is part of a group worth rolling up. */
export function showsRollup(r: GroupRollup | undefined): r is GroupRollup {
  return !!r && (r.units.length > 1 || r.partial);
}

export function rollupSection(ctx: PageContext, r: GroupRollup): Html {
  const { lang } = ctx;
  const x = r.totals;
  const head = ['col_unit', 'col_budget', 'col_orders', 'col_execution', 'col_pipeline', 'col_tickets', 'col_health'] as const;
  const rows = r.units.map(
    (u) => html`<tr data-unit="${u.id}" class="${u.id === r.account.id ? 'current' : ''}">
  <td class="depth-${Math.min(u.depth, 5)}">${u.id === r.account.id ? html`<strong>${u.name}</strong>` : html`<a href="${ctx.href(`/console/accounts/${encodeURIComponent(u.id)}`)}">${u.name}</a>`}</td>
  <td class="num">${u.budget === null ? dash : html`${formatAmount(u.budget, lang)}${share(u.shares.budget)}`}</td>
  <td class="num">${formatAmount(u.ordered, lang)}${share(u.shares.ordered)}</td>
  <td class="num">${u.budget ? formatPercent(u.ordered / u.budget) : dash}</td>
  <td class="num">${formatAmount(u.pipelineAmount, lang)}${share(u.shares.pipeline)}</td>
  <td class="num">${u.openTickets}</td>
  <td class="num">${u.health ?? dash}${share(u.shares.healthWeight)}</td>
</tr>`,
  );
  const total = html`<tr class="total" data-unit="total">
  <th>${rc('total_row', lang)}</th>
  <td class="num">${x.budget === null ? dash : formatAmount(x.budget, lang)}</td>
  <td class="num">${formatAmount(x.ordered, lang)}</td>
  <td class="num">${x.execution === null ? dash : formatPercent(x.execution)}</td>
  <td class="num">${formatAmount(x.pipelineAmount, lang)}</td>
  <td class="num">${x.openTickets}</td>
  <td class="num">${x.health ?? dash}</td>
</tr>`;
  return html`<div class="rollup" data-testid="rollup" data-partial="${String(r.partial)}">
  <p class="small"><strong>${rollupTitle(r, lang)}</strong></p>
  <ul class="plain small">${rollupTotalLines(r, lang).map((l) => html`<li class="${l.startsWith('⚠') ? 'warn' : ''}">${l.replace(/^• /, '')}</li>`)}</ul>
  <div class="table-wrap"><table class="data"><thead><tr>${head.map((h) => html`<th>${rc(h, lang)}</th>`)}</tr></thead><tbody>${rows}${total}</tbody></table></div>
</div>`;
}

export const rollupCardTitle = (lang: Lang) => rc('card_title', lang);
