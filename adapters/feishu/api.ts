// Feishu calls through the official SDK client (tenant token fetched by the SDK, cached in our
// TokenCache so a token Feishu calls invalid can be dropped): send by chat or open_id, reply to a
// message, patch a card in place, read the bot's open_id.
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from 'pino';
import { PlatformError } from '../../src/errors.ts';
import type { CallDeadline } from '../shared/deadline.ts';
import { platformError } from '../shared/errors.ts';
import { API_RESULT, type FeishuCard } from './types.ts';

export interface FeishuApiConfig {
  appId: string;
  appSecret: string;
  baseUrl: string;
}

/** Codes worth retrying later: message rate limit, API frequency limit, internal errors. */
const TRANSIENT_CODES = new Set([230020, 99991400, 1000004, 1000005, 230099]);
/** "Invalid access token for authorization": fetch a new tenant token and try once more. */
const TOKEN_INVALID = 99991663;

/** The SDK's token cache (its `Cache` interface), kept here so a rejected token can be forgotten. */
class TokenCache implements lark.Cache {
  private readonly entries = new Map<string, { value: unknown; expiresAt?: number }>();

  async set(key: string | Symbol, value: unknown, expire?: number, options?: { namespace?: string }): Promise<boolean> {
    this.entries.set(cacheKey(key, options), { value, expiresAt: expire });
    return true;
  }

  async get(key: string | Symbol, options?: { namespace?: string }): Promise<unknown> {
    const entry = this.entries.get(cacheKey(key, options));
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) return undefined;
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
  }
}

const cacheKey = (key: string | Symbol, options?: { namespace?: string }) => `${options?.namespace ?? ''}/${String(key)}`;

/**
 * The SDK's HTTP client with every request (token fetches included) under the call deadline:
 * the SDK sets no timeout of its own, so a hung Feishu would hold an answer forever.
 */
function deadlineHttp(deadline: CallDeadline): lark.HttpInstance {
  // The instance's own typing is axios's; the SDK only needs the HttpInstance shape.
  const base = lark.defaultHttpInstance as unknown as lark.HttpInstance;
  const opts = <D>(o?: lark.HttpRequestOptions<D>) => ({ ...o, signal: deadline.signal() }) as lark.HttpRequestOptions<D>;
  return {
    request: (o) => base.request(opts(o)),
    get: (url, o) => base.get(url, opts(o)),
    delete: (url, o) => base.delete(url, opts(o)),
    head: (url, o) => base.head(url, opts(o)),
    options: (url, o) => base.options(url, opts(o)),
    post: (url, data, o) => base.post(url, data, opts(o)),
    put: (url, data, o) => base.put(url, data, opts(o)),
    patch: (url, data, o) => base.patch(url, data, opts(o)),
  };
}

