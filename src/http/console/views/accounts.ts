// The accounts list: filters, sortable columns, health with its 90-day sparkline, open alerts.
import { html, type Html } from '../html.ts';
import type { Lang } from '../../../../prompts/index.ts';
import { ct, type ConsoleKey } from '../../../../prompts/console.ts';
import { defaultDir, type AccountTableRow, type PageOf, type SortKey, type TableQuery } from '../accounts-table.ts';
import type { PageContext } from '../context.ts';
import { sparkline, type SparkPoint } from './svg.ts';

export function bandName(band: string | null, lang: Lang): string {
  return band === 'healthy' || band === 'watch' || band === 'at_risk' ? ct(`band_${band}`, lang) : '';
}

export function tierBadge(tier: string | null): Html {
  return tier ? html`<span class="tier tier-${tier}">${tier}</span>` : html`<span class="muted">–</span>`;
}

export function scoreBadge(score: number | null, band: string | null, lang: Lang): Html {
  if (score === null) return html`<span class="muted">–</span>`;
  return html`<span class="score band-${band ?? 'none'}" title="${bandName(band, lang)}">${score}</span>`;
}

const COLUMNS: { key: SortKey | null; label: ConsoleKey }[] = [
  { key: 'name', label: 'col_account' },
  { key: 'tier', label: 'col_tier' },
  { key: 'suggested', label: 'col_suggested' },
  { key: 'health', label: 'col_health' },
  { key: null, label: 'col_trend' },
  { key: 'alerts', label: 'col_alerts' },
  { key: 'owner', label: 'col_owner' },
];

export interface AccountsView {
  shown: PageOf<AccountTableRow>;
  query: TableQuery;
  owners: { id: string; name: string }[];
  trends: Map<string, SparkPoint[]>;
  trendFrom: string;
  trendTo: string;
  /** The date of the latest health snapshot the list shows, if any. */
  snapshotDate?: string;
}

export function accountsBody(ctx: PageContext, v: AccountsView): Html {
  const { lang } = ctx;
  const q = v.query;
  const keep = { q: q.q || undefined, tier: q.tier, band: q.band, owner: q.owner };
  const sortHref = (key: SortKey) => ctx.href('/console/accounts', { ...keep, sort: key, dir: q.sort === key ? (q.dir === 'asc' ? 'desc' : 'asc') : defaultDir(key) });
  const opt = (value: string, label: string, current: string | undefined) => html`<option value="${value}"${value === (current ?? '') ? ' selected' : ''}>${label}</option>`;
  return html`<h1>${ct('accounts_title', lang)}</h1>
<form class="filters" method="get" action="/console/accounts" data-testid="accounts-filters">
  ${ctx.at ? html`<input type="hidden" name="at" value="${ctx.at}">` : ''}
  <input type="hidden" name="sort" value="${q.sort}"><input type="hidden" name="dir" value="${q.dir}">
  <input type="search" name="q" value="${q.q}" placeholder="${ct('filter_search', lang)}" aria-label="${ct('filter_search', lang)}">
  <label>${ct('filter_tier', lang)} <select name="tier">${opt('', ct('filter_any', lang), q.tier)}${['S', 'A', 'B', 'C'].map((t) => opt(t, t, q.tier))}</select></label>
  <label>${ct('filter_band', lang)} <select name="band">${opt('', ct('filter_any', lang), q.band)}${['healthy', 'watch', 'at_risk'].map((b) => opt(b, bandName(b, lang), q.band))}</select></label>
  <label>${ct('filter_owner', lang)} <select name="owner">${opt('', ct('filter_any', lang), q.owner)}${v.owners.map((o) => opt(o.id, o.name, q.owner))}</select></label>
  <button type="submit" class="secondary">${ct('filter_apply', lang)}</button>
  <a href="${ctx.href('/console/accounts')}">${ct('filter_reset', lang)}</a>
</form>
<p class="muted">${ct('accounts_count', lang, { n: v.shown.total })}${v.shown.pages > 1 ? ` · ${ct('page_range', lang, { first: v.shown.first, last: v.shown.last })}` : ''}</p>
${v.shown.total === 0
  ? html`<p class="empty">${ct('accounts_none', lang)}</p>`
  : html`<div class="table-wrap"><table class="data accounts" data-testid="accounts-table">
<thead><tr>${COLUMNS.map((c) =>
      c.key
        ? html`<th${q.sort === c.key ? html` aria-sort="${q.dir === 'asc' ? 'ascending' : 'descending'}"` : ''}><a href="${sortHref(c.key)}" title="${ct('sort_by', lang, { column: ct(c.label, lang) })}">${ct(c.label, lang)}${q.sort === c.key ? (q.dir === 'asc' ? ' ▲' : ' ▼') : ''}</a></th>`
        : html`<th>${ct(c.label, lang)}</th>`,
    )}</tr></thead>
<tbody>
${v.shown.rows.map((r) => {
  const trend = v.trends.get(r.id) ?? [];
  const spark = sparkline(trend, { from: v.trendFrom, to: v.trendTo, label: ct('trend_label', lang, { points: trend.map((p) => `${p.date} ${p.score}`).join(', ') }) });
  return html`<tr data-account="${r.id}">
  <td><a href="${ctx.href(`/console/accounts/${encodeURIComponent(r.id)}`)}">${r.name}</a><div class="muted small">${r.id}${r.industry ? ` · ${r.industry}` : ''}</div></td>
  <td>${tierBadge(r.tier)}</td>
  <td>${tierBadge(r.suggestedTier)}</td>
  <td>${scoreBadge(r.health, r.band, lang)}</td>
  <td class="trend band-${r.band ?? 'none'}">${spark ?? html`<span class="muted small">${ct('no_trend', lang)}</span>`}</td>
  <td>${r.openAlerts ? html`<a class="count alert-count" href="${ctx.href('/console/alerts', { account: r.id })}">${r.openAlerts}</a>` : html`<span class="muted">0</span>`}</td>
  <td>${r.ownerName ?? r.ownerId}</td>
</tr>`;
})}
</tbody></table></div>
${v.shown.pages > 1 ? pager(ctx, v) : ''}
${v.snapshotDate ? html`<p class="muted small">${ct('health_from_snapshots', lang, { date: v.snapshotDate })}</p>` : ''}`}`;
}

function pager(ctx: PageContext, v: AccountsView): Html {
  const { lang } = ctx;
  const q = v.query;
  const at = (page: number) => ctx.href('/console/accounts', { q: q.q || undefined, tier: q.tier, band: q.band, owner: q.owner, sort: q.sort, dir: q.dir, page });
  return html`<nav class="pager" data-testid="pager">
  ${v.shown.page > 1 ? html`<a href="${at(v.shown.page - 1)}" rel="prev">← ${ct('page_prev', lang)}</a>` : html`<span></span>`}
  <span class="muted">${ct('page_of', lang, { page: v.shown.page, pages: v.shown.pages })}</span>
  ${v.shown.page < v.shown.pages ? html`<a href="${at(v.shown.page + 1)}" rel="next">${ct('page_next', lang)} →</a>` : html`<span></span>`}
</nav>`;
}
