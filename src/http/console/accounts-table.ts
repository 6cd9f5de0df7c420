// The accounts table's filters and sort order, read from the query string. Pure.
import type { Band } from '../../domain/health/types.ts';
import type { Tier } from '../../domain/types.ts';

export interface AccountTableRow {
  id: string;
  name: string;
  aliases: string[];
  parentId: string | null;
  tier: Tier | null;
  suggestedTier: Tier | null;
  health: number | null;
  band: Band | null;
  openAlerts: number;
  ownerId: string;
  ownerName: string | null;
  industry: string | null;
}

export const SORT_KEYS = ['name', 'tier', 'suggested', 'health', 'alerts', 'owner'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
const TIERS = ['S', 'A', 'B', 'C'] as const;
const BANDS = ['healthy', 'watch', 'at_risk'] as const;

export interface TableQuery {
  q: string;
  tier?: Tier;
  band?: Band;
  owner?: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  /** 1-based page of the filtered, sorted list. */
  page: number;
}

export function parseTableQuery(q: Record<string, string | undefined>): TableQuery {
  const sort = (SORT_KEYS as readonly string[]).includes(q.sort ?? '') ? (q.sort as SortKey) : 'tier';
  return {
    q: (q.q ?? '').trim().slice(0, 100),
    tier: (TIERS as readonly string[]).includes(q.tier ?? '') ? (q.tier as Tier) : undefined,
    band: (BANDS as readonly string[]).includes(q.band ?? '') ? (q.band as Band) : undefined,
    owner: q.owner?.trim() || undefined,
    sort,
    dir: q.dir === 'desc' ? 'desc' : q.dir === 'asc' ? 'asc' : defaultDir(sort),
    page: /^\d{1,6}$/.test(q.page ?? '') && Number(q.page) >= 1 ? Number(q.page) : 1,
  };
}

/** Scores and alert counts read best biggest first; names and tiers from the top. */
export function defaultDir(sort: SortKey): 'asc' | 'desc' {
  return sort === 'health' || sort === 'alerts' ? 'desc' : 'asc';
}

const tierRank = (t: Tier | null) => (t ? TIERS.indexOf(t) : TIERS.length);

function matches(row: AccountTableRow, q: TableQuery): boolean {
  if (q.tier && row.tier !== q.tier) return false;
  if (q.band && row.band !== q.band) return false;
  if (q.owner && row.ownerId !== q.owner) return false;
  if (q.q) {
    const needle = q.q.toLowerCase();
    const hay = [row.id, row.name, ...row.aliases].map((s) => s.toLowerCase());
    if (!hay.some((s) => s.includes(needle))) return false;
  }
  return true;
}

function compare(a: AccountTableRow, b: AccountTableRow, sort: SortKey): number {
  switch (sort) {
    case 'name':
      return a.name.localeCompare(b.name, 'zh-CN');
    case 'tier':
      return tierRank(a.tier) - tierRank(b.tier);
    case 'suggested':
      return tierRank(a.suggestedTier) - tierRank(b.suggestedTier);
    case 'health':
      return (a.health ?? -1) - (b.health ?? -1);
    case 'alerts':
      return a.openAlerts - b.openAlerts;
    case 'owner':
      return (a.ownerName ?? a.ownerId).localeCompare(b.ownerName ?? b.ownerId, 'zh-CN');
  }
}

/** Filters, then sorts (ties by id, so the order is stable and the same on every load). */
export function applyTableQuery(rows: AccountTableRow[], q: TableQuery): AccountTableRow[] {
  const sign = q.dir === 'desc' ? -1 : 1;
  return rows.filter((r) => matches(r, q)).sort((a, b) => sign * compare(a, b, q.sort) || a.id.localeCompare(b.id));
}

export interface PageOf<T> {
  rows: T[];
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown. */
  first: number;
  last: number;
  total: number;
}

/** One page of rows; a page past the end shows the last one. */
export function paginate<T>(rows: T[], page: number, size: number): PageOf<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(1, page), pages);
  const slice = rows.slice((p - 1) * size, p * size);
  return { rows: slice, page: p, pages, first: slice.length ? (p - 1) * size + 1 : 0, last: (p - 1) * size + slice.length, total: rows.length };
}
