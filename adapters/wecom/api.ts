// WeCom active API (no official Node SDK for it): gettoken with a cached access token, message
// send, appchat (app-created group) send and template-card update. Errors become PlatformError
// with WeCom's errcode.
import type { Logger } from 'pino';
import type { CallDeadline } from '../shared/deadline.ts';
import { platformError } from '../shared/errors.ts';
import { readCapped } from '../shared/download.ts';
import { apiResultSchema, tokenResultSchema, type WecomChatOutgoing, type WecomOutgoing } from './types.ts';

export interface WecomApiConfig {
  corpId: string;
  agentId: string;
  secret: string;
  baseUrl: string;
}

/** errcodes that mean "the access token is no good": refresh it and try once more. */
const TOKEN_ERRORS = new Set([40014, 42001, 41001]);
/** errcodes worth retrying later: system busy, frequency limits. */
const TRANSIENT_ERRORS = new Set([-1, 45009, 45033, 45011]);
/** Refresh a little before WeCom says the token expires. */
const TOKEN_EARLY_MS = 5 * 60 * 1000;

export class WecomApi {
  private token?: { value: string; expiresAt: number };
  private pendingToken?: Promise<string>;

  constructor(
    private readonly cfg: WecomApiConfig,
    private readonly log: Logger,
    private readonly deadline: CallDeadline,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Sends one message to a member; returns the response_code of a template card. */
  async send(touser: string, message: WecomOutgoing): Promise<{ msgid?: string; responseCode?: string }> {
    const body = { touser, agentid: Number(this.cfg.agentId), ...message, enable_duplicate_check: 0 };
    const res = await this.call('message/send', body);
    if (res.invaliduser?.split('|').includes(touser)) {
      throw platformError(this.log, 'wecom', 'message/send', 'invaliduser', `member ${touser} is not reachable by the app`, false);
    }
    return { msgid: res.msgid, responseCode: res.response_code };
  }

  /**
   * Sends one message to a group chat the app created (appchat, DOC /90248): text or markdown,
   * 2,048 bytes each. WeCom refuses a chatid of a group the app did not create.
   */
  async sendToChat(chatid: string, message: WecomChatOutgoing): Promise<void> {
    await this.call('appchat/send', { chatid, ...message, safe: 0 });
  }

  /** Replaces the clicked button of a template card with `label` (greyed out) for one member. */
  async updateCardButton(userid: string, responseCode: string, label: string): Promise<void> {
    await this.call('message/update_template_card', {
      userids: [userid],
      agentid: Number(this.cfg.agentId),
      response_code: responseCode,
      button: { replace_name: label },
    });
  }

  /**
   * Downloads a temporary media file (media/get, DOC /90254): a voice message's AMR by its MediaId.
   * WeCom answers the bytes, or JSON with an errcode.
   */
  async downloadMedia(mediaId: string, maxBytes: number, retriedToken = false): Promise<Buffer> {
    const token = await this.accessToken();
    const res = await this.fetchRaw('GET', `/cgi-bin/media/get?access_token=${encodeURIComponent(token)}&media_id=${encodeURIComponent(mediaId)}`, 'media/get');
    const bytes = await readCapped(res, maxBytes, this.log, 'wecom', 'media/get');
    if (/json|text\/plain/i.test(res.headers.get('content-type') ?? '')) {
      const parsed = apiResultSchema.safeParse(JSON.parse(bytes.toString('utf8') || '{}'));
      const errcode = parsed.success ? parsed.data.errcode : undefined;
      if (errcode !== undefined && TOKEN_ERRORS.has(errcode) && !retriedToken) {
        this.token = undefined;
        return this.downloadMedia(mediaId, maxBytes, true);
      }
      throw platformError(this.log, 'wecom', 'media/get', errcode, (parsed.success && parsed.data.errmsg) || 'no media', errcode !== undefined && TRANSIENT_ERRORS.has(errcode));
    }
    return bytes;
  }

  /** Uploads a picture as temporary media (media/upload?type=image, DOC /90253); returns its media_id. */
  async uploadImage(png: Buffer, name: string, retriedToken = false): Promise<string> {
    const token = await this.accessToken();
    const form = new FormData();
    form.append('media', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${name}.png`);
    const res = await this.fetchRaw('POST', `/cgi-bin/media/upload?access_token=${encodeURIComponent(token)}&type=image`, 'media/upload', form);
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw platformError(this.log, 'wecom', 'media/upload', 'bad_json', 'response is not JSON', true);
    }
    const parsed = apiResultSchema.safeParse(json);
    const errcode = parsed.success ? parsed.data.errcode : undefined;
    const mediaId = (json as { media_id?: unknown }).media_id;
    if (errcode === 0 && typeof mediaId === 'string') return mediaId;
    if (errcode !== undefined && TOKEN_ERRORS.has(errcode) && !retriedToken) {
      this.token = undefined;
      return this.uploadImage(png, name, true);
    }
    throw platformError(this.log, 'wecom', 'media/upload', errcode, (parsed.success && parsed.data.errmsg) || 'no media_id', errcode === undefined || TRANSIENT_ERRORS.has(errcode));
  }

  private async fetchRaw(method: 'GET' | 'POST', pathAndQuery: string, call: string, body?: FormData): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${this.cfg.baseUrl.replace(/\/+$/, '')}${pathAndQuery}`, { method, body, signal: this.deadline.signal() });
    } catch (err) {
      throw platformError(this.log, 'wecom', call, this.deadline.cause(err) ?? 'network', (err as Error).message, true);
    }
    if (!res.ok) throw platformError(this.log, 'wecom', call, `http_${res.status}`, res.statusText, res.status >= 500 || res.status === 429);
    return res;
  }

