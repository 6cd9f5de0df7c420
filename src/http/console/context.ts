// What every console request goes through before its page runs, in one place: loopback check
// (no token) or sign-in (token), same-origin check on writes, the acting user, the language, the
// date the page is evaluated at (?at=), then the page, with errors turned into pages.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app.ts';
import type { User } from '../../domain/types.ts';
import { parseWhen } from '../../domain/time.ts';
import { NotFoundError } from '../../errors.ts';
import { getUser } from '../../store/users.ts';
import type { Lang } from '../../../prompts/index.ts';
import { consoleTexts, type ConsoleKey } from '../../../prompts/console.ts';
import { Html } from './html.ts';
import { consoleSessionActive } from '../../store/console-sessions.ts';
import { cookieHeader, decodeSession, encodeSession, LANG_COOKIE, newSession, parseCookies, SESSION_COOKIE, SESSION_MAX_AGE_S, sessionsExpireBefore, tokenMatches, type Session } from './session.ts';
import { errorPage, messagePage } from './views/message.ts';

/** An id in a console URL: at most 200 characters, no control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: an id must not hold control characters; this is the check.
export const VALID_ID = /^[^\u0000-\u001f]{1,200}$/;

export interface ConsoleDeps {
  app: AppContext;
  /** Session signing key (session.ts). */
  key: Buffer;
}

export interface Flash {
  key: ConsoleKey;
  vars?: Record<string, string | number>;
  kind?: 'ok' | 'error';
}

export interface PageContext {
  app: AppContext;
  req: FastifyRequest;
  lang: Lang;
  tz: string;
  /** The moment the page is evaluated at: ?at= when given, else the clock. */
  now: Date;
  /** The raw ?at= value, carried over into links and forms. */
  at?: string;
  /** The acting user; visibility is theirs on every read. */
  user: User;
  session: Session;
  /** Whether sign-in is by token (false: loopback without a token). */
  tokenMode: boolean;
  flash?: Flash;
  /** A console URL with ?at= carried over. */
  href(path: string, params?: Record<string, string | number | undefined>): string;
  setSession(s: Session): void;
  clearSession(): void;
  setFlash(f: Flash): void;
  /** Parsed form or JSON body of a POST. */
  body: Record<string, unknown>;
}

export type Outcome = Html | { status: number; page: Html } | { redirect: string } | { json: unknown; status?: number };

