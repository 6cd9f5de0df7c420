// A tiny browser stand-in over Fastify's inject: keeps cookies between requests, posts forms.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export class ConsoleClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly server: FastifyInstance,
    private readonly remoteAddress = '127.0.0.1',
  ) {}

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    const set = res.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (attrs.some((a) => /^\s*max-age=0$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  private cookieHeader(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }

  async request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(opts.headers ?? {}) } as Record<string, string>;
    const cookie = this.cookieHeader();
    if (cookie && !headers.cookie) headers.cookie = cookie;
    return this.keep(await this.server.inject({ remoteAddress: this.remoteAddress, ...opts, headers }));
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }

  post(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request({
      method: 'POST',
      url,
      payload: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  }

  /** Signs in with the token and acts as the user. */
  async signInAs(token: string | undefined, userId: string): Promise<void> {
    if (token) {
      const r = await this.post('/console/signin', { token, next: '/' });
      if (r.statusCode !== 303) throw new Error(`sign-in failed: ${r.statusCode}`);
    }
    await this.actAs(userId);
  }

  async actAs(userId: string): Promise<void> {
    const r = await this.post('/console/act-as', { user: userId, next: '/' });
    if (r.statusCode !== 303) throw new Error(`act-as failed: ${r.statusCode} ${r.body.slice(0, 200)}`);
  }
}
