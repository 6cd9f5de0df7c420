// Sign-in with KAM_API_TOKEN, sign-out, and choosing the user the console acts as.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getUser } from '../../../store/users.ts';
import { consoleUsers } from '../../../store/console-queries.ts';
import { ct } from '../../../../prompts/console.ts';
import { page, isLoopback, sameOrigin, securityHeaders, queryOf, resolveLang, safeNext, withParams, type ConsoleDeps } from '../context.ts';
import { createConsoleSession, recentSigninFailures, recordSigninFailure, revokeConsoleSession } from '../../../store/console-sessions.ts';
import { t } from '../../../../prompts/index.ts';
import { securityTexts } from '../../../../prompts/security.ts';
import { cookieHeader, encodeSession, LANG_COOKIE, newSession, newSessionId, SESSION_COOKIE, SESSION_MAX_AGE_S, sessionsExpireBefore, tokenMatches } from '../session.ts';
import { messagePage } from '../views/message.ts';
import { chooseUserPage, signinPage } from '../views/signin.ts';

/** Failed sign-ins allowed per client address and minute before further attempts get 429. */
const MAX_FAILED_SIGNINS = 10;
const SIGNIN_WINDOW_MS = 60_000;

function formField(req: FastifyRequest, name: string): string | undefined {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : undefined;
}

export function authRoutes(server: FastifyInstance, deps: ConsoleDeps) {
  const { app, key } = deps;

  const showSignin = (req: FastifyRequest, reply: FastifyReply, status: number, next: string, wrong: boolean) => {
    const { lang, fromQuery } = resolveLang(req, app.config.lang);
    if (fromQuery) reply.header('set-cookie', cookieHeader(LANG_COOKIE, lang, { maxAge: 365 * 24 * 3600, httpOnly: false }));
    const langHref = withParams('/console/signin', { next: next === '/' ? undefined : next, lang: lang === 'zh' ? 'en' : 'zh' });
    securityHeaders(reply);
    return reply.code(status).type('text/html; charset=utf-8').send(signinPage(lang, { next, wrong, langHref }).value);
  };

  server.get('/console/signin', async (req, reply) => {
    const next = safeNext(queryOf(req).next);
    if (!app.config.apiToken) return reply.redirect(next);
    return showSignin(req, reply, 200, next, false);
  });

  server.post('/console/signin', async (req, reply) => {
    const next = safeNext(formField(req, 'next'));
    if (!app.config.apiToken) return reply.redirect(next, 303);
    if (!sameOrigin(req)) {
      const { lang } = resolveLang(req, app.config.lang);
      return reply.code(403).type('text/html; charset=utf-8').send(messagePage(lang, 'forbidden_title', 'forbidden_origin').value);
    }
    const now = new Date();
    const since = new Date(now.getTime() - SIGNIN_WINDOW_MS);
    if ((await recentSigninFailures(app.db, req.ip, since)) >= MAX_FAILED_SIGNINS) {
      app.log.warn({ event: 'signin_throttled', ip: req.ip }, 'console sign-in refused: too many failures');
      const { lang } = resolveLang(req, app.config.lang);
      const seconds = SIGNIN_WINDOW_MS / 1000;
      return reply.code(429).header('retry-after', String(seconds)).type('text/plain; charset=utf-8').send(t(securityTexts, 'tooManySignins', lang, { seconds }));
    }
    if (!tokenMatches(formField(req, 'token'), app.config.apiToken)) {
      await recordSigninFailure(app.db, req.ip, now, since);
      app.log.warn({ ip: req.ip }, 'console sign-in refused: wrong token');
      return showSignin(req, reply, 401, next, true);
    }
    const sid = newSessionId();
    await createConsoleSession(app.db, sid, now, sessionsExpireBefore(now));
    const session = newSession(now, true, sid);
    reply.header('set-cookie', cookieHeader(SESSION_COOKIE, encodeSession(session, key), { maxAge: SESSION_MAX_AGE_S, secure: req.protocol === 'https' }));
    return reply.redirect(withParams('/console/act-as', { next: next === '/' ? undefined : next }), 303);
  });

  server.post(
    '/console/signout',
    page(
      deps,
      async (ctx) => {
        if (ctx.session.sid) await revokeConsoleSession(app.db, ctx.session.sid);
        ctx.clearSession();
        return { redirect: '/console/signin' };
      },
      { noUser: true },
    ),
  );

  server.get(
    '/console/act-as',
    page(
      deps,
      async (ctx) => {
        const users = await consoleUsers(app.db);
        const next = safeNext(queryOf(ctx.req).next);
        const langHref = withParams(ctx.req.url, { lang: ctx.lang === 'zh' ? 'en' : 'zh' });
        return chooseUserPage(ctx.lang, users, { next, current: ctx.session.user, loopback: !ctx.tokenMode && isLoopback(ctx.req.ip), langHref });
      },
      { noUser: true },
    ),
  );

  server.post(
    '/console/act-as',
    page(
      deps,
      async (ctx) => {
        const id = typeof ctx.body.user === 'string' ? ctx.body.user : '';
        const next = safeNext(typeof ctx.body.next === 'string' ? ctx.body.next : undefined);
        const user = id ? await getUser(app.db, id) : undefined;
        if (!user) {
          const users = await consoleUsers(app.db);
          const langHref = withParams('/console/act-as', { next, lang: ctx.lang === 'zh' ? 'en' : 'zh' });
          return { status: 400, page: chooseUserPage(ctx.lang, users, { next, notice: ct('unknown_user', ctx.lang), loopback: !ctx.tokenMode, langHref }) };
        }
        ctx.setSession({ ...ctx.session, user: user.id });
        return { redirect: next.startsWith('/console/act-as') ? '/' : next };
      },
      { noUser: true },
    ),
  );
}