export interface PageOptions {
  /** The page works before a user is chosen (the chooser itself). */
  noUser?: boolean;
  /** Answer errors as JSON (endpoints the page's script calls). */
  json?: boolean;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function isLoopback(address: string | undefined): boolean {
  return !!address && LOOPBACK.test(address);
}

export function queryOf(req: FastifyRequest): Record<string, string> {
  const q = req.query as Record<string, unknown> | undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

export function resolveLang(req: FastifyRequest, fallback: Lang): { lang: Lang; fromQuery: boolean } {
  const q = queryOf(req).lang;
  if (q === 'zh' || q === 'en') return { lang: q, fromQuery: true };
  const c = parseCookies(req.headers.cookie)[LANG_COOKIE];
  return { lang: c === 'zh' || c === 'en' ? c : fallback, fromQuery: false };
}

export function withParams(path: string, params: Record<string, string | number | undefined>): string {
  const [base, existing] = path.split('?');
  const sp = new URLSearchParams(existing);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
}

/** Only paths inside this site are followed after sign-in (no open redirect). */
export function safeNext(next: string | undefined): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

function readFlash(req: FastifyRequest): Flash | undefined {
  const raw = parseCookies(req.headers.cookie).kam_flash;
  if (!raw) return undefined;
  try {
    const f = JSON.parse(raw) as Flash;
    return f && typeof f.key === 'string' && f.key in consoleTexts ? f : undefined;
  } catch {
    return undefined;
  }
}

/** Pages load only our own script and styles; nothing may frame them. */
export function securityHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('cache-control', 'no-store');
}

export function page(deps: ConsoleDeps, handler: (ctx: PageContext) => Promise<Outcome>, opts: PageOptions = {}) {
  const { app, key } = deps;
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const cookies: string[] = [];
    const { lang, fromQuery } = resolveLang(req, app.config.lang);
    if (fromQuery) cookies.push(cookieHeader(LANG_COOKIE, lang, { maxAge: 365 * 24 * 3600, httpOnly: false }));
    const send = (status: number, body: Html | unknown) => {
      if (cookies.length) reply.header('set-cookie', cookies);
      securityHeaders(reply);
      if (body instanceof Html) return reply.code(status).type('text/html; charset=utf-8').send(body.value);
      return reply.code(status).send(body);
    };
    const refuse = (status: number, titleKey: ConsoleKey, bodyKey: ConsoleKey, vars?: Record<string, string>) =>
      opts.json ? send(status, { error: bodyKey }) : send(status, messagePage(lang, titleKey, bodyKey, vars));

    const tokenMode = !!app.config.apiToken;
    if (!tokenMode && !isLoopback(req.ip)) return refuse(403, 'loopback_only_title', 'loopback_only_body');
    if (req.method !== 'GET' && req.method !== 'HEAD' && !sameOrigin(req)) return refuse(403, 'forbidden_title', 'forbidden_origin');

    const wallClock = new Date();
    let session = decodeSession(parseCookies(req.headers.cookie)[SESSION_COOKIE], key, wallClock);
    // A token sign-in counts only while its server-side row exists (sign-out deletes it).
    if (tokenMode && session?.auth && !(session.sid && (await consoleSessionActive(app.db, session.sid, sessionsExpireBefore(wallClock))))) session = undefined;
    const authed = !tokenMode || session?.auth === true || tokenMatches(bearer(req), app.config.apiToken!);
    if (!authed) {
      if (opts.json || req.method !== 'GET') return send(401, opts.json ? { error: 'unauthorized' } : messagePage(lang, 'signin_title', 'signin_intro'));
      if (cookies.length) reply.header('set-cookie', cookies);
      return reply.redirect(withParams('/console/signin', { next: req.url }));
    }
    session ??= newSession(wallClock, true);

    const q = queryOf(req);
    const at = q.at?.trim() || undefined;
    let now = wallClock;
    if (at) {
      const parsed = parseWhen(at, app.config.timeZone);
      if (!parsed) return refuse(400, 'bad_at_title', 'bad_at_body', { at });
      now = parsed;
    }

    const user = session.user ? await getUser(app.db, session.user) : undefined;
    if (!user && !opts.noUser) {
      if (opts.json || req.method !== 'GET') return send(409, opts.json ? { error: 'no_user' } : messagePage(lang, 'choose_user_title', 'choose_user_intro'));
      if (cookies.length) reply.header('set-cookie', cookies);
      return reply.redirect(withParams('/console/act-as', { next: req.url }));
    }

    const flash = readFlash(req);
    if (flash) cookies.push(cookieHeader('kam_flash', '', { maxAge: 0 }));
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const ctx: PageContext = {
      app,
      req,
      lang,
      tz: app.config.timeZone,
      now,
      at,
      user: user as User,
      session,
      tokenMode,
      flash,
      body,
      href: (path, params = {}) => withParams(path, { ...params, at }),
      setSession(s) {
        cookies.push(cookieHeader(SESSION_COOKIE, encodeSession(s, key), { maxAge: SESSION_MAX_AGE_S, secure: req.protocol === 'https' }));
      },
      clearSession() {
        cookies.push(cookieHeader(SESSION_COOKIE, '', { maxAge: 0 }));
      },
      setFlash(f) {
        cookies.push(cookieHeader('kam_flash', JSON.stringify(f), { maxAge: 60 }));
      },
    };

    try {
      const out = await handler(ctx);
      if (out instanceof Html) return send(200, out);
      if ('redirect' in out) {
        if (cookies.length) reply.header('set-cookie', cookies);
        return reply.redirect(out.redirect, 303);
      }
      if ('page' in out) return send(out.status, out.page);
      return send(out.status ?? 200, out.json);
    } catch (e) {
      if (e instanceof NotFoundError) return refuse(404, 'not_found_title', 'not_found_body');
      app.log.error({ err: e, url: req.url.split('?')[0] }, 'console page failed');
      return opts.json ? send(500, { error: 'internal' }) : send(500, errorPage(lang));
    }
  };
}
