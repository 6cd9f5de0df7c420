// Reply → HTML for the console chat: title, body text, sources, and buttons the page's script
// sends back as button presses (data-action / data-value), exactly like a card's buttons.
import { platformTexts } from '../../../prompts/platforms.ts';
import { t } from '../../../prompts/index.ts';
import type { Button, Citation, Reply } from '../../chat/types.ts';
import { html, type Html } from './html.ts';
import { withoutTitleLine } from '../../chat/title.ts';
import { citationLabel } from '../../chat/citation-label.ts';

/** The body without the line that only repeats the title (as the card renderers do). */
function body(reply: Reply): string {
  return withoutTitleLine(reply.text, reply.title);
}

function citation(c: Citation): Html {
  const head = citationLabel(c, ' · ');
  return html`<li><span class="cite-id">${head}</span>${c.snippet ? html` <span class="cite-snippet">${c.snippet}</span>` : ''}</li>`;
}

function button(b: Button): Html {
  return html`<button type="button" class="reply-button ${b.style ?? 'default'}" data-action="${b.action}" data-value="${JSON.stringify(b.value ?? {})}">${b.label}</button>`;
}

export function renderReplyHtml(reply: Reply): Html {
  const text = body(reply);
  return html`<div class="reply" lang="${reply.lang === 'zh' ? 'zh-CN' : 'en'}" data-testid="reply">
${reply.title ? html`<div class="reply-title">${reply.title}</div>` : ''}
${text ? html`<div class="reply-text">${text}</div>` : ''}
${reply.citations?.length ? html`<details class="reply-citations"><summary>${t(platformTexts, 'sources', reply.lang)} (${reply.citations.length})</summary><ul>${reply.citations.map(citation)}</ul></details>` : ''}
${reply.buttons?.length ? html`<div class="reply-buttons">${reply.buttons.map(button)}</div>` : ''}
</div>`;
}
