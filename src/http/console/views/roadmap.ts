// The relationship roadmap section of the 360° page.
import { html, type Html } from '../../../../adapters/console/html.ts';
import { ct } from '../../../../prompts/console.ts';
import type { PageContext } from '../context.ts';
import type { RoadmapView } from '../routes/roadmap.ts';

export function roadmapSection(ctx: PageContext, r: RoadmapView): Html {
  if (!r) return html`<p class="muted">${ct('roadmap_pending', ctx.lang)}</p>`;
  return html``;
}
