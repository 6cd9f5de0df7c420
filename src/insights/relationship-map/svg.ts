// The relationship map as a standalone SVG (pure): one column per department, one row per level,
// a card per contact filled by role and bordered by attitude, a badge with the days since we last
// met them, and the gaps drawn in red (missing decision maker, decision makers not met,
// departments not reached). The same markup is inlined in the console and rasterized for chat.
import { ATTITUDE, DECISION_ROLE, LEVEL, label } from '../../../prompts/conversation/labels.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { relationshipMapTexts as T } from '../../../prompts/relationship-map.ts';
import type { PlacedContact, Recency, RelationshipMap } from '../../domain/relationship-map.ts';
import type { Attitude, DecisionRole } from '../../domain/types.ts';

export interface MapPicture {
  account: string;
  date: string;
  lang: Lang;
  /** Days that count as "recent" for the badge colour. */
  recentDays: number;
}

/** Families tried in order: the CJK fonts a Linux, macOS or Windows server commonly has. */
export const MAP_FONT_FAMILY = 'WenQuanYi Zen Hei, Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, DejaVu Sans, sans-serif';

export const ROLE_FILL: Record<DecisionRole | 'none', string> = {
  decision_maker: '#c9dcff',
  influencer: '#e4d7ff',
  evaluator: '#d4f0f0',
  gatekeeper: '#ffe7c2',
  user: '#e8edf2',
  none: '#ffffff',
};
export const ATTITUDE_STROKE: Record<Attitude | 'none', string> = { supporter: '#2e9d52', neutral: '#7b8494', opponent: '#d64545', none: '#aab2bf' };
export const RECENCY_FILL: Record<Recency, string> = { recent: '#2e9d52', stale: '#d99a00', cold: '#d64545', never: '#9aa3b2' };
const GAP = '#d64545';
const INK = '#1f2733';
const MUTED = '#5d6675';

const CARD_W = 176;
const CARD_H = 60;
const CARD_GAP = 10;
const PAD = 8;
const COL_W = CARD_W + 2 * PAD;
const MARGIN = 16;
const ROW_LABEL_W = 72;
const HEAD_H = 58;
const COL_HEAD_H = 40;
const LEGEND_H = 60;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Rough advance width: CJK glyphs are square, Latin about 0.6 em. */
function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.6;
  return w;
}

export function fit(s: string, size: number, width: number): string {
  if (textWidth(s, size) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(`${out}${ch}…`, size) > width) break;
    out += ch;
  }
  return `${out}…`;
}

const text = (x: number, y: number, s: string, attrs: string) => `<text x="${x}" y="${y}" ${attrs}>${escapeXml(s)}</text>`;

/** The gaps in one line of words ("未识别决策人;工程部90天未触达"), or that there are none. */
export function gapSummary(map: RelationshipMap, names: Map<string, string>, lang: Lang): string {
  const parts: string[] = [];
  if (map.gaps.noDecisionMaker) parts.push(t(T, 'gapNoDm', lang));
  if (map.gaps.unmetDecisionMakers.length) {
    parts.push(t(T, 'gapUnmetDm', lang, { names: map.gaps.unmetDecisionMakers.map((id) => names.get(id) ?? id).join(lang === 'zh' ? '、' : ', '), days: map.windowDays }));
  }
  if (map.gaps.departmentsNotReached.length) {
    parts.push(t(T, 'gapDepartments', lang, { departments: map.gaps.departmentsNotReached.join(lang === 'zh' ? '、' : ', '), days: map.windowDays }));
  }
  return parts.length ? t(T, 'gapsLine', lang, { gaps: parts.join(lang === 'zh' ? ';' : '; ') }) : t(T, 'gapsNone', lang);
}

function badge(c: PlacedContact, x: number, y: number, lang: Lang): string {
  const days = c.daysSince === null ? t(T, 'neverBadge', lang) : t(T, 'daysBadge', lang, { days: c.daysSince > 999 ? '999+' : c.daysSince });
  const w = Math.max(30, textWidth(days, 10) + 12);
  return (
    `<g class="badge recency-${c.recency}" data-recency="${c.recency}">` +
    `<rect x="${x - w}" y="${y}" width="${w}" height="16" rx="8" fill="${RECENCY_FILL[c.recency]}"/>` +
    text(x - w / 2, y + 12, days, `font-size="10" fill="#ffffff" text-anchor="middle"`) +
    `</g>`
  );
}

