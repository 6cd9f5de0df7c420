// Inline SVG pictures: the health sparkline and the budget progress bar. Pure: data in, markup out.
import { daysBetween } from '../../../domain/time.ts';
import { escapeHtml, trusted, type Html } from '../html.ts';

export interface SparkPoint {
  date: string;
  score: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Health over a window of dates [from, to]: x by date (gaps stay gaps), y from 0 to 100.
 * Returns null when there is nothing to draw.
 */
export function sparkline(points: SparkPoint[], opts: { from: string; to: string; label: string; width?: number; height?: number }): Html | null {
  const inside = points.filter((p) => p.date >= opts.from && p.date <= opts.to);
  if (!inside.length) return null;
  const w = opts.width ?? 120;
  const h = opts.height ?? 28;
  const pad = 3;
  const span = Math.max(1, daysBetween(opts.from, opts.to));
  const xy = inside.map((p) => {
    const x = pad + ((w - 2 * pad) * daysBetween(opts.from, p.date)) / span;
    const y = pad + ((h - 2 * pad) * (100 - Math.max(0, Math.min(100, p.score)))) / 100;
    return [round1(x), round1(y)] as const;
  });
  const last = xy[xy.length - 1];
  const line = xy.length > 1 ? `<polyline fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" points="${xy.map(([x, y]) => `${x},${y}`).join(' ')}"/>` : '';
  return trusted(
    `<svg class="spark" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="${escapeHtml(opts.label)}" data-points="${inside.length}">` +
      `<title>${escapeHtml(opts.label)}</title>` +
      `<line x1="${pad}" x2="${w - pad}" y1="${h / 2}" y2="${h / 2}" class="spark-mid"/>` +
      line +
      `<circle cx="${last[0]}" cy="${last[1]}" r="2.5" fill="currentColor"/>` +
      `</svg>`,
  );
}

/** 0.4 → 40, 0.8959 → 89.6: the number shown next to a % sign. */
export function percentOf(share: number): number {
  return Math.round(share * 1000) / 10;
}

export function percentText(share: number): string {
  return `${percentOf(share)}%`;
}

/**
 * Budget execution against the share of the year elapsed: a filled bar for what was ordered, a
 * marker where the year stands. The bar is "behind" when execution trails the year by more than
 * `lagPoints` percentage points (the budget_lag threshold).
 */
export function budgetBar(opts: { executed: number; elapsed: number; lagPoints: number; label: string; yearLabel: string }): Html {
  const exec = Math.max(0, opts.executed);
  const fill = Math.min(1, exec) * 100;
  const mark = Math.max(0, Math.min(1, opts.elapsed)) * 100;
  const behind = percentOf(opts.elapsed) - percentOf(exec) > opts.lagPoints;
  const text = percentText(exec);
  const textX = fill > 85 ? `${round1(fill - 1)}%` : `${round1(fill + 1)}%`;
  const anchor = fill > 85 ? 'end' : 'start';
  const markAnchor = mark > 80 ? 'end' : mark < 20 ? 'start' : 'middle';
  return trusted(
    `<svg class="budget-bar ${behind ? 'behind' : 'on-track'}" width="100%" height="44" role="img" aria-label="${escapeHtml(opts.label)}" ` +
      `data-testid="budget-bar" data-executed="${percentOf(exec)}" data-elapsed="${percentOf(opts.elapsed)}">` +
      `<title>${escapeHtml(opts.label)}</title>` +
      `<rect class="track" x="0" y="14" width="100%" height="20" rx="4"/>` +
      `<rect class="fill" x="0" y="14" width="${round1(fill)}%" height="20" rx="4"/>` +
      `<line class="mark" x1="${round1(mark)}%" x2="${round1(mark)}%" y1="10" y2="38"/>` +
      `<text class="mark-label" x="${round1(mark)}%" y="9" text-anchor="${markAnchor}">${escapeHtml(opts.yearLabel)} ${percentText(opts.elapsed)}</text>` +
      `<text class="value" x="${textX}" y="29" text-anchor="${anchor}">${text}</text>` +
      `</svg>`,
  );
}
