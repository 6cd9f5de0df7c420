// A local stand-in for the Slack Web API (auth.test, chat.postMessage, chat.update,
// conversations.open) and for response_url; plus helpers that sign requests as Slack does.
import { createHmac } from 'node:crypto';
import { multipartFields, PlatformEmulator } from './platform-base.ts';

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
    // External file uploads (what filesUploadV2 does): an upload URL, the bytes posted there, then completion into a channel.
    this.route('POST', '/api/files.getUploadURLExternal', (r) => {
      if (!authed(r)) return { body: { ok: false, error: 'invalid_auth' } };
      if (!r.body?.filename || !(Number(r.body?.length) > 0)) return { body: { ok: false, error: 'invalid_arguments' } };
      const fileId = `F0UP${++this.fileSeq}`;
      this.uploads.set(fileId, { filename: String(r.body.filename), length: Number(r.body.length) });
      return { body: { ok: true, upload_url: `${this.url}/upload/v1/${fileId}`, file_id: fileId } };
    });
    this.routeMatching('POST', /^\/upload\/v1\/F0UP\d+$/, (r) => {
      const upload = this.uploads.get(r.path.split('/').pop()!);
      // The bytes as the body, or as the file field of a multipart form (the SDK sends the latter).
      const multipart = /multipart\/form-data/i.test(String(r.headers['content-type'] ?? ''));
      const data = multipart ? multipartFields(r).find((f) => f.filename !== undefined)?.data : r.rawBytes;
      if (!upload || !data || data.length !== upload.length) return { status: 400, body: 'bad upload' };
      upload.data = data;
      return { body: 'OK - 0' };
    });
    this.route('POST', '/api/files.completeUploadExternal', (r) => {
      if (!authed(r)) return { body: { ok: false, error: 'invalid_auth' } };
      const files = (typeof r.body?.files === 'string' ? JSON.parse(r.body.files) : r.body?.files) as { id: string; title?: string }[];
      if (!files?.length || files.some((f) => !this.uploads.get(f.id)?.data)) return { body: { ok: false, error: 'file_not_found' } };
      for (const f of files) Object.assign(this.uploads.get(f.id)!, { title: f.title, channel: r.body.channel_id, threadTs: r.body.thread_ts });
      return { body: { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) } };
    });
    // Shared files (url_private): the bytes with the bot token; without it Slack answers its sign-in page.
    this.routeMatching('GET', /^\/files-pri\//, (r) => {
      const file = this.files.get(r.path);
      if (!authed(r)) return { headers: { 'content-type': 'text/html' }, body: '<html>sign in</html>' };
      if (!file) return { status: 404, body: 'not found' };
      return { headers: { 'content-type': file.type }, body: file.data };
    });
  }

  private fileSeq = 0;
  /** Files the app uploaded, by file id: the bytes once posted, the channel once completed. */
  readonly uploads = new Map<string, { filename: string; length: number; data?: Buffer; title?: string; channel?: string; threadTs?: string }>();

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
