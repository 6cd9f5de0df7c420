// The relationship roadmap section of the 360° page: the gaps found, then the 30/60/90-day plan,
// each action with its owner, whom it is with, why, and the records it cites.
import { html, type Html } from '../html.ts';
import type { Cite, PlanAction } from '../../../insights/roadmap/types.ts';
import { TEAM_ROLE, label } from '../../../../prompts/conversation/labels.ts';
import { t } from '../../../../prompts/index.ts';
import { roadmapTexts } from '../../../../prompts/roadmap.ts';
import { ct } from '../../../../prompts/console.ts';
import type { PageContext } from '../context.ts';
import type { Roadmap } from '../../../insights/roadmap/types.ts';

const HORIZONS = [30, 60, 90] as const;

function cites(list: Cite[]): string {
  return list.map((c) => (c.date ? `${c.id} (${c.date})` : c.id)).join(', ');
}

function action(ctx: PageContext, a: PlanAction): Html {
  const { lang } = ctx;
  return html`<li class="plan-action">
  <div><span class="tag">${a.ownerRole}</span> <strong>${a.owner?.name ?? t(roadmapTexts, 'nobody', lang)}</strong> <span class="muted small">${label(TEAM_ROLE, a.ownerRole, lang)}</span>
    → ${a.target ? html`${a.target.name}${a.target.title ? html` <span class="muted small">${a.target.title}</span>` : ''}` : html`<span class="muted">${t(roadmapTexts, 'noTarget', lang)}</span>`}</div>
  <div>${a.action}</div>
  <div class="muted small">${a.reason}${a.citations.length ? html` · <span class="cite-id">${cites(a.citations)}</span>` : ''}</div>
</li>`;
}

const roadmapPath = (accountId: string) => `/console/accounts/${encodeURIComponent(accountId)}/roadmap`;

/** Where the 360° page shows the roadmap: loaded by the page's script, a link without it. */
export function roadmapPlaceholder(ctx: PageContext, accountId: string): Html {
  return html`<div data-fragment="${ctx.href(roadmapPath(accountId), { fragment: '1' })}" data-error="${ct('roadmap_failed', ctx.lang)}">
  <p class="muted"><a href="${ctx.href(roadmapPath(accountId))}">${ct('roadmap_open', ctx.lang)}</a></p>
</div>`;
}

/** The roadmap on a page of its own (without the page script). */
export function roadmapPage(ctx: PageContext, r: Roadmap, opts: { offerLlm: boolean }): Html {
  return html`<h1><a href="${ctx.href(`/console/accounts/${encodeURIComponent(r.account.id)}`)}">${r.account.name}</a> · ${ct('roadmap_title', ctx.lang)}</h1>
<section class="card wide" id="roadmap">${roadmapSection(ctx, r, opts)}</section>`;
}

/** `offerLlm`: an LLM is configured and this plan is not the model's yet, so offer to ask it. */
export function roadmapSection(ctx: PageContext, r: Roadmap, opts: { offerLlm: boolean }): Html {
  const { lang } = ctx;
  const llmLink = opts.offerLlm ? html`<p class="small"><a href="${ctx.href(roadmapPath(r.account.id), { plan: 'llm' })}">${ct('roadmap_llm', lang)}</a></p>` : '';
  return html`<div class="roadmap" data-testid="roadmap">
  <h3>${t(roadmapTexts, 'gapsTitle', lang)}</h3>
  ${r.gaps.length
    ? html`<ul class="gaps">${r.gaps.map((g) => html`<li class="gap sev-${g.severity}"><span class="sev-text sev-${g.severity}">●</span> ${g.text}</li>`)}</ul>`
    : html`<p class="muted">${t(roadmapTexts, 'noGaps', lang)}</p>`}
  <h3>${t(roadmapTexts, 'planTitle', lang)}</h3>
  ${HORIZONS.map((h) => {
    const actions = r.plan.filter((a) => a.horizon === h);
    return actions.length ? html`<h4>${t(roadmapTexts, 'horizon', lang, { days: h })}</h4><ol class="plan">${actions.map((a) => action(ctx, a))}</ol>` : '';
  })}
  ${r.generator === 'llm' ? html`<p class="muted small">${t(roadmapTexts, 'generatorLlm', lang)}</p>` : ''}
  ${llmLink}
</div>`;
}
