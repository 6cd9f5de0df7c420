// The console session lives in one signed, HttpOnly, SameSite=Strict cookie: whether the browser
// signed in with the token, which user it acts as, and a chat id. A token sign-in also names a
// row of console_sessions, which sign-out deletes (a copied cookie then stops working). Nothing is
// kept in process memory, so any instance behind a load balancer can serve any request. The signing key comes from
// KAM_API_TOKEN (changing the token signs every browser out); without a token, from a per-process
// key (loopback only, where nothing needs protecting across restarts).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface Session {
  /** Signed in with the token (always true without a token: loopback clients need no sign-in). */
  auth: boolean;
  /** The user the console acts as. */
  user?: string;
  /** Per-browser chat id, so two browsers do not share a chat context. */
  chat: string;
  /** Issued at, epoch seconds. */
  iat: number;
  /** Server-side id of a token sign-in (console_sessions); sign-out deletes that row. */
  sid?: string;
}

export const SESSION_COOKIE = 'kam_console';
export const LANG_COOKIE = 'kam_lang';
/** How long a sign-in lasts. */
export const SESSION_MAX_AGE_S = 7 * 24 * 3600;

export function sessionKey(apiToken: string | undefined): Buffer {
  if (!apiToken) return randomBytes(32);
  return createHash('sha256').update('kam-console-session\0').update(apiToken).digest();
}

const b64 = (b: Buffer) => b.toString('base64url');

export function newSession(now: Date, auth: boolean, sid?: string): Session {
  return { auth, chat: randomBytes(9).toString('base64url'), iat: Math.floor(now.getTime() / 1000), ...(sid ? { sid } : {}) };
}

/** A new server-side session id (unguessable; the cookie is signed as well). */
export function newSessionId(): string {
  return randomBytes(18).toString('base64url');
}

/** Sessions created before this moment have expired. */
export function sessionsExpireBefore(now: Date): Date {
  return new Date(now.getTime() - SESSION_MAX_AGE_S * 1000);
}

export function encodeSession(s: Session, key: Buffer): string {
  const payload = b64(Buffer.from(JSON.stringify(s)));
  return `${payload}.${b64(createHmac('sha256', key).update(payload).digest())}`;
}

/** The session in a cookie value, or undefined when it is forged, malformed or expired. */
export function decodeSession(value: string | undefined, key: Buffer, now: Date): Session | undefined {
  if (!value) return undefined;
  const [payload, mac] = value.split('.');
  if (!payload || !mac) return undefined;
  const expected = createHmac('sha256', key).update(payload).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const s = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session;
    if (typeof s.iat !== 'number' || typeof s.chat !== 'string') return undefined;
    if (now.getTime() / 1000 - s.iat > SESSION_MAX_AGE_S) return undefined;
    return s;
  } catch {
    return undefined;
  }
}

/** Compares a presented token with the configured one in constant time. */
export function tokenMatches(presented: string | undefined, apiToken: string): boolean {
  if (!presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(apiToken).digest();
  return timingSafeEqual(a, b);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

export function cookieHeader(name: string, value: string, opts: { maxAge?: number; httpOnly?: boolean; secure?: boolean } = {}): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Strict'];
  if (opts.maxAge !== undefined) parts.push(`Max-Age=${opts.maxAge}`);
  if (opts.httpOnly !== false) parts.push('HttpOnly');
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}
