// POST /api/chat: one chat turn over HTTP, as `kam ask --json` (CONTRACT.md §2).
// Body {"user", "text", "at"?, "action"?}; reply {"text", "data"}, plus "actions" when the reply has buttons
// (Undo, Edit, 建个商机, choices), each sent back as {"user", "text": "", "action": {action, value}}. With KAM_API_TOKEN set, a matching
// `Authorization: Bearer` header is required (401 otherwise); without it only loopback clients
// are served (403 otherwise).
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.ts';
import { errorReply, handleMessage } from '../conversation/engine.ts';
import { parseWhen } from '../domain/time.ts';
import { detectLang } from '../../prompts/index.ts';
import { tokenMatches } from './console/session.ts';
import { hostGuard } from './host-guard.ts';

const body = z.object({
  user: z.string().trim().min(1, 'user is required').max(200),
  text: z.string().max(1_000_000).default(''),
  at: z.string().trim().min(1).optional(),
  /** A press of one of a reply's actions, as that reply listed it. */
  action: z.object({ action: z.string().min(1).max(100), value: z.record(z.string(), z.string().max(1000)).optional() }).optional(),
});

function bearerMatches(header: string | undefined, token: string): boolean {
  return tokenMatches(/^Bearer\s+(.+)$/i.exec(header ?? '')?.[1].trim(), token);
}

function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1' || address.startsWith('127.'));
}

/** Errors Fastify raises before the handler runs (unreadable body), in this route's own shape. */
const REQUEST_ERRORS: Record<number, string> = { 400: 'bad_request', 413: 'payload_too_large', 415: 'unsupported_media_type' };

export async function chatRoutes(root: FastifyInstance, app: AppContext) {
  await root.register(async (server) => {
    // JSON only: Fastify would otherwise hand a text/plain body to the handler as a string.
    server.removeContentTypeParser('text/plain');
    server.addHook('onRequest', hostGuard(app));
    server.setErrorHandler((err: { statusCode?: number; message: string }, req, reply) => {
      const error = REQUEST_ERRORS[err.statusCode ?? 500];
      if (!error) throw err;
      const message = err.statusCode === 415 ? `send the body as JSON (Content-Type: application/json): ${err.message}` : err.message;
      return reply.code(err.statusCode!).send({ error, message });
    });
    routes(server, app);
  });
}

function routes(server: FastifyInstance, app: AppContext) {
  server.post('/api/chat', async (req, reply) => {
    const token = app.config.apiToken;
    if (token) {
      if (!bearerMatches(req.headers.authorization, token)) {
        req.log.warn({ route: '/api/chat' }, 'refused: missing or wrong bearer token');
        return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized', message: 'Authorization: Bearer <KAM_API_TOKEN> is required' });
      }
    } else if (!isLoopback(req.ip)) {
      return reply.code(403).send({ error: 'forbidden', message: 'KAM_API_TOKEN is not set, so /api/chat only serves loopback clients' });
    }
    const parsed = body.safeParse(req.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: 'bad_request', message: z.prettifyError(parsed.error) });
    const { user, text, at, action } = parsed.data;
    let now: Date | undefined;
    if (at) {
      now = parseWhen(at, app.config.timeZone);
      if (!now) return reply.code(400).send({ error: 'bad_request', message: `at: "${at}" is not an ISO 8601 date or date-time (e.g. 2026-11-24T10:00:00+08:00)` });
    }
    const receivedAt = new Date();
    try {
      const r = await handleMessage(app, { platform: 'api', platformUserId: user, userId: user, chatId: 'api', chatType: 'p2p', mentioned: true, text, action, receivedAt, now });
      const status = (r.data as { error?: string } | undefined)?.error === 'unknown_user' ? 404 : 200;
      const actions = (r.buttons ?? []).map((b) => ({ label: b.label, action: b.action, ...(b.value ? { value: b.value } : {}) }));
      // A reply without buttons keeps CONTRACT.md's exact shape {text, data}.
      return reply.code(status).send({ text: r.text, data: r.data ?? null, ...(actions.length ? { actions } : {}) });
    } catch (e) {
      req.log.error({ err: e }, 'chat turn failed');
      const r = errorReply(detectLang(text, app.config.lang));
      return reply.code(500).send({ text: r.text, data: r.data });
    }
  });
}
