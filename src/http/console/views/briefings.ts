// The briefings page: pick a salesperson or a manager's team and a week; the briefing below.
import { html, type Html } from '../html.ts';
import type { User } from '../../../domain/types.ts';
import type { Reply } from '../../../chat/types.ts';
import type { Briefing } from '../../../insights/briefings/types.ts';
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
  briefing: { briefing: Briefing; reply: Reply };
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
${briefingView(ctx, v.briefing.briefing, v.briefing.reply)}`;
}

/** A line of a briefing section: "  · item" lines become list items, others stand alone. */
function sectionLines(lines: string[]): Html {
  const out: Html[] = [];
  let items: string[] = [];
  const flush = () => {
    if (items.length) out.push(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`);
    items = [];
  };
  for (const line of lines) {
    const m = /^\s*·\s*(.*)$/.exec(line);
    if (m) items.push(m[1]);
    else {
      flush();
      out.push(html`<p>${line}</p>`);
    }
  }
  flush();
  return html`${out}`;
}

/** The briefing's own wording (the same text `kam briefing` prints), one card per account, most at risk first. */
function briefingView(ctx: PageContext, b: Briefing, reply: Reply): Html {
  const head = reply.text.split('\n').slice(1, 3).filter(Boolean);
  const sections = reply.sections ?? [];
  return html`<section class="briefing" data-testid="briefing">
  <h2>${reply.title ?? ''}</h2>
  ${head.map((l) => html`<p class="muted">${l}</p>`)}
  <div class="grid">
  ${sections.map((s, i) => {
    const account = b.accounts[i];
    return html`<article class="card${i >= b.accounts.length ? ' wide' : ''}"${account ? html` data-account="${account.accountId}"` : ''}>
      <h3>${account ? html`<a href="${ctx.href(`/console/accounts/${encodeURIComponent(account.accountId)}`)}">${s.title ?? account.name}</a>` : (s.title ?? '')}</h3>
      ${sectionLines(s.lines)}
    </article>`;
  })}
  </div>
</section>`;
}
