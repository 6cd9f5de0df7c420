// A local stand-in for DingTalk: the server API (app access token, robot interactive cards and
// their update) and the Stream Mode gateway (connections/open hands out a ticket for this
// emulator's WebSocket, which pushes CALLBACK and SYSTEM frames and records the client's acks).
// Helpers sign HTTP callbacks exactly as DingTalk does.
//
// Wire formats, checked against (citations also in adapters/dingtalk/types.ts):
// - Stream frames {specVersion, type: SYSTEM|EVENT|CALLBACK, headers: {appId, connectionId,
//   contentType, messageId, time, topic}, data: JSON text}; the client's reply {code: 200, headers:
//   {contentType, messageId}, message: "OK", data: JSON text}; SYSTEM topics ping (answered with the
//   same headers and data) and disconnect: dingtalk-stream 2.1.5 dist/client.mjs (node_modules) and
//   open-dingtalk/dingtalk-stream-sdk-python dingtalk_stream/frames.py.
// - connections/open request {clientId, clientSecret, ua, subscriptions: [{type, topic}]} and answer
//   {endpoint, ticket}: open-dingtalk/dingtalk-stream-sdk-go payload/connection.go.
// - Robot messages: open-dingtalk/dingtalk-stream-sdk-go chatbot/model.go, dingtalk-stream-sdk-python
//   dingtalk_stream/chatbot.py (atUsers [{dingtalkId, staffId}], richText content), and the HTTP
//   receive-message doc (open.dingtalk.com/document/orgapp/receive-message; copy at
//   kk.hackerjk.top/study/72.html) for the sample body and the `timestamp`/`sign` headers.
// - Card callbacks {outTrackId, userId, userIdType, corpId, spaceType, spaceId, type, extension: JSON
//   text, content: JSON text of {cardPrivateData: {actionIds, params}}}: dingtalk-stream-sdk-go
//   card/model.go, dingtalk-stream-sdk-python dingtalk_stream/card_callback.py.
import { createHmac, randomUUID } from 'node:crypto';
import { multipartFields, PlatformEmulator, type RecordedRequest } from './platform-base.ts';

export interface DingtalkCredentials {
  clientId: string;
  clientSecret: string;
}

export class DingtalkEmulator extends PlatformEmulator {
  readonly acks: { messageId: string; data: unknown }[] = [];
  /** Every frame the client sent, as parsed JSON. */
  readonly frames: any[] = [];
  private ackWaiters: { messageId: string; resolve: () => void }[] = [];
  private wss?: import('ws').WebSocketServer;
  private sockets: import('ws').WebSocket[] = [];
  private readonly tickets = new Set<string>();
  private tokenSeq = 0;
  private readonly tokens = new Set<string>();
  private connectedWaiters: (() => void)[] = [];

