// A local stand-in for the Feishu / Lark open platform: tenant token, bot info, message create,
// reply and card patch; plus helpers that build callbacks the way Feishu does (AES-256-CBC with
// key sha256(Encrypt Key), random IV; sha256 signature over timestamp + nonce + key + body).
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { multipartFields, PlatformEmulator, type RecordedRequest } from './platform-base.ts';

export class FeishuEmulator extends PlatformEmulator {
  private msgSeq = 0;
  private tokenSeq = 0;
  /** Tenant tokens the emulator currently accepts (the first one issued is `t-emulated`). */
  readonly validTokens = new Set<string>();

  constructor(opts: { appId: string; appSecret: string; botOpenId: string }) {
    super();
    this.route('POST', '/open-apis/auth/v3/tenant_access_token/internal', (r) => {
      if (r.body?.app_id !== opts.appId || r.body?.app_secret !== opts.appSecret) return { body: { code: 10014, msg: 'app secret invalid' } };
      const token = ++this.tokenSeq === 1 ? 't-emulated' : `t-emulated-${this.tokenSeq}`;
      this.validTokens.add(token);
      return { body: { code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 } };
    });
    this.route('GET', '/open-apis/bot/v3/info', () => ({ body: { code: 0, msg: 'ok', bot: { open_id: opts.botOpenId, app_name: 'KAM' } } }));
    const sent = (r: RecordedRequest) => this.checkToken(r) ?? { body: { code: 0, msg: 'success', data: { message_id: this.deliver(r) } } };
    this.route('POST', '/open-apis/im/v1/messages', sent);
    this.routeMatching('POST', /^\/open-apis\/im\/v1\/messages\/[^/]+\/reply$/, sent);
    this.routeMatching('PATCH', /^\/open-apis\/im\/v1\/messages\/[^/]+$/, (r) => this.checkToken(r) ?? { body: { code: 0, msg: 'success', data: {} } });
    // Files of received messages (im/v1/messages/:message_id/resources/:file_key?type=…): the bytes, or a JSON error.
    this.routeMatching('GET', /^\/open-apis\/im\/v1\/messages\/[^/]+\/resources\/[^/]+$/, (r) => {
      const refused = this.checkToken(r);
      if (refused) return { status: 400, body: refused.body };
      const [, messageId, fileKey] = /messages\/([^/]+)\/resources\/([^/]+)$/.exec(r.path)!;
      const file = this.resources.get(`${messageId}/${fileKey}`);
      if (!file || (r.query.type !== 'file' && r.query.type !== 'image')) return { status: 400, body: { code: 234003, msg: 'File not in msg.' } };
      return { headers: { 'content-type': file.type }, body: file.data };
    });
    // Image upload (multipart: image_type, image), as im/v1/images answers it.
    this.route('POST', '/open-apis/im/v1/images', (r) => {
      const refused = this.checkToken(r);
      if (refused) return refused;
      const fields = multipartFields(r);
      const image = fields.find((f) => f.name === 'image');
      if (fields.find((f) => f.name === 'image_type')?.data.toString() !== 'message' || !image?.data.length) return { status: 400, body: { code: 234001, msg: 'Invalid request param.' } };
      const key = `img_v3_emulated_${++this.imageSeq}`;
      this.images.set(key, image.data);
      return { body: { code: 0, msg: 'success', data: { image_key: key } } };
    });
  }

  /** Files attached to messages people sent, by message_id/file_key. */
  readonly resources = new Map<string, { type: string; data: Buffer }>();

  /** A message's file (a voice message's audio), served by the resources download. */
  addResource(messageId: string, fileKey: string, data: Buffer, type = 'audio/ogg'): void {
    this.resources.set(`${messageId}/${fileKey}`, { type, data });
  }

  private imageSeq = 0;
  /** Uploaded pictures by image_key. */
  readonly images = new Map<string, Buffer>();

  /** Messages that reached a chat, in order: a resend with a uuid already delivered is not among them. */
  readonly delivered: RecordedRequest[] = [];
  private readonly byUuid = new Map<string, string>();

  /** As Feishu does: a request whose uuid was already delivered (within the hour) is answered with that message and not shown again. */
  private deliver(r: RecordedRequest): string {
    const uuid = r.body?.uuid as string | undefined;
    const known = uuid ? this.byUuid.get(uuid) : undefined;
    if (known) return known;
    const id = `om_sent_${++this.msgSeq}`;
    if (uuid) this.byUuid.set(uuid, id);
    this.delivered.push(r);
    return id;
  }

  override reset(): void {
    super.reset();
    this.images.clear();
    this.delivered.length = 0;
    this.byUuid.clear();
  }

