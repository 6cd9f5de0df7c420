// GET / (the console's start page: chat as the acting user), the form fallback POST /console/chat,
// and POST /console/api/chat, which the page's script calls for each message or button press.
import type { FastifyInstance } from 'fastify';
import { answerConsoleTurn } from '../answer-turn.ts';
import { consoleTurnSchema } from '../turn-types.ts';
import { tools } from '../../../conversation/tools/index.ts';
import { personalExamples } from '../../../tools/examples.ts';
import { pushedTo } from '../../../store/console-queries.ts';
import { ct } from '../../../../prompts/console.ts';
import { page, type ConsoleDeps, type PageContext } from '../context.ts';
import { chatBody, type Exchange } from '../views/chat.ts';
import { renderPage } from '../views/page.ts';

/** How many example questions the chat page offers (the first example of each tool). */
const EXAMPLES = 8;

/** The first example of each tool, in the acting user's accounts (left out where they have none to fill it). */
async function examples(ctx: PageContext): Promise<string[]> {
  const templates = tools.map((tool) => tool.examples?.[ctx.lang]?.[0]).filter((e): e is string => !!e);
  const filled = await personalExamples(ctx.app, ctx.user.id, ctx.lang, templates);
  return filled.filter((e): e is string => e !== null).slice(0, EXAMPLES);
}

async function chatPage(ctx: PageContext, exchange?: Exchange) {
  const pushed = await pushedTo(ctx.app.db, ctx.user.id);
  return renderPage(ctx, { title: ct('nav_chat', ctx.lang), active: 'chat', body: chatBody(ctx, exchange, pushed, await examples(ctx)) });
}

export function chatRoutes(server: FastifyInstance, deps: ConsoleDeps) {
  const { app } = deps;
  server.get('/', page(deps, (ctx) => chatPage(ctx)));

  server.post(
    '/console/chat',
    page(deps, async (ctx) => {
      const text = typeof ctx.body.text === 'string' ? ctx.body.text : '';
      if (!text.trim()) return { redirect: ctx.href('/') };
      const answer = await answerConsoleTurn(app, { userId: ctx.user.id, chatId: ctx.session.chat, text, receivedAt: new Date(), now: ctx.now, lang: ctx.lang });
      return chatPage(ctx, { said: text, replyHtml: answer.html });
    }),
  );

  server.post(
    '/console/api/chat',
    page(
      deps,
      async (ctx) => {
        const parsed = consoleTurnSchema.safeParse(ctx.body);
        if (!parsed.success) return { status: 400, json: { error: 'bad_request', message: parsed.error.issues[0]?.message } };
        const { text, action, value } = parsed.data;
        return {
          json: await answerConsoleTurn(app, {
            userId: ctx.user.id,
            chatId: ctx.session.chat,
            text: text ?? '',
            action: action ? { action, value } : undefined,
            receivedAt: new Date(),
            now: ctx.now,
            lang: ctx.lang,
          }),
        };
      },
      { json: true },
    ),
  );
}