  constructor(private readonly creds: DingtalkCredentials) {
    super();
    this.route('POST', '/v1.0/oauth2/accessToken', (r) => {
      if (r.body?.appKey !== creds.clientId || r.body?.appSecret !== creds.clientSecret) return { status: 400, body: { code: 'invalidClientIdOrSecret', message: '无效的clientId或者clientSecret' } };
      const token = `dt-token-${++this.tokenSeq}`;
      this.tokens.add(token);
      return { body: { accessToken: token, expireIn: 7200 } };
    });
    const authed = (r: { headers: Record<string, unknown> }) => this.tokens.has(String(r.headers['x-acs-dingtalk-access-token']));
    const unauth = { status: 401, body: { code: 'InvalidAuthentication', message: '不合法的access_token' } };
    this.route('POST', '/v1.0/im/v1.0/robot/interactiveCards/send', (r) => {
      if (!authed(r)) return unauth;
      // Required per the SDK's SendRobotInteractiveCardRequest (aliyun/dingtalk-sdk, im_1_0): cardTemplateId, cardBizId, cardData, robotCode.
      if (r.body?.cardTemplateId !== 'StandardCard' || !r.body?.cardBizId || typeof r.body?.cardData !== 'string') return { status: 400, body: { code: 'param.error', message: '参数无效' } };
      if (r.body?.robotCode !== (this.robotCode ?? creds.clientId)) return { status: 400, body: { code: 'param.error', message: 'robotCode 无效' } };
      if (!r.body.singleChatReceiver === !r.body.openConversationId) return { status: 400, body: { code: 'param.error', message: 'singleChatReceiver or openConversationId' } };
      return { body: { processQueryKey: `pqk-${r.body.cardBizId}` } };
    });
    // Update: {cardBizId, cardData (JSON text)}, as dingtalk-stream-sdk-python chatbot.py update_card sends it.
    this.route('PUT', '/v1.0/im/robots/interactiveCards', (r) => {
      if (!authed(r)) return unauth;
      if (!r.body?.cardBizId || typeof r.body?.cardData !== 'string') return { status: 400, body: { code: 'param.error', message: '参数无效' } };
      return { body: { success: true } };
    });
    // Pictures: uploaded on the older host's media/upload (the same token as access_token), sent as sampleImageMsg.
    this.route('POST', '/media/upload', (r) => {
      if (!this.tokens.has(r.query.access_token ?? '')) return { body: { errcode: 40014, errmsg: '不合法的access_token' } };
      const file = multipartFields(r).find((f) => f.name === 'media');
      if (r.query.type !== 'image' || !file?.filename || !file.data.length) return { body: { errcode: 40004, errmsg: '不合法的媒体文件类型' } };
      const mediaId = `@lADPemulated${++this.mediaSeq}`;
      this.media.set(mediaId, file.data);
      return { body: { errcode: 0, errmsg: 'ok', media_id: mediaId, created_at: Date.now(), type: 'image' } };
    });
    const robotSend = (r: RecordedRequest) => {
      if (!authed(r)) return unauth;
      const param = typeof r.body?.msgParam === 'string' ? JSON.parse(r.body.msgParam) : undefined;
      if (r.body?.robotCode !== (this.robotCode ?? creds.clientId) || !r.body?.msgKey || !param) return { status: 400, body: { code: 'param.error', message: '参数无效' } };
      if (r.body.msgKey === 'sampleImageMsg' && !this.media.has(param.photoURL)) return { status: 400, body: { code: 'invalidParameter.photoURL', message: '图片无效' } };
      return { body: { processQueryKey: `pqk-${++this.mediaSeq}` } };
    };
    this.route('POST', '/v1.0/robot/oToMessages/batchSend', robotSend);
    this.route('POST', '/v1.0/robot/groupMessages/send', robotSend);
    // Files people sent the robot: a download code is exchanged for a temporary URL (no token on the GET).
    this.route('POST', '/v1.0/robot/messageFiles/download', (r) => {
      if (!authed(r)) return unauth;
      if (!this.files.has(r.body?.downloadCode) || r.body?.robotCode !== (this.robotCode ?? creds.clientId)) return { status: 400, body: { code: 'invalidParameter.downloadCode', message: 'downloadCode有误或已过期' } };
      return { body: { downloadUrl: `${this.url}/temporary/media-file/${encodeURIComponent(r.body.downloadCode)}` } };
    });
    this.routeMatching('GET', /^\/temporary\/media-file\//, (r) => {
      const file = this.files.get(decodeURIComponent(r.path.split('/').pop()!));
      return file ? { headers: { 'content-type': 'application/octet-stream' }, body: file } : { status: 404, body: 'not found' };
    });
    this.route('POST', '/v1.0/gateway/connections/open', (r) => {
      if (r.body?.clientId !== creds.clientId || r.body?.clientSecret !== creds.clientSecret) return { status: 401, body: { code: 'Unauthorized', message: 'bad client' } };
      const ticket = randomUUID();
      this.tickets.add(ticket);
      return { body: { endpoint: this.wsUrl, ticket } };
    });
  }

  private mediaSeq = 0;
  /** Pictures uploaded with media/upload, by media_id. */
  readonly media = new Map<string, Buffer>();

  /** Files people sent, by download code. */
  readonly files = new Map<string, Buffer>();
  /** The robot code downloads must name (default: the Client ID, as for an internal app). */
  robotCode?: string;

  /** A file a person sent the robot (a voice message's audio), by its download code. */
  addFile(downloadCode: string, data: Buffer): void {
    this.files.set(downloadCode, data);
  }

  /** Cards sent, with their data parsed. */
  get cards(): { body: any; card: any }[] {
    return this.calls('/v1.0/im/v1.0/robot/interactiveCards/send').map((r) => ({ body: r.body, card: JSON.parse(r.body.cardData) }));
  }

  private get wsUrl(): string {
    return `ws://127.0.0.1:${(this.wss!.address() as { port: number }).port}/connect`;
  }

  override async start(): Promise<this> {
    await super.start();
    const { WebSocketServer } = await import('ws');
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.wss!.once('listening', () => resolve()));
    this.wss.on('connection', (ws, req) => {
      const ticket = new URL(req.url ?? '/', 'ws://x').searchParams.get('ticket') ?? '';
      if (!this.tickets.has(ticket)) return ws.close(4001, 'bad ticket');
      this.sockets.push(ws);
      ws.on('close', () => {
        this.sockets = this.sockets.filter((s) => s !== ws);
      });
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { headers?: { messageId?: string }; data?: string };
        this.frames.push(msg);
        const messageId = msg.headers?.messageId;
        if (!messageId) return;
        this.acks.push({ messageId, data: msg.data ? JSON.parse(msg.data) : undefined });
        for (const w of this.ackWaiters.filter((x) => x.messageId === messageId)) w.resolve();
        this.ackWaiters = this.ackWaiters.filter((x) => x.messageId !== messageId);
      });
      for (const w of this.connectedWaiters.splice(0)) w();
    });
    return this;
  }

  waitForClient(): Promise<void> {
    if (this.sockets.length) return Promise.resolve();
    return new Promise((resolve) => this.connectedWaiters.push(resolve));
  }

  /** Resolves when the client has answered the frame `messageId`. */
  waitForAck(messageId: string, timeoutMs = 5000): Promise<void> {
    if (this.acks.some((a) => a.messageId === messageId)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`emulator: no ack for ${messageId} in ${timeoutMs} ms`)), timeoutMs);
      this.ackWaiters.push({
        messageId,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Pushes a SYSTEM frame (topic "ping", "disconnect", ...) as the gateway does. */
  system(topic: string, payload: unknown = {}, messageId = randomUUID()): string {
    const frame = { specVersion: '1.0', type: 'SYSTEM', headers: { contentType: 'application/json', messageId, time: String(Date.now()), topic }, data: JSON.stringify(payload) };
    for (const s of this.sockets) s.send(JSON.stringify(frame));
    return messageId;
  }

  /** Closes every client connection (what the gateway does after a SYSTEM disconnect). */
  dropClients(): void {
    for (const s of this.sockets.splice(0)) s.close(1000, 'disconnect');
  }

  /** Pushes a CALLBACK frame as the Stream gateway does (data is a JSON string). */
  push(topic: string, payload: unknown, messageId = randomUUID()): string {
    const frame = {
      specVersion: '1.0',
      type: 'CALLBACK',
      headers: { appId: 'app1', connectionId: 'conn1', contentType: 'application/json', messageId, time: String(Date.now()), topic },
      data: JSON.stringify(payload),
    };
    for (const s of this.sockets) s.send(JSON.stringify(frame));
    return messageId;
  }

  override async stop(): Promise<void> {
    for (const c of this.wss?.clients ?? []) c.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
    await super.stop();
  }
}

/** DingTalk's robot callback signature: base64(HmacSHA256(appSecret, "timestamp\nappSecret")). */
export function dingtalkSign(appSecret: string, timestampMs: number): Record<string, string> {
  const ts = String(timestampMs);
  return { timestamp: ts, sign: createHmac('sha256', appSecret).update(`${ts}\n${appSecret}`).digest('base64') };
}

export function robotMessage(o: { msgId: string; staffId: string; text: string; group?: string; msgtype?: string; content?: unknown }) {
  return {
    conversationId: o.group ?? `cid_p2p_${o.staffId}`,
    chatbotCorpId: 'ding_corp',
    chatbotUserId: '$:LWCP_v1:$bot',
    msgId: o.msgId,
    senderNick: o.staffId,
    isAdmin: false,
    senderStaffId: o.staffId,
    sessionWebhookExpiredTime: 1700000000000,
    createAt: 1700000000000,
    senderCorpId: 'ding_corp',
    conversationType: o.group ? '2' : '1',
    ...(o.group ? { conversationTitle: '中建华东 项目群', isInAtList: true, atUsers: [{ dingtalkId: '$:LWCP_v1:$bot' }] } : {}),
    senderId: `$:LWCP_v1:$${o.staffId}`,
    sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=x',
    robotCode: 'dingrobot',
    msgtype: o.msgtype ?? 'text',
    ...(o.msgtype && o.msgtype !== 'text' ? { content: o.content ?? { downloadCode: 'x' } } : { text: { content: o.text } }),
  };
}

/** A button press on a card we sent (cardBizId = outTrackId). */
export function cardPress(o: { bizId: string; staffId: string; buttonId: string; group?: string }) {
  return {
    type: 'actionCallback',
    outTrackId: o.bizId,
    corpId: 'ding_corp',
    userId: o.staffId,
    userIdType: 1,
    extension: '{}',
    ...(o.group ? { spaceType: 'IM_GROUP', spaceId: o.group } : { spaceType: 'IM_ROBOT' }),
    content: JSON.stringify({ cardPrivateData: { actionIds: [o.buttonId], params: {} } }),
  };
}