function card(c: PlacedContact, x: number, y: number, lang: Lang): string {
  const stroke = ATTITUDE_STROKE[c.attitude ?? 'none'];
  const width = c.attitude === 'opponent' ? 3 : 2;
  const dash = c.attitude ? '' : ' stroke-dasharray="4 3"';
  const role = c.role ? label(DECISION_ROLE, c.role, lang) : t(T, 'roleUnknown', lang);
  const attitude = c.attitude ? label(ATTITUDE, c.attitude, lang) : t(T, 'attitudeUnknown', lang);
  const parts = [
    `<g class="contact" data-contact="${escapeXml(c.id)}" data-role="${c.role ?? ''}" data-attitude="${c.attitude ?? ''}">`,
    c.unmetDecisionMaker ? `<rect class="gap-unmet" x="${x - 4}" y="${y - 4}" width="${CARD_W + 8}" height="${CARD_H + 8}" rx="9" fill="none" stroke="${GAP}" stroke-width="2" stroke-dasharray="6 4"/>` : '',
    `<rect x="${x}" y="${y}" width="${CARD_W}" height="${CARD_H}" rx="6" fill="${ROLE_FILL[c.role ?? 'none']}" stroke="${stroke}" stroke-width="${width}"${dash}/>`,
    text(x + 10, y + 20, fit(c.name, 14, CARD_W - 60), `font-size="14" font-weight="bold" fill="${INK}"`),
    text(x + 10, y + 37, fit(c.title ?? '', 11, CARD_W - 18), `font-size="11" fill="${MUTED}"`),
    text(x + 10, y + 52, fit(`${role} · ${attitude}`, 11, CARD_W - 18), `font-size="11" fill="${c.attitude === 'opponent' ? GAP : INK}"`),
    badge(c, x + CARD_W - 6, y + 6, lang),
    `</g>`,
  ];
  return parts.join('');
}

/** One legend line: its label, then a swatch and words per item. */
function legendRow(x: number, y: number, title: string, items: { swatch: string; words: string }[]): string {
  const out = [text(x, y + 9, title, `font-size="11" fill="${MUTED}"`)];
  let cx = x + textWidth(title, 11) + 10;
  for (const item of items) {
    out.push(item.swatch.replace(/\{x\}/g, String(cx)).replace(/\{y\}/g, String(y)));
    out.push(text(cx + 18, y + 9, item.words, `font-size="10" fill="${INK}"`));
    cx += 26 + textWidth(item.words, 10);
  }
  return out.join('');
}

function legendItems(p: MapPicture, windowDays: number) {
  const { lang } = p;
  const roles = (['decision_maker', 'influencer', 'evaluator', 'gatekeeper', 'user'] as const).map((role) => ({
    swatch: `<rect x="{x}" y="{y}" width="14" height="10" rx="2" fill="${ROLE_FILL[role]}" stroke="${MUTED}" stroke-width="0.5"/>`,
    words: label(DECISION_ROLE, role, lang),
  }));
  const attitudes = (['supporter', 'neutral', 'opponent'] as const).map((a) => ({
    swatch: `<rect x="{x}" y="{y}" width="14" height="10" rx="2" fill="#ffffff" stroke="${ATTITUDE_STROKE[a]}" stroke-width="2"/>`,
    words: label(ATTITUDE, a, lang),
  }));
  const recency = (
    [
      ['recent', t(T, 'legendRecent', lang, { days: p.recentDays })],
      ['stale', t(T, 'legendStale', lang, { days: windowDays })],
      ['cold', t(T, 'legendCold', lang, { days: windowDays })],
      ['never', t(T, 'legendNever', lang)],
    ] as [Recency, string][]
  ).map(([r, words]) => ({ swatch: `<rect x="{x}" y="{y}" width="14" height="10" rx="5" fill="${RECENCY_FILL[r]}"/>`, words }));
  return [
    { title: t(T, 'legendRole', lang), items: roles },
    { title: t(T, 'legendAttitude', lang), items: attitudes },
    { title: t(T, 'legendRecency', lang), items: recency },
  ];
}

function legend(x: number, y: number, p: MapPicture, windowDays: number): string {
  return `<g class="legend">${legendItems(p, windowDays)
    .map((row, i) => legendRow(x, y + i * 20, row.title, row.items))
    .join('')}</g>`;
}

/** Width of the legend's widest line, so the picture is never narrower than its legend. */
function legendWidth(p: MapPicture, windowDays: number): number {
  return Math.max(...legendItems(p, windowDays).map((row) => textWidth(row.title, 11) + 10 + row.items.reduce((s, i) => s + 26 + textWidth(i.words, 10), 0)));
}