  /** Makes the emulator reject every tenant token issued so far, as Feishu does once one is invalid. */
  expireTokens(): void {
    this.validTokens.clear();
  }

  private checkToken(r: RecordedRequest) {
    const token = String(r.headers.authorization ?? '').replace(/^Bearer /, '');
    return this.validTokens.has(token) ? undefined : { body: { code: 99991663, msg: 'Invalid access token for authorization.' } };
  }

  /** Every card the bot sent (create, reply or patch), parsed, in order. */
  get cards(): { path: string; method: string; card: any }[] {
    return this.requests
      .filter((r) => /^\/open-apis\/im\/v1\/messages/.test(r.path) && r.body?.content)
      .map((r) => ({ path: r.path, method: r.method, card: JSON.parse(r.body.content) }));
  }
}

export function feishuEncrypt(encryptKey: string, plain: string, iv = randomBytes(16)): string {
  const key = createHash('sha256').update(encryptKey).digest();
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

/** Headers and body of a callback as Feishu posts it (encrypted and signed when a key is given). */
export function feishuCallback(payload: unknown, opts: { encryptKey?: string; timestamp: number; nonce?: string }) {
  const plain = JSON.stringify(payload);
  const body = opts.encryptKey ? JSON.stringify({ encrypt: feishuEncrypt(opts.encryptKey, plain) }) : plain;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.encryptKey) {
    const nonce = opts.nonce ?? randomBytes(8).toString('hex');
    headers['x-lark-request-timestamp'] = String(opts.timestamp);
    headers['x-lark-request-nonce'] = nonce;
    headers['x-lark-signature'] = createHash('sha256').update(`${opts.timestamp}${nonce}${opts.encryptKey}${body}`).digest('hex');
  }
  return { headers, body };
}

let seq = 0;

export function messageEvent(p: { token: string; createTime?: number; eventId?: string; messageId?: string; senderOpenId: string; chatType: 'p2p' | 'group'; text?: string; messageType?: string; content?: unknown; chatId?: string; mentions?: { key: string; openId: string; name: string; userId?: string | null }[] }) {
  seq++;
  return {
    schema: '2.0',
    header: { event_id: p.eventId ?? `ev_${seq}`, token: p.token, create_time: String(p.createTime ?? 1700000000000), event_type: 'im.message.receive_v1', tenant_key: 't1', app_id: 'cli_test' },
    event: {
      sender: { sender_id: { open_id: p.senderOpenId, user_id: 'u', union_id: 'on' }, sender_type: 'user', tenant_key: 't1' },
      message: {
        message_id: p.messageId ?? `om_${seq}`,
        chat_id: p.chatId ?? (p.chatType === 'p2p' ? `oc_p2p_${p.senderOpenId}` : 'oc_group1'),
        chat_type: p.chatType,
        message_type: p.messageType ?? 'text',
        content: p.content !== undefined ? JSON.stringify(p.content) : p.messageType && p.messageType !== 'text' ? JSON.stringify({ image_key: 'img_1' }) : JSON.stringify({ text: p.text ?? '' }),
        create_time: '1700000000000',
        mentions: p.mentions?.map((m) => ({ key: m.key, id: { open_id: m.openId, user_id: m.userId === undefined ? '' : m.userId, union_id: '' }, name: m.name, tenant_key: 't1' })),
      },
    },
  };
}

export function cardActionEvent(p: { token: string; createTime?: number; eventId?: string; operatorOpenId: string; value: unknown; messageId: string; chatId: string }) {
  seq++;
  return {
    schema: '2.0',
    header: { event_id: p.eventId ?? `ev_card_${seq}`, token: p.token, create_time: String(p.createTime ?? 1700000000000), event_type: 'card.action.trigger', tenant_key: 't1', app_id: 'cli_test' },
    event: {
      operator: { open_id: p.operatorOpenId, user_id: 'u', union_id: 'on', tenant_key: 't1' },
      token: 'c-update-token',
      action: { value: p.value, tag: 'button' },
      host: 'im_message',
      context: { open_message_id: p.messageId, open_chat_id: p.chatId },
    },
  };
}

// ---- Long connection (WSClient) ----------------------------------------------------------
// Feishu's persistent connection speaks protobuf frames (pbbp2.Frame). The few fields the SDK
// reads are encoded here by hand: 1 SeqID, 2 LogID, 3 service, 4 method (0 control, 1 data),
// 5 headers {1 key, 2 value}, 8 payload.

interface WsFrame {
  seqId: number;
  method: number;
  service: number;
  headers: Record<string, string>;
  payload: Buffer;
}

