// Issue 18: DNS rebinding (host names in token-less mode), the Secure cookie behind an HTTPS
// proxy, server-side sign-out and the sign-in throttle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostAllowed } from '../../src/http/host-guard.ts';
import { ConsoleClient } from './client.ts';
import { startConsole, TOKEN, type ConsoleServer } from './helpers.ts';

describe('token-less mode serves loopback host names only (DNS rebinding)', () => {
  let srv: ConsoleServer;
  beforeAll(async () => {
    srv = await startConsole({ KAM_ALLOWED_HOSTS: 'kam.intranet.example, Box.Local' });
  });
  afterAll(() => srv.close());

  it('refuses a foreign Host with a matching Origin from loopback, on the console and /api/chat', async () => {
    const c = new ConsoleClient(srv.server, '127.0.0.1');
    const foreign = { host: 'attacker.example:3000', origin: 'http://attacker.example:3000' };
    const page = await c.get('/', foreign);
    expect(page.statusCode).toBe(421);
    expect(page.json()).toMatchObject({ error: 'misdirected_request', message: expect.stringContaining('KAM_ALLOWED_HOSTS') });
    expect((await c.post('/console/act-as', { user: 'u_admin', next: '/' }, foreign)).statusCode).toBe(421);
    const chat = await srv.server.inject({ method: 'POST', url: '/api/chat', remoteAddress: '127.0.0.1', headers: foreign, payload: { user: 'u_admin', text: 'help' } });
    expect(chat.statusCode).toBe(421);
    expect(c.cookies.has('kam_console')).toBe(false);
  });

  it('serves localhost, 127.0.0.1, [::1] and the allow-listed names', async () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'kam.intranet.example', 'box.local:8080']) {
      const c = new ConsoleClient(srv.server, '127.0.0.1');
      const r = await c.get('/', { host });
      expect(r.statusCode, host).toBe(302);
      const chat = await srv.server.inject({ method: 'POST', url: '/api/chat', remoteAddress: '127.0.0.1', headers: { host }, payload: { user: 'u_li', text: 'help' } });
      expect(chat.statusCode, host).toBe(200);
    }
    // Webhooks are signed: they answer whatever name the proxy forwards.
    expect((await srv.server.inject({ method: 'POST', url: '/webhooks/slack', headers: { host: 'attacker.example' }, payload: '{}' })).statusCode).toBe(404);
  });

  it('parses Host headers strictly', () => {
    expect(hostAllowed('LOCALHOST', [])).toBe(true);
    expect(hostAllowed('localhost.', [])).toBe(true);
    expect(hostAllowed('localhost.attacker.example', [])).toBe(false);
    expect(hostAllowed('127.0.0.1.nip.io', [])).toBe(false);
    expect(hostAllowed('[::1]', [])).toBe(true);
    expect(hostAllowed(undefined, [])).toBe(false);
  });
});

describe('console sessions with KAM_API_TOKEN', () => {
  let srv: ConsoleServer;
  let proxied: ConsoleServer;
  beforeAll(async () => {
    srv = await startConsole();
    proxied = await startConsole({ KAM_API_TOKEN: TOKEN, KAM_TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await srv.close();
    await proxied.close();
  });

  it('marks the cookie Secure behind an HTTPS proxy only when KAM_TRUST_PROXY is set', async () => {
    const viaProxy = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.4' };
    const trusted = await new ConsoleClient(proxied.server).post('/console/signin', { token: TOKEN, next: '/' }, viaProxy);
    expect(trusted.statusCode).toBe(303);
    expect(String(trusted.headers['set-cookie'])).toMatch(/kam_console=[^;]+;.*; Secure/);
    const untrusted = await new ConsoleClient(srv.server).post('/console/signin', { token: TOKEN, next: '/' }, viaProxy);
    expect(untrusted.statusCode).toBe(303);
    expect(String(untrusted.headers['set-cookie'])).not.toContain('Secure');
  });

  it('sign-out revokes the session on the server: a copied cookie stops working', async () => {
    const c = new ConsoleClient(srv.server);
    await c.signInAs(TOKEN, 'u_li');
    const copied = c.cookies.get('kam_console')!;
    expect((await c.get('/')).statusCode).toBe(200);
    expect((await c.post('/console/signout', {})).statusCode).toBe(303);
    const thief = new ConsoleClient(srv.server);
    thief.cookies.set('kam_console', copied);
    const r = await thief.get('/');
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toMatch(/^\/console\/signin/);
    expect((await thief.postJson('/console/api/chat', { text: '帮助' })).statusCode).toBe(401);
  });

  it('throttles failed sign-ins: 10 a minute per address, then 429 even for the right token', async () => {
    const c = new ConsoleClient(srv.server, '203.0.113.50');
    for (let i = 0; i < 10; i++) expect((await c.post('/console/signin', { token: `guess-${i}`, next: '/' })).statusCode).toBe(401);
    const blocked = await c.post('/console/signin', { token: TOKEN, next: '/' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('60');
    expect(c.cookies.has('kam_console')).toBe(false);
    // Another address is not affected.
    expect((await new ConsoleClient(srv.server, '203.0.113.51').post('/console/signin', { token: TOKEN, next: '/' })).statusCode).toBe(303);
  });
});
