// The chat page: a conversation log, the message box, and what was pushed to the user.
import type { Reply } from '../../../chat/types.ts';
import { renderReplyHtml } from '../render-reply.ts';
import { html, trusted, type Html } from '../html.ts';
import { formatDateTime } from '../../../domain/time.ts';
import { ct } from '../../../../prompts/console.ts';
import type { PageContext } from '../context.ts';

export interface Exchange {
  /** What the user sent (text, or the label of the pressed button). */
  said: string;
  /** The reply, already rendered. */
  replyHtml: string;
}

export interface Pushed {
  id: number;
  reply: unknown;
  created_at: Date;
}

function isReply(x: unknown): x is Reply {
  return !!x && typeof x === 'object' && typeof (x as Reply).text === 'string';
}

export function chatBody(ctx: PageContext, exchange: Exchange | undefined, pushed: Pushed[], examples: string[]): Html {
  const { lang } = ctx;
  const messages = exchange
    ? html`<div class="msg me"><div class="who">${ct('chat_you', lang)}</div><div class="bubble">${exchange.said}</div></div>
<div class="msg bot"><div class="who">${ct('chat_bot', lang)}</div>${trusted(exchange.replyHtml)}</div>`
    : '';
  return html`<div class="chat-layout">
<section class="chat" data-chat data-store-key="${ctx.user.id}:${ctx.session.chat}" data-api="${ctx.href('/console/api/chat')}"
  data-you="${ct('chat_you', lang)}" data-bot="${ct('chat_bot', lang)}" data-error="${ct('chat_error', lang)}" data-restore="${exchange ? 'no' : 'yes'}">
  <h1>${ct('chat_title', lang)}</h1>
  <p class="muted">${ct('chat_intro', lang, { user: `${ctx.user.name} (${ctx.user.id})` })}</p>
  <div class="chat-log" data-testid="chat-log" aria-live="polite">
    <p class="chat-empty muted"${exchange ? ' hidden' : ''}>${ct('chat_empty', lang)}</p>
    ${messages}
  </div>
  ${examples.length ? html`<div class="examples" aria-label="${ct('chat_examples', lang)}"><span class="muted small">${ct('chat_examples', lang)}</span> ${examples.map((e) => html`<button type="button" class="chip" data-example="${e}">${e}</button>`)}</div>` : ''}
  <form class="chat-form" method="post" action="${ctx.href('/console/chat')}">
    <textarea name="text" rows="2" required maxlength="4000" placeholder="${ct('chat_placeholder', lang)}" data-testid="chat-input" aria-label="${ct('chat_send', lang)}"></textarea>
    <div class="chat-actions">
      <button type="submit" class="primary" data-testid="chat-send">${ct('chat_send', lang)}</button>
      <button type="button" class="secondary" data-chat-clear>${ct('chat_clear', lang)}</button>
    </div>
  </form>
</section>
<aside class="inbox" data-testid="inbox">
  <h2>${ct('inbox_title', lang)}</h2>
  ${pushed.length
    ? pushed.filter((p) => isReply(p.reply)).map(
        (p) => html`<div class="inbox-item"><div class="muted small">${formatDateTime(p.created_at, ctx.tz).slice(0, 16).replace('T', ' ')}</div>${renderReplyHtml(p.reply as Reply)}</div>`,
      )
    : html`<p class="muted">${ct('inbox_empty', lang)}</p>`}
</aside>
</div>`;
}
