// The briefings page: pick a salesperson or a manager's team and a week; the briefing below.
import { html, type Html } from '../../../../adapters/console/html.ts';
import type { User } from '../../../domain/types.ts';
import { renderReplyHtml } from '../../../../adapters/console/render.ts';
import type { Reply } from '../../../../adapters/types.ts';
import { ct } from '../../../../prompts/console.ts';
import type { PageContext } from '../context.ts';

export interface BriefingTarget {
  kind: 'user' | 'team';
  user: User;
}

export interface BriefingsView {
  targets: BriefingTarget[];
  chosen: BriefingTarget;
  week: { start: string; end: string };
  prevWeek: string;
  nextWeek: string;
  briefing: Reply | null;
}

export const targetValue = (t: BriefingTarget) => `${t.kind}:${t.user.id}`;

export function briefingsBody(ctx: PageContext, v: BriefingsView): Html {
  const { lang } = ctx;
  const label = (t: BriefingTarget) => ct(t.kind === 'user' ? 'briefing_user' : 'briefing_team', lang, { name: `${t.user.name} (${t.user.id})` });
  const chosen = targetValue(v.chosen);
  const link = (week: string) => ctx.href('/console/briefings', { for: chosen, week });
  return html`<h1>${ct('briefings_title', lang)}</h1>
<form class="filters" method="get" action="/console/briefings" data-testid="briefing-form">
  ${ctx.at ? html`<input type="hidden" name="at" value="${ctx.at}">` : ''}
  <label>${ct('briefing_for', lang)} <select name="for">${v.targets.map((t) => html`<option value="${targetValue(t)}"${targetValue(t) === chosen ? ' selected' : ''}>${label(t)}</option>`)}</select></label>
  <label>${ct('briefing_week', lang)} <input type="date" name="week" value="${v.week.start}"></label>
  <button type="submit" class="secondary">${ct('briefing_show', lang)}</button>
</form>
<div class="toolbar week-nav">
  <a href="${link(v.prevWeek)}">← ${ct('briefing_prev', lang)}</a>
  <strong>${label(v.chosen)} · ${ct('briefing_range', lang, { start: v.week.start, end: v.week.end })}</strong>
  <a href="${link(v.nextWeek)}">${ct('briefing_next', lang)} →</a>
</div>
<section class="card wide briefing" data-testid="briefing">
${v.briefing ? renderReplyHtml(v.briefing) : html`<p class="muted">${ct('briefing_pending', lang)}</p>`}
</section>`;
}