export function relationshipMapSvg(map: RelationshipMap, p: MapPicture): string {
  const { lang } = p;
  const rowH = map.rowSlots.map((n) => n * CARD_H + (n - 1) * CARD_GAP + 2 * PAD);
  const gridTop = MARGIN + HEAD_H + COL_HEAD_H;
  const gridLeft = MARGIN + ROW_LABEL_W;
  const gridW = map.columns.length * COL_W;
  const gridH = rowH.reduce((s, h) => s + h, 0);
  const titleText = t(T, 'title', lang, { account: p.account });
  const names = new Map(map.contacts.map((c) => [c.id, c.name]));
  const summary = gapSummary(map, names, lang);
  const width = Math.ceil(Math.max(gridLeft + gridW + MARGIN, MARGIN * 2 + legendWidth(p, map.windowDays), MARGIN * 2 + textWidth(titleText, 18), MARGIN * 2 + textWidth(summary, 12)));
  const height = gridTop + gridH + 16 + LEGEND_H + MARGIN;
  const rowTop = (row: number) => gridTop + rowH.slice(0, row).reduce((s, h) => s + h, 0);
  const colLeft = (col: number) => gridLeft + col * COL_W;
  const cardAt = (column: number, row: number, slot: number) => [colLeft(column) + PAD, rowTop(row) + PAD + slot * (CARD_H + CARD_GAP)] as const;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="relationship-map" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `font-family="${MAP_FONT_FAMILY}" role="img" aria-label="${escapeXml(`${titleText}. ${summary}`)}" data-testid="relationship-map" data-contacts="${map.contacts.length}">`,
    `<title>${escapeXml(`${titleText}. ${summary}`)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    text(MARGIN, MARGIN + 18, titleText, `font-size="18" font-weight="bold" fill="${INK}"`),
    text(MARGIN, MARGIN + 36, t(T, 'subtitle', lang, { date: p.date, count: map.contacts.length }), `font-size="12" fill="${MUTED}"`),
    text(MARGIN, MARGIN + 52, summary, `font-size="12" class="gap-summary" fill="${map.gaps.noDecisionMaker || map.gaps.unmetDecisionMakers.length || map.gaps.departmentsNotReached.length ? GAP : '#2e9d52'}"`),
  ];

  map.columns.forEach((col, i) => {
    const x = colLeft(i);
    const name = col.department ?? t(T, 'noDepartment', lang);
    const cold = !col.reached && col.department !== null;
    out.push(
      `<g class="department${cold ? ' not-reached' : ''}" data-department="${escapeXml(name)}">` +
        `<rect x="${x + 2}" y="${gridTop - COL_HEAD_H + 2}" width="${COL_W - 4}" height="${COL_HEAD_H + gridH - 4}" rx="8" fill="${cold ? '#fff4f4' : '#f6f8fb'}"${cold ? ` stroke="${GAP}" stroke-width="1.5" stroke-dasharray="6 4"` : ''}/>` +
        text(x + COL_W / 2, gridTop - COL_HEAD_H + 20, fit(name, 13, COL_W - 16), `font-size="13" font-weight="bold" fill="${cold ? GAP : INK}" text-anchor="middle"`) +
        (cold ? text(x + COL_W / 2, gridTop - COL_HEAD_H + 34, t(T, 'notReached', lang, { days: map.windowDays }), `font-size="10" fill="${GAP}" text-anchor="middle"`) : '') +
        `</g>`,
    );
  });
  map.rows.forEach((level, i) => {
    const y = rowTop(i);
    if (i > 0) out.push(`<line x1="${MARGIN}" x2="${gridLeft + gridW}" y1="${y}" y2="${y}" stroke="#dde2e9" stroke-width="1"/>`);
    out.push(text(MARGIN, y + rowH[i] / 2 + 4, level ? label(LEVEL, level, lang) : t(T, 'noLevel', lang), `font-size="12" font-weight="bold" fill="${MUTED}"`));
  });
  if (map.missingDecisionMaker) {
    const [x, y] = cardAt(map.missingDecisionMaker.column, map.missingDecisionMaker.row, map.missingDecisionMaker.slot);
    out.push(
      `<g class="gap-missing-dm">` +
        `<rect x="${x}" y="${y}" width="${CARD_W}" height="${CARD_H}" rx="6" fill="#fff4f4" stroke="${GAP}" stroke-width="2" stroke-dasharray="6 4"/>` +
        text(x + CARD_W / 2, y + 26, t(T, 'missingDm', lang), `font-size="13" font-weight="bold" fill="${GAP}" text-anchor="middle"`) +
        text(x + CARD_W / 2, y + 44, t(T, 'missingDmHint', lang), `font-size="11" fill="${GAP}" text-anchor="middle"`) +
        `</g>`,
    );
  }
  for (const c of map.contacts) {
    const [x, y] = cardAt(c.column, c.row, c.slot);
    out.push(card(c, x, y, lang));
  }
  out.push(legend(MARGIN, gridTop + gridH + 16, p, map.windowDays));
  out.push(`</svg>`);
  return out.join('');
}