/** Routes the SDK's own log lines to ours, at debug (we log failures ourselves, with codes). */
function sdkLogger(log: Logger) {
  const line = (...msg: unknown[]) => log.debug({ sdk: 'lark' }, msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ').slice(0, 500));
  return { error: line, warn: line, info: line, debug: line, trace: line };
}

export class FeishuApi {
  readonly client: lark.Client;
  private readonly tokens = new TokenCache();

  constructor(
    cfg: FeishuApiConfig,
    private readonly log: Logger,
    private readonly deadline: CallDeadline,
  ) {
    this.client = new lark.Client({
      appId: cfg.appId,
      appSecret: cfg.appSecret,
      domain: cfg.baseUrl.replace(/\/+$/, ''),
      appType: lark.AppType.SelfBuild,
      cache: this.tokens,
      logger: sdkLogger(log),
      loggerLevel: lark.LoggerLevel.debug,
      httpInstance: deadlineHttp(deadline),
    });
  }

  /** Sends a card to a chat (receiveIdType chat_id) or a person (open_id); `uuid` makes a resend idempotent for an hour. */
  async sendCard(receiveIdType: 'chat_id' | 'open_id', receiveId: string, card: FeishuCard, uuid?: string): Promise<string | undefined> {
    const res = await this.call('im.v1.message.create', () =>
      this.client.im.v1.message.create({
        params: { receive_id_type: receiveIdType },
        data: { receive_id: receiveId, msg_type: 'interactive', content: JSON.stringify(card), ...(uuid ? { uuid } : {}) },
      }),
    );
    return (res.data as { message_id?: string } | undefined)?.message_id;
  }

  async replyCard(messageId: string, card: FeishuCard, uuid?: string): Promise<void> {
    await this.call('im.v1.message.reply', () =>
      this.client.im.v1.message.reply({
        path: { message_id: messageId },
        data: { msg_type: 'interactive', content: JSON.stringify(card), ...(uuid ? { uuid } : {}) },
      }),
    );
  }

  /** Uploads a picture for a message (im/v1/images, image_type message); returns its image_key. */
  async uploadImage(png: Buffer): Promise<string> {
    const res = await this.call('im.v1.image.create', async () => {
      // The SDK returns only the `data` object of this call; wrap it back into Feishu's envelope.
      const data = await this.client.im.v1.image.create({ data: { image_type: 'message', image: png } });
      return data?.image_key ? { code: 0, data } : { code: -1, msg: 'no image_key in the answer' };
    });
    return (res.data as { image_key: string }).image_key;
  }

  /** Sends an uploaded picture to a chat or person, or (replyTo) as a reply to a message. */
  async sendImage(target: { chatId: string } | { replyTo: string }, imageKey: string, uuid?: string): Promise<void> {
    const data = { msg_type: 'image', content: JSON.stringify({ image_key: imageKey }), ...(uuid ? { uuid } : {}) };
    if ('replyTo' in target) await this.call('im.v1.message.reply', () => this.client.im.v1.message.reply({ path: { message_id: target.replyTo }, data }));
    else await this.call('im.v1.message.create', () => this.client.im.v1.message.create({ params: { receive_id_type: 'chat_id' }, data: { receive_id: target.chatId, ...data } }));
  }

  /**
   * Downloads a file of a received message (im/v1/messages/:message_id/resources/:file_key,
   * type=file for audio): a voice message's Ogg Opus. Needs the im:resource scope.
   */
  async downloadResource(messageId: string, fileKey: string, maxBytes: number, retriedToken = false): Promise<Buffer> {
    const name = 'im.v1.messageResource.get';
    try {
      const res = await this.client.im.v1.messageResource.get({ path: { message_id: messageId, file_key: fileKey }, params: { type: 'file' } });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.getReadableStream()) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) throw platformError(this.log, 'feishu', name, 'too_large', `resource over ${maxBytes} bytes`, false);
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    } catch (err) {
      if (err instanceof PlatformError) throw err;
      if (!retriedToken && responseCode(err) === TOKEN_INVALID) {
        this.tokens.clear();
        return this.downloadResource(messageId, fileKey, maxBytes, true);
      }
      throw this.toPlatformError(name, err);
    }
  }

  /** Replaces a sent card (used when a button's work outlasts the 3-second callback). */
  async patchCard(messageId: string, card: FeishuCard): Promise<void> {
    await this.call('im.v1.message.patch', () => this.client.im.v1.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }));
  }

  /** The bot's own open_id, to tell an @-mention of the bot from one of someone else. */
  async botOpenId(): Promise<string | undefined> {
    const res = await this.call('bot.v3.info', () => this.client.request({ method: 'GET', url: '/open-apis/bot/v3/info' }));
    return (res as { bot?: { open_id?: string } }).bot?.open_id;
  }

  private async call(name: string, fn: () => Promise<unknown>, retriedToken = false): Promise<{ code: number; msg?: string; data?: unknown }> {
    let raw: unknown;
    try {
      raw = await fn();
    } catch (err) {
      if (!retriedToken && responseCode(err) === TOKEN_INVALID) return this.withNewToken(name, fn);
      throw this.toPlatformError(name, err);
    }
    const res = API_RESULT.safeParse(raw);
    if (!res.success) throw platformError(this.log, 'feishu', name, undefined, 'unexpected response shape', true);
    const { code, msg } = res.data;
    if (code === TOKEN_INVALID && !retriedToken) return this.withNewToken(name, fn);
    // A token that is still refused after a fresh fetch: Feishu may accept one a little later.
    if (code !== 0) throw platformError(this.log, 'feishu', name, code, msg ?? 'error', TRANSIENT_CODES.has(code) || code === TOKEN_INVALID);
    return res.data;
  }

  private withNewToken(name: string, fn: () => Promise<unknown>) {
    this.log.info({ platform: 'feishu', platformCode: TOKEN_INVALID }, 'feishu tenant token rejected; fetching a new one');
    this.tokens.clear();
    return this.call(name, fn, true);
  }

  private toPlatformError(name: string, err: unknown): PlatformError {
    if (err instanceof PlatformError) return err;
    const e = err as { response?: { status?: number; data?: { code?: number; msg?: string } }; message?: string };
    const status = e.response?.status;
    const code = responseCode(err);
    if (code !== undefined) {
      const transient = TRANSIENT_CODES.has(code) || code === TOKEN_INVALID || (status !== undefined && (status >= 500 || status === 429));
      return platformError(this.log, 'feishu', name, code, e.response?.data?.msg ?? 'error', transient);
    }
    if (status !== undefined) return platformError(this.log, 'feishu', name, `http_${status}`, e.message ?? 'http error', status >= 500 || status === 429);
    const cut = this.deadline.cause(err);
    if (cut) return platformError(this.log, 'feishu', name, cut, cut === 'timeout' ? `no answer within ${this.deadline.timeoutMs} ms` : 'shutting down', true);
    // No HTTP answer at all (refused, reset, timeout, token endpoint down): try again later.
    return platformError(this.log, 'feishu', name, 'network', e.message ?? String(err), true);
  }
}

/** Feishu's own code in an HTTP error response the SDK threw, if any. */
function responseCode(err: unknown): number | undefined {
  const code = (err as { response?: { data?: { code?: unknown } } })?.response?.data?.code;
  return typeof code === 'number' ? code : undefined;
}
