// Console sign-in: the token, the signed session cookie, choosing whom to act as, cross-site
// writes refused, and loopback-only access without a token.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { buildServer } from '../../src/http/server.ts';
import { emptyDb } from '../helpers/db.ts';
import { ConsoleClient } from './client.ts';
import { startConsole, TOKEN, type ConsoleServer } from './helpers.ts';

describe('console with KAM_API_TOKEN', () => {
  let srv: ConsoleServer;
  beforeAll(async () => {
    srv = await startConsole();
  });
  afterAll(() => srv.close());

  it('sends a visitor without a session to sign in, keeping where they wanted to go', async () => {
    const c = new ConsoleClient(srv.server);
    const r = await c.get('/console/accounts/A200');
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/console/signin?next=%2Fconsole%2Faccounts%2FA200');
    const page = await c.get('/console/signin');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="token"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a wrong token and signs in with the right one', async () => {
    const c = new ConsoleClient(srv.server);
    const wrong = await c.post('/console/signin', { token: 'nope', next: '/' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('data-testid="signin-error"');
    expect(c.cookies.has('kam_console')).toBe(false);
    const ok = await c.post('/console/signin', { token: TOKEN, next: '/console/alerts' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/console/act-as?next=%2Fconsole%2Falerts');
    expect(String(ok.headers['set-cookie'])).toMatch(/kam_console=.*HttpOnly/);
    expect(String(ok.headers['set-cookie'])).toContain('SameSite=Strict');
  });

  it('asks whom to act as, then remembers the choice in the signed cookie', async () => {
    const c = new ConsoleClient(srv.server);
    await c.post('/console/signin', { token: TOKEN, next: '/' });
    const before = await c.get('/console/accounts');
    expect(before.statusCode).toBe(302);
    expect(before.headers.location).toBe('/console/act-as?next=%2Fconsole%2Faccounts');
    const chooser = await c.get('/console/act-as');
    expect(chooser.body).toContain('data-testid="act-as-u_li"');
    const unknown = await c.post('/console/act-as', { user: 'u_nobody', next: '/' });
    expect(unknown.statusCode).toBe(400);
    const chosen = await c.post('/console/act-as', { user: 'u_li', next: '/console/accounts' });
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toBe('/console/accounts');
    const after = await c.get('/console/accounts');
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('<option value="u_li" selected>');
  });

  it('does not follow a next= that leaves the site', async () => {
    const c = new ConsoleClient(srv.server);
    await c.signInAs(TOKEN, 'u_li');
    const r = await c.post('/console/act-as', { user: 'u_li', next: '//evil.example/' });
    expect(r.headers.location).toBe('/');
  });

  it('treats a tampered session cookie as no session', async () => {
    const c = new ConsoleClient(srv.server);
    await c.signInAs(TOKEN, 'u_zhang');
    const [payload, mac] = c.cookies.get('kam_console')!.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), user: 'u_admin' })).toString('base64url');
    const r = await c.get('/console/rules', { cookie: `kam_console=${forged}.${mac}` });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toMatch(/^\/console\/signin/);
  });

  it('accepts the bearer token instead of a sign-in (scripts), still needing a user to act as', async () => {
    const c = new ConsoleClient(srv.server);
    const r = await c.get('/console/accounts', { authorization: `Bearer ${TOKEN}` });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toMatch(/^\/console\/act-as/);
    const bad = await c.get('/console/accounts', { authorization: 'Bearer wrong' });
    expect(bad.headers.location).toMatch(/^\/console\/signin/);
  });

  it('refuses a write from another site', async () => {
    const c = new ConsoleClient(srv.server);
    await c.signInAs(TOKEN, 'u_li');
    const r = await c.post('/console/act-as', { user: 'u_admin', next: '/' }, { origin: 'https://evil.example' });
    expect(r.statusCode).toBe(403);
    const json = await c.postJson('/console/api/chat', { text: '帮助' }, { origin: 'https://evil.example' });
    expect(json.statusCode).toBe(403);
  });

  it('guards every page and action: GET goes to sign-in, a write is refused', async () => {
    const c = new ConsoleClient(srv.server);
    for (const url of ['/', '/console/accounts', '/console/accounts/A200', '/console/alerts', '/console/briefings', '/console/outbox', '/console/rules', '/console/act-as', '/console/nope']) {
      const r = await c.get(url);
      expect(r.statusCode, url).toBe(302);
      expect(r.headers.location, url).toMatch(/^\/console\/signin\?next=/);
    }
    for (const url of ['/console/chat', '/console/alerts/1/ack', '/console/alerts/sweep', '/console/outbox/retry', '/console/rules', '/console/rules/reset', '/console/act-as', '/console/signout']) {
      const r = await c.post(url, { text: 'x', user: 'u_admin', key: 'budget_lag.points', value: '1' });
      expect(r.statusCode, url).toBe(401);
    }
    expect(await srv.db.query(`SELECT 1 FROM settings WHERE key = 'budget_lag.points'`).then((r) => r.rows.length)).toBe(0);
  });

  it('answers 401 JSON to the chat endpoint without a session', async () => {
    const c = new ConsoleClient(srv.server);
    const r = await c.postJson('/console/api/chat', { text: '帮助' });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toEqual({ error: 'unauthorized' });
  });

  it('signs out', async () => {
    const c = new ConsoleClient(srv.server);
    await c.signInAs(TOKEN, 'u_li');
    const r = await c.post('/console/signout', {});
    expect(r.statusCode).toBe(303);
    expect(c.cookies.has('kam_console')).toBe(false);
    expect((await c.get('/')).headers.location).toMatch(/^\/console\/signin/);
  });

  it('shows no loopback notice when a token is set', async () => {
    const c = new ConsoleClient(srv.server, '203.0.113.7');
    await c.signInAs(TOKEN, 'u_li');
    const r = await c.get('/');
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toContain('data-testid="loopback-notice"');
  });
});

describe('console without KAM_API_TOKEN', () => {
  let srv: ConsoleServer;
  beforeAll(async () => {
    srv = await startConsole({});
  });
  afterAll(() => srv.close());

  it('refuses clients other than this machine', async () => {
    const c = new ConsoleClient(srv.server, '203.0.113.7');
    const r = await c.get('/');
    expect(r.statusCode).toBe(403);
    expect(r.body).toContain('KAM_API_TOKEN');
    expect((await c.postJson('/console/api/chat', { text: 'help' })).statusCode).toBe(403);
  });

  it('lets a loopback client in without sign-in, with a visible notice', async () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const c = new ConsoleClient(srv.server, address);
      expect((await c.get('/console/signin')).headers.location).toBe('/');
      const first = await c.get('/');
      expect(first.headers.location).toBe('/console/act-as?next=%2F');
      const chooser = await c.get('/console/act-as');
      expect(chooser.body).toContain('data-testid="loopback-notice"');
      await c.actAs('u_li');
      const home = await c.get('/');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain('data-testid="loopback-notice"');
    }
  });
});

describe('console on an empty database', () => {
  it('says that users must be imported before anyone can be chosen', async () => {
    const db = await emptyDb();
    const server = await buildServer({ db, config: loadConfig({ KAM_DEMO: 'false' }), log: pino({ level: 'silent' }) });
    try {
      const c = new ConsoleClient(server);
      const r = await c.get('/console/act-as');
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('data-testid="no-users"');
      expect((await c.post('/console/act-as', { user: 'u_li', next: '/' })).statusCode).toBe(400);
    } finally {
      await server.close();
      await db.close();
    }
  });
});