  private async call(path: string, body: unknown, retriedToken = false): Promise<ReturnType<typeof apiResultSchema.parse>> {
    const token = await this.accessToken();
    const json = await this.request('POST', `/cgi-bin/${path}?access_token=${encodeURIComponent(token)}`, path, body);
    const res = apiResultSchema.safeParse(json);
    if (!res.success) throw platformError(this.log, 'wecom', path, undefined, 'unexpected response shape', true);
    const { errcode, errmsg } = res.data;
    if (errcode === 0) return res.data;
    if (TOKEN_ERRORS.has(errcode) && !retriedToken) {
      this.log.info({ platform: 'wecom', platformCode: errcode }, 'wecom access token rejected; refreshing');
      this.token = undefined;
      return this.call(path, body, true);
    }
    throw platformError(this.log, 'wecom', path, errcode, errmsg ?? 'error', TRANSIENT_ERRORS.has(errcode) || TOKEN_ERRORS.has(errcode));
  }

  /** The cached token, fetched once for concurrent callers and kept for its lifetime. */
  async accessToken(): Promise<string> {
    const now = this.clock().getTime();
    if (this.token && now < this.token.expiresAt) return this.token.value;
    this.pendingToken ??= this.fetchToken().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  private async fetchToken(): Promise<string> {
    const q = `corpid=${encodeURIComponent(this.cfg.corpId)}&corpsecret=${encodeURIComponent(this.cfg.secret)}`;
    const json = await this.request('GET', `/cgi-bin/gettoken?${q}`, 'gettoken');
    const res = tokenResultSchema.safeParse(json);
    if (!res.success || res.data.errcode !== 0 || !res.data.access_token) {
      const code = res.success ? res.data.errcode : undefined;
      throw platformError(this.log, 'wecom', 'gettoken', code, (res.success && res.data.errmsg) || 'no access_token', code === undefined || TRANSIENT_ERRORS.has(code));
    }
    const lifetimeMs = (res.data.expires_in ?? 7200) * 1000;
    this.token = { value: res.data.access_token, expiresAt: this.clock().getTime() + Math.max(lifetimeMs - TOKEN_EARLY_MS, lifetimeMs / 2) };
    return this.token.value;
  }

  private async request(method: 'GET' | 'POST', pathAndQuery: string, call: string, body?: unknown): Promise<unknown> {
    const url = `${this.cfg.baseUrl.replace(/\/+$/, '')}${pathAndQuery}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: this.deadline.signal(),
      });
    } catch (err) {
      // Timeouts and connection failures: WeCom may be fine a minute later.
      throw platformError(this.log, 'wecom', call, this.deadline.cause(err) ?? 'network', (err as Error).message, true);
    }
    if (!res.ok) throw platformError(this.log, 'wecom', call, `http_${res.status}`, res.statusText, res.status >= 500 || res.status === 429);
    try {
      return await res.json();
    } catch {
      throw platformError(this.log, 'wecom', call, 'bad_json', 'response is not JSON', true);
    }
  }
}
