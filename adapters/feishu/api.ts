// Feishu calls through the official SDK client (tenant token fetched and cached by the SDK):
// send by chat or open_id, reply to a message, patch a card in place, read the bot's open_id.
import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from 'pino';
import { PlatformError } from '../../src/errors.ts';
import { platformError } from '../shared/errors.ts';
import { API_RESULT, type FeishuCard } from './types.ts';

export interface FeishuApiConfig {
  appId: string;
  appSecret: string;
  baseUrl: string;
}

/** Codes worth retrying later: message rate limit, API frequency limit, internal errors. */
const TRANSIENT_CODES = new Set([230020, 99991400, 1000004, 1000005, 230099]);

/** Routes the SDK's own log lines to ours, at debug (we log failures ourselves, with codes). */
function sdkLogger(log: Logger) {
  const line = (...msg: unknown[]) => log.debug({ sdk: 'lark' }, msg.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ').slice(0, 500));
  return { error: line, warn: line, info: line, debug: line, trace: line };
}

export class FeishuApi {
  readonly client: lark.Client;

  constructor(
    cfg: FeishuApiConfig,
    private readonly log: Logger,
  ) {
    this.client = new lark.Client({
      appId: cfg.appId,
      appSecret: cfg.appSecret,
      domain: cfg.baseUrl.replace(/\/+$/, ''),
      appType: lark.AppType.SelfBuild,
      logger: sdkLogger(log),
      loggerLevel: lark.LoggerLevel.debug,
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

  /** Replaces a sent card (used when a button's work outlasts the 3-second callback). */
  async patchCard(messageId: string, card: FeishuCard): Promise<void> {
    await this.call('im.v1.message.patch', () => this.client.im.v1.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }));
  }

  /** The bot's own open_id, to tell an @-mention of the bot from one of someone else. */
  async botOpenId(): Promise<string | undefined> {
    const res = await this.call('bot.v3.info', () => this.client.request({ method: 'GET', url: '/open-apis/bot/v3/info' }));
    return (res as { bot?: { open_id?: string } }).bot?.open_id;
  }

  private async call(name: string, fn: () => Promise<unknown>): Promise<{ code: number; msg?: string; data?: unknown }> {
    let raw: unknown;
    try {
      raw = await fn();
    } catch (err) {
      throw this.toPlatformError(name, err);
    }
    const res = API_RESULT.safeParse(raw);
    if (!res.success) throw platformError(this.log, 'feishu', name, undefined, 'unexpected response shape', true);
    if (res.data.code !== 0) throw platformError(this.log, 'feishu', name, res.data.code, res.data.msg ?? 'error', TRANSIENT_CODES.has(res.data.code));
    return res.data;
  }

  private toPlatformError(name: string, err: unknown): PlatformError {
    if (err instanceof PlatformError) return err;
    const e = err as { response?: { status?: number; data?: { code?: number; msg?: string } }; message?: string };
    const status = e.response?.status;
    const code = e.response?.data?.code;
    if (typeof code === 'number') {
      return platformError(this.log, 'feishu', name, code, e.response?.data?.msg ?? 'error', TRANSIENT_CODES.has(code) || (status !== undefined && status >= 500));
    }
    if (status !== undefined) return platformError(this.log, 'feishu', name, `http_${status}`, e.message ?? 'http error', status >= 500 || status === 429);
    // No HTTP answer at all (refused, reset, timeout, token endpoint down): try again later.
    return platformError(this.log, 'feishu', name, 'network', e.message ?? String(err), true);
  }
}
