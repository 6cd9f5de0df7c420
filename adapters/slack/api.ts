// Slack Web API calls through the SDK's WebClient (base URL from SLACK_API_URL): post, update,
// open a DM, auth.test. Errors become PlatformError carrying Slack's error string.
import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { PlatformError } from '../../src/errors.ts';
import type { CallDeadline } from '../shared/deadline.ts';
import { platformError } from '../shared/errors.ts';
import { readCapped } from '../shared/download.ts';
import type { SlackMessage } from './types.ts';

/** Worth another try later; token_expired included: a rotated token may be in place by then. */
const TRANSIENT_CODES = new Set(['ratelimited', 'rate_limited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'token_expired']);

export interface BotIdentity {
  userId?: string;
  botId?: string;
}

export class SlackApi {
  readonly client: webApi.WebClient;
  /** fetch under the call deadline; bolt's `respond` (response_url) goes through it too. */
  readonly fetch: webApi.WebClientOptions['fetch'];
  private readonly dmChannels = new Map<string, string>();

  constructor(
    private readonly botToken: string,
    private readonly apiUrl: string,
    private readonly log: Logger,
    private readonly deadline: CallDeadline,
  ) {
    // The SDK's own `timeout` would replace the signal; ours carries the deadline and shutdown.
    this.fetch = (url, init) => fetch(url, { ...init, signal: deadline.signal() } as RequestInit) as any;
    this.client = new webApi.WebClient(botToken, {
      fetch: this.fetch,
      slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
      // Retrying is ours (answers) or the outbox's (pushes); fail fast so neither waits minutes.
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logLevel: webApi.LogLevel.ERROR,
    });
  }

  async identity(): Promise<BotIdentity> {
    const res = await this.call('auth.test', () => this.client.auth.test());
    return { userId: res.user_id as string | undefined, botId: res.bot_id as string | undefined };
  }

  async post(channel: string, msg: SlackMessage, threadTs?: string): Promise<string | undefined> {
    const res = await this.call('chat.postMessage', () =>
      this.client.chat.postMessage({ channel, text: msg.text, blocks: msg.blocks as any, ...(threadTs ? { thread_ts: threadTs } : {}) }),
    );
    return res.ts as string | undefined;
  }

  async update(channel: string, ts: string, msg: SlackMessage): Promise<void> {
    await this.call('chat.update', () => this.client.chat.update({ channel, ts, text: msg.text, blocks: msg.blocks as any }));
  }

  /** The DM channel with a user (conversations.open), cached. */
  async dmChannel(userId: string): Promise<string> {
    const known = this.dmChannels.get(userId);
    if (known) return known;
    const res = await this.call('conversations.open', () => this.client.conversations.open({ users: userId }));
    const id = (res.channel as { id?: string } | undefined)?.id;
    if (!id) throw platformError(this.log, 'slack', 'conversations.open', 'no_channel', 'no channel id returned', true);
    this.dmChannels.set(userId, id);
    return id;
  }

  /**
   * Uploads a picture into a channel (or thread) with filesUploadV2: files.getUploadURLExternal,
   * the bytes to the returned URL, files.completeUploadExternal. Needs the files:write scope.
   */
  async uploadImage(channel: string, png: Buffer, name: string, alt: string, threadTs?: string): Promise<void> {
    const file = { file: png, filename: `${name}.png`, title: alt, alt_text: alt };
    await this.call('files.uploadV2', () =>
      this.client.filesUploadV2(threadTs ? { ...file, channel_id: channel, thread_ts: threadTs } : { ...file, channel_id: channel }),
    );
  }

  /**
   * Downloads a shared file from its url_private(_download) with the bot token (needs the
   * files:read scope). The token goes only to Slack's own hosts (or the configured API's).
   */
  async downloadFile(url: string, maxBytes: number): Promise<Buffer> {
    const name = 'files.download';
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw platformError(this.log, 'slack', name, 'bad_url', 'file url is not a URL', false);
    }
    const api = new URL(this.apiUrl);
    const slackHost = target.protocol === 'https:' && (target.hostname === 'slack.com' || target.hostname.endsWith('.slack.com'));
    if (!slackHost && target.origin !== api.origin) throw platformError(this.log, 'slack', name, 'foreign_host', `file url host ${target.hostname} is not Slack's`, false);
    let res: Response;
    try {
      res = await fetch(target, { headers: { authorization: `Bearer ${this.botToken}` }, signal: this.deadline.signal() });
    } catch (err) {
      const cut = this.deadline.cause(err);
      throw platformError(this.log, 'slack', name, cut ?? 'network', (err as Error).message, true);
    }
    if (!res.ok) throw platformError(this.log, 'slack', name, `http_${res.status}`, res.statusText, res.status >= 500 || res.status === 429);
    // Without files:read Slack answers the sign-in page (HTML) instead of the file.
    if (/text\/html/i.test(res.headers.get('content-type') ?? '')) throw platformError(this.log, 'slack', name, 'not_a_file', 'Slack answered a web page (is the files:read scope granted?)', false);
    return readCapped(res, maxBytes, this.log, 'slack', name);
  }

  private async call<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw this.toPlatformError(name, err);
    }
  }

  private toPlatformError(name: string, err: unknown): PlatformError {
    const e = err as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
    switch (e.code) {
      case webApi.ErrorCode.PlatformError: {
        const code = e.data?.error ?? 'unknown_error';
        return platformError(this.log, 'slack', name, code, code, TRANSIENT_CODES.has(code));
      }
      case webApi.ErrorCode.RateLimitedError:
        return platformError(this.log, 'slack', name, 'ratelimited', 'rate limited', true);
      case webApi.ErrorCode.HTTPError:
        return platformError(this.log, 'slack', name, `http_${e.statusCode}`, e.message ?? 'http error', (e.statusCode ?? 500) >= 500);
      default: {
        const cut = this.deadline.cause(err);
        if (cut) return platformError(this.log, 'slack', name, cut, cut === 'timeout' ? `no answer within ${this.deadline.timeoutMs} ms` : 'shutting down', true);
        return platformError(this.log, 'slack', name, 'network', e.message ?? String(err), true);
      }
    }
  }
}
