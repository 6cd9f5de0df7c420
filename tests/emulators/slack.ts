// A local stand-in for the Slack Web API (auth.test, chat.postMessage, chat.update,
// conversations.open) and for response_url; plus helpers that sign requests as Slack does.
import { createHmac } from 'node:crypto';
import { PlatformEmulator } from './platform-base.ts';

export class SlackEmulator extends PlatformEmulator {
  private tsSeq = 0;

  constructor(opts: { botToken: string; botUserId: string; botId: string }) {
    super();
    const authed = (r: { headers: Record<string, unknown> }) => r.headers.authorization === `Bearer ${opts.botToken}`;
    const ok = (body: Record<string, unknown>) => (r: any) => (authed(r) ? { body: { ok: true, ...body } } : { body: { ok: false, error: 'invalid_auth' } });
    this.route('POST', '/api/auth.test', ok({ user_id: opts.botUserId, bot_id: opts.botId, team_id: 'T1', team: 'Team', user: 'kam' }));
    this.route('POST', '/api/chat.postMessage', (r) => (authed(r) ? { body: { ok: true, channel: r.body.channel, ts: `1700000000.${String(++this.tsSeq).padStart(6, '0')}` } } : { body: { ok: false, error: 'invalid_auth' } }));
    this.route('POST', '/api/chat.update', (r) => (authed(r) ? { body: { ok: true, channel: r.body.channel, ts: r.body.ts } } : { body: { ok: false, error: 'invalid_auth' } }));
    this.route('POST', '/api/conversations.open', (r) => (authed(r) ? { body: { ok: true, channel: { id: `D${String(r.body.users).slice(1)}` } } } : { body: { ok: false, error: 'invalid_auth' } }));
    this.routeMatching('POST', /^\/respond\/[\w-]+$/, () => ({ body: 'ok' }));
    // Shared files (url_private): the bytes with the bot token; without it Slack answers its sign-in page.
    this.routeMatching('GET', /^\/files-pri\//, (r) => {
      const file = this.files.get(r.path);
      if (!authed(r)) return { headers: { 'content-type': 'text/html' }, body: '<html>sign in</html>' };
      if (!file) return { status: 404, body: 'not found' };
      return { headers: { 'content-type': file.type }, body: file.data };
    });
  }

  /** Files people shared, by url_private path. */
  readonly files = new Map<string, { type: string; data: Buffer }>();

  /** A shared file; returns its url_private on this emulator. */
  addFile(id: string, name: string, data: Buffer, type: string): string {
    const path = `/files-pri/T1-${id}/${name}`;
    this.files.set(path, { type, data });
    return `${this.url}${path}`;
  }

  get posts(): any[] {
    return this.calls('/api/chat.postMessage').map((r) => r.body);
  }

  /** A response_url pointing at this emulator. */
  responseUrl(id: string): string {
    return `${this.url}/respond/${id}`;
  }
}

export function slackSign(signingSecret: string, timestamp: number, body: string): Record<string, string> {
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`,
  };
}

export function slackEvent(signingSecret: string, timestamp: number, payload: unknown, extraHeaders: Record<string, string> = {}): { headers: Record<string, string>; body: string } {
  const body = JSON.stringify(payload);
  return { headers: { 'content-type': 'application/json', ...slackSign(signingSecret, timestamp, body), ...extraHeaders }, body };
}

export function slackForm(signingSecret: string, timestamp: number, fields: Record<string, string>) {
  const body = new URLSearchParams(fields).toString();
  return { headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSign(signingSecret, timestamp, body) }, body };
}

export function mentionEvent(eventId: string, user: string, text: string, channel = 'C1') {
  return {
    type: 'event_callback',
    event_id: eventId,
    team_id: 'T1',
    api_app_id: 'A1',
    event: { type: 'app_mention', user, text, ts: '1700000000.000100', channel, event_ts: '1700000000.000100' },
  };
}

export function dmEvent(eventId: string, user: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'event_callback',
    event_id: eventId,
    team_id: 'T1',
    api_app_id: 'A1',
    event: { type: 'message', channel_type: 'im', user, text, ts: '1700000001.000200', channel: 'D0USER', event_ts: '1700000001.000200', ...extra },
  };
}

/**
 * Slack's Socket Mode side: apps.connections.open (on the Web API emulator) hands out this
 * server's URL; it greets with `hello`, pushes envelopes and records the client's acks.
 */
export class SlackSocketEmulator {
  readonly acks: string[] = [];
  private wss?: import('ws').WebSocketServer;
  private socket?: import('ws').WebSocket;
  private connected?: Promise<void>;

  async start(api: SlackEmulator, appToken: string): Promise<this> {
    const { WebSocketServer } = await import('ws');
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.wss!.once('listening', () => resolve()));
    const url = `ws://127.0.0.1:${(this.wss.address() as { port: number }).port}/link`;
    api.route('POST', '/api/apps.connections.open', (r) =>
      r.headers.authorization === `Bearer ${appToken}` ? { body: { ok: true, url } } : { body: { ok: false, error: 'invalid_auth' } },
    );
    this.connected = new Promise((resolve) => {
      this.wss!.on('connection', (ws) => {
        this.socket = ws;
        ws.on('message', (data) => {
          const msg = JSON.parse(String(data)) as { envelope_id?: string };
          if (msg.envelope_id) this.acks.push(msg.envelope_id);
        });
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
        resolve();
      });
    });
    return this;
  }

  waitForClient(): Promise<void> {
    return this.connected!;
  }

  /** Pushes an Events API payload in an envelope, as Slack does over the socket. */
  pushEvent(envelopeId: string, payload: unknown, retryAttempt = 0): void {
    this.socket!.send(JSON.stringify({ envelope_id: envelopeId, type: 'events_api', payload, accepts_response_payload: false, retry_attempt: retryAttempt, retry_reason: retryAttempt ? 'timeout' : '' }));
  }

  async stop(): Promise<void> {
    for (const c of this.wss?.clients ?? []) c.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }
}