function varint(n: number): Buffer {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

const field = (no: number, wire: number) => varint(no * 8 + wire);
const bytesField = (no: number, b: Buffer) => Buffer.concat([field(no, 2), varint(b.length), b]);

export function encodeFrame(f: WsFrame): Buffer {
  const headers = Object.entries(f.headers).map(([k, v]) => bytesField(5, Buffer.concat([bytesField(1, Buffer.from(k)), bytesField(2, Buffer.from(v))])));
  return Buffer.concat([field(1, 0), varint(f.seqId), field(2, 0), varint(0), field(3, 0), varint(f.service), field(4, 0), varint(f.method), ...headers, bytesField(8, f.payload)]);
}

function readVarint(b: Buffer, pos: number): [number, number] {
  let n = 0;
  let mul = 1;
  for (;;) {
    const byte = b[pos++];
    n += (byte & 0x7f) * mul;
    if (!(byte & 0x80)) return [n, pos];
    mul *= 128;
  }
}

export function decodeFrame(b: Buffer): WsFrame {
  const f: WsFrame = { seqId: 0, method: 0, service: 0, headers: {}, payload: Buffer.alloc(0) };
  let pos = 0;
  while (pos < b.length) {
    let key: number;
    [key, pos] = readVarint(b, pos);
    const no = key >> 3;
    if ((key & 7) === 0) {
      let v: number;
      [v, pos] = readVarint(b, pos);
      if (no === 1) f.seqId = v;
      if (no === 3) f.service = v;
      if (no === 4) f.method = v;
      continue;
    }
    let len: number;
    [len, pos] = readVarint(b, pos);
    const chunk = b.subarray(pos, pos + len);
    pos += len;
    if (no === 5) {
      const kv = decodeHeader(chunk);
      f.headers[kv.key] = kv.value;
    }
    if (no === 8) f.payload = Buffer.from(chunk);
  }
  return f;
}

function decodeHeader(b: Buffer): { key: string; value: string } {
  let pos = 0;
  const out = { key: '', value: '' };
  while (pos < b.length) {
    let key: number;
    [key, pos] = readVarint(b, pos);
    let len: number;
    [len, pos] = readVarint(b, pos);
    const s = b.subarray(pos, pos + len).toString('utf8');
    pos += len;
    if (key >> 3 === 1) out.key = s;
    else out.value = s;
  }
  return out;
}

/** The persistent-connection side: /callback/ws/endpoint hands out this server's URL. */
export class FeishuWsEmulator {
  /** Acks the SDK sent back: the handler's result per message id. */
  readonly acks = new Map<string, { code: number; data?: unknown }>();
  private wss?: import('ws').WebSocketServer;
  private socket?: import('ws').WebSocket;
  private connected?: Promise<void>;
  private seq = 0;

  async start(api: FeishuEmulator, appId: string): Promise<this> {
    const { WebSocketServer } = await import('ws');
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.wss!.once('listening', () => resolve()));
    const url = `ws://127.0.0.1:${(this.wss.address() as { port: number }).port}/ws?device_id=d1&service_id=7`;
    api.route('POST', '/callback/ws/endpoint', (r) =>
      r.body?.AppID === appId
        ? { body: { code: 0, msg: 'ok', data: { URL: url, ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 } } } }
        : { body: { code: 1000040343, msg: 'app not found' } },
    );
    this.connected = new Promise((resolve) => {
      this.wss!.on('connection', (ws) => {
        this.socket = ws;
        ws.on('message', (data) => {
          const f = decodeFrame(data as Buffer);
          if (f.method !== 1 || !f.headers.message_id) return;
          const body = JSON.parse(f.payload.toString('utf8')) as { code: number; data?: string };
          this.acks.set(f.headers.message_id, { code: body.code, data: body.data ? JSON.parse(Buffer.from(body.data, 'base64').toString('utf8')) : undefined });
        });
        resolve();
      });
    });
    return this;
  }

  waitForClient(): Promise<void> {
    return this.connected!;
  }

  /** Pushes an event (the v2 envelope, unencrypted) as one data frame. */
  pushEvent(messageId: string, envelope: unknown): void {
    this.socket!.send(
      encodeFrame({
        seqId: ++this.seq,
        service: 7,
        method: 1,
        headers: { type: 'event', message_id: messageId, sum: '1', seq: '0', trace_id: `trace-${this.seq}` },
        payload: Buffer.from(JSON.stringify(envelope)),
      }),
    );
  }

  async waitForAck(messageId: string, timeoutMs = 5000): Promise<{ code: number; data?: unknown }> {
    const until = Date.now() + timeoutMs;
    while (!this.acks.has(messageId)) {
      if (Date.now() > until) throw new Error(`no ack for ${messageId}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.acks.get(messageId)!;
  }

  async stop(): Promise<void> {
    for (const c of this.wss?.clients ?? []) c.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }
}
