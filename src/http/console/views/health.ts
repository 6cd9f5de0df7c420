// Health score explained: the total, the tier suggestion, and every layer with its components and
// the facts they came from.
import { html, type Html } from '../html.ts';
import type { Component, Health } from '../../../domain/health/types.ts';
import type { Lang } from '../../../../prompts/index.ts';
import { ct, healthFactNames, healthNames, named, quadrantNames } from '../../../../prompts/console.ts';
import { formatAmount } from '../../../tools/format.ts';
import { bandName } from './accounts.ts';
import { percentText } from './svg.ts';

/** Components whose numeric facts are amounts in yuan. */
const AMOUNT_COMPONENTS = new Set(['order_amount']);

function factValue(c: Component, v: number | string | null, lang: Lang): string {
  if (v === null) return '–';
  if (typeof v !== 'number') return v;
  if (AMOUNT_COMPONENTS.has(c.id)) return formatAmount(v, lang);
  return String(Math.round(v * 10) / 10);
}

function facts(c: Component, lang: Lang): string {
  return Object.entries(c.facts)
    .map(([k, v]) => `${named(healthFactNames, k, lang)} ${factValue(c, v, lang)}`)
    .join(' · ');
}

function meter(score: number): Html {
  const w = Math.max(0, Math.min(100, score));
  return html`<svg class="meter" width="100%" height="8" aria-hidden="true"><rect class="track" x="0" y="0" width="100%" height="8" rx="4"/><rect class="fill" x="0" y="0" width="${w}%" height="8" rx="4"/></svg>`;
}

export function healthSection(h: Health | undefined, lang: Lang, spark: Html | null): Html {
  if (!h) return html`<p class="muted">–</p>`;
  return html`<div class="health band-${h.band}" data-testid="health">
  <div class="health-head">
    <span class="score big band-${h.band}">${h.score}</span>
    <div>
      <div><strong>${ct('health_total', lang, { score: h.score, band: bandName(h.band, lang) })}</strong></div>
      <div class="muted small">${ct('health_suggested', lang, { suggested: h.tier.suggested, declared: h.tier.declared ?? '–', quadrant: named(quadrantNames, h.tier.quadrant, lang) })}</div>
    </div>
    <div class="trend band-${h.band}">${spark ?? ''}</div>
  </div>
  <div class="layers">
    ${h.layers.map(
      (l) => html`<section class="layer" data-layer="${l.id}">
      <h4><span>${ct('health_layer', lang, { layer: named(healthNames, l.id, lang), weight: percentText(l.weight) })}</span> <span class="score">${l.score}</span></h4>
      <ul>
        ${l.components.map(
          (c) => html`<li data-component="${c.id}">
          <div class="comp-head"><span>${named(healthNames, c.id, lang)}</span><span class="comp-score">${Math.round(c.score)}</span></div>
          ${meter(c.score)}
          <div class="muted small">${facts(c, lang)}</div>
        </li>`,
        )}
      </ul>
    </section>`,
    )}
  </div>
</div>`;
}
