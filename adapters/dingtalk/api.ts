// DingTalk server API (api.dingtalk.com, base URL from DINGTALK_API_URL): the app access token
// (POST /v1.0/oauth2/accessToken, cached for its lifetime), robot interactive cards (StandardCard)
// to a person or a group, and their in-place update. Errors become PlatformError with DingTalk's code.
//
// Endpoints and bodies, checked 2026-12-03 against:
// - POST /v1.0/im/v1.0/robot/interactiveCards/send {cardTemplateId "StandardCard", robotCode (the
//   Client ID for an internal app), cardBizId, cardData (JSON text), singleChatReceiver (JSON text
//   {userId}) | openConversationId, sendOptions {atUserListJson (JSON text [{nickName, userId}])}} and
//   PUT /v1.0/im/robots/interactiveCards {cardBizId, cardData}: open-dingtalk/dingtalk-stream-sdk-python
//   dingtalk_stream/chatbot.py (reply_card, update_card); aliyun dingtalk SDK im_1_0
//   SendRobotInteractiveCardRequest(+SendOptions).
// - POST /v1.0/robot/messageFiles/download {downloadCode, robotCode} → {downloadUrl}:
//   dingtalk-stream-sdk-python chatbot.py (get_image_download_url).
// - POST /v1.0/oauth2/accessToken {appKey, appSecret} → {accessToken, expireIn (seconds)}: aliyun
//   dingtalk SDK oauth2_1_0 GetAccessTokenRequest/ResponseBody.
// - Header x-acs-dingtalk-access-token on every new-API call: dingtalk-stream-sdk-python chatbot.py.
// - Error bodies {requestid, code, message}; a missing permission is HTTP 403
//   code Forbidden.AccessDenied.AccessTokenPermissionDenied, message "应用尚未开通所需的权限：[scope]"
//   (recorded in several public DingTalk integrations' tests) — logged as is, so the admin sees the scope.
import type { Logger } from 'pino';
import type { CallDeadline } from '../shared/deadline.ts';
import { platformError } from '../shared/errors.ts';
import { readCapped } from '../shared/download.ts';
import { apiErrorSchema, tokenResultSchema, type DingtalkPart, type DingtalkTarget, type StandardCard } from './types.ts';

export interface DingtalkApiConfig {
  clientId: string;
  clientSecret: string;
  robotCode: string;
  apiUrl: string;
  /** The older API host (media/upload); default https://oapi.dingtalk.com. */
  oapiUrl?: string;
}

/** Refresh a little before DingTalk says the token expires. */
const TOKEN_EARLY_MS = 5 * 60 * 1000;
/** Codes meaning the token is no good: fetch a new one and try once more. */
const TOKEN_CODES = new Set(['InvalidAuthentication', 'invalidAuthentication', 'Forbidden.AccessDenied.AccessTokenInvalid']);

export class DingtalkApi {
  private token?: { value: string; expiresAt: number };
  private pendingToken?: Promise<string>;

  constructor(
    private readonly cfg: DingtalkApiConfig,
    private readonly log: Logger,
    private readonly deadline: CallDeadline,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Sends one StandardCard to a person (singleChatReceiver) or a group (openConversationId).
   * Fields checked against aliyun/dingtalk-sdk's SendRobotInteractiveCardRequest (im_1_0): required
   * cardTemplateId, cardBizId, cardData (JSON text), robotCode; exactly one of openConversationId and
   * singleChatReceiver (JSON text); sendOptions.atUserListJson (JSON text of {nickName, userId}).
   */
  async sendCard(target: DingtalkTarget, part: DingtalkPart, atNames: Record<string, string> = {}): Promise<void> {
    const at = part.atUserIds?.length ? { atUserListJson: JSON.stringify(part.atUserIds.map((userId) => ({ nickName: atNames[userId] ?? userId, userId }))) } : {};
    await this.call('POST', '/v1.0/im/v1.0/robot/interactiveCards/send', 'interactiveCards/send', {
      cardTemplateId: 'StandardCard',
      robotCode: this.cfg.robotCode,
      cardBizId: part.bizId,
      cardData: JSON.stringify(part.card),
      ...('userId' in target ? { singleChatReceiver: JSON.stringify({ userId: target.userId }) } : { openConversationId: target.conversationId }),
      sendOptions: at,
      pullStrategy: false,
    });
  }

  /** Replaces the data of a card sent earlier with `bizId` (a pressed button's result). */
  async updateCard(bizId: string, card: StandardCard): Promise<void> {
    await this.call('PUT', '/v1.0/im/robots/interactiveCards', 'interactiveCards/update', { cardBizId: bizId, cardData: JSON.stringify(card) });
  }

  /**
   * Uploads a picture (oapi media/upload?type=image, with the same app access token); returns its
   * media_id, which a sampleImageMsg takes as its photoURL.
   */
  async uploadImage(png: Buffer, name: string): Promise<string> {
    const call = 'media/upload';
    const token = await this.accessToken();
    const form = new FormData();
    form.append('media', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${name}.png`);
    const base = (this.cfg.oapiUrl ?? 'https://oapi.dingtalk.com').replace(/\/+$/, '');
    let res: Response;
    try {
      res = await fetch(`${base}/media/upload?access_token=${encodeURIComponent(token)}&type=image`, { method: 'POST', body: form, signal: this.deadline.signal() });
    } catch (err) {
      throw platformError(this.log, 'dingtalk', call, this.deadline.cause(err) ?? 'network', (err as Error).message, true);
    }
    let json: { errcode?: number; errmsg?: string; media_id?: string } | undefined;
    try {
      json = (await res.json()) as typeof json;
    } catch {
      json = undefined;
    }
    if (res.ok && json?.errcode === 0 && json.media_id) return json.media_id;
    if (json?.errcode === 40014 || json?.errcode === 42001) this.token = undefined;
    throw platformError(this.log, 'dingtalk', call, json?.errcode ?? `http_${res.status}`, json?.errmsg ?? res.statusText, res.status >= 500 || json?.errcode === -1 || json?.errcode === 40014 || json?.errcode === 42001);
  }

  /** Sends an uploaded picture to a person (oToMessages/batchSend) or a group (groupMessages/send) as a sampleImageMsg. */
  async sendImage(target: DingtalkTarget, mediaId: string): Promise<void> {
    const message = { robotCode: this.cfg.robotCode, msgKey: 'sampleImageMsg', msgParam: JSON.stringify({ photoURL: mediaId }) };
    if ('userId' in target) await this.call('POST', '/v1.0/robot/oToMessages/batchSend', 'oToMessages/batchSend', { ...message, userIds: [target.userId] });
    else await this.call('POST', '/v1.0/robot/groupMessages/send', 'groupMessages/send', { ...message, openConversationId: target.conversationId });
  }

  /**
   * Downloads a file a person sent the robot (a voice message's audio): the download code is
   * exchanged for a temporary URL (POST /v1.0/robot/messageFiles/download), which is fetched
   * without the token.
   */
  async downloadMessageFile(downloadCode: string, maxBytes: number): Promise<Buffer> {
    const name = 'messageFiles/download';
    const json = await this.call('POST', '/v1.0/robot/messageFiles/download', name, { downloadCode, robotCode: this.cfg.robotCode });
    const url = (json as { downloadUrl?: unknown } | undefined)?.downloadUrl;
    if (typeof url !== 'string' || !/^https?:\/\//.test(url)) throw platformError(this.log, 'dingtalk', name, 'no_url', 'no downloadUrl in the answer', true);
    let res: Response;
    try {
      res = await fetch(url, { signal: this.deadline.signal() });
    } catch (err) {
      throw platformError(this.log, 'dingtalk', 'file download', this.deadline.cause(err) ?? 'network', (err as Error).message, true);
    }
    if (!res.ok) throw platformError(this.log, 'dingtalk', 'file download', `http_${res.status}`, res.statusText, res.status >= 500 || res.status === 429);
    return readCapped(res, maxBytes, this.log, 'dingtalk', 'file download');
  }

  /** The cached app access token, fetched once for concurrent callers. */
  async accessToken(): Promise<string> {
    if (this.token && this.clock().getTime() < this.token.expiresAt) return this.token.value;
    this.pendingToken ??= this.fetchToken().finally(() => {
      this.pendingToken = undefined;
    });
    return this.pendingToken;
  }

  private async fetchToken(): Promise<string> {
    const json = await this.request('POST', '/v1.0/oauth2/accessToken', 'oauth2/accessToken', { appKey: this.cfg.clientId, appSecret: this.cfg.clientSecret });
    const res = tokenResultSchema.safeParse(json);
    if (!res.success) throw platformError(this.log, 'dingtalk', 'oauth2/accessToken', undefined, 'no accessToken in the answer', true);
    const lifetimeMs = (res.data.expireIn ?? 7200) * 1000;
    this.token = { value: res.data.accessToken, expiresAt: this.clock().getTime() + Math.max(lifetimeMs - TOKEN_EARLY_MS, lifetimeMs / 2) };
    return this.token.value;
  }

  private async call(method: 'POST' | 'PUT', path: string, name: string, body: unknown, retriedToken = false): Promise<unknown> {
    const token = await this.accessToken();
    try {
      return await this.request(method, path, name, body, token);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (!retriedToken && typeof code === 'string' && TOKEN_CODES.has(code)) {
        this.log.info({ platform: 'dingtalk', platformCode: code }, 'dingtalk access token rejected; fetching a new one');
        this.token = undefined;
        return this.call(method, path, name, body, true);
      }
      throw err;
    }
  }

  private async request(method: 'POST' | 'PUT', path: string, name: string, body: unknown, token?: string): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${this.cfg.apiUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { 'x-acs-dingtalk-access-token': token } : {}) },
        body: JSON.stringify(body),
        signal: this.deadline.signal(),
      });
    } catch (err) {
      throw platformError(this.log, 'dingtalk', name, this.deadline.cause(err) ?? 'network', (err as Error).message, true);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      json = undefined;
    }
    if (res.ok) return json;
    const e = apiErrorSchema.safeParse(json);
    const code = (e.success && e.data.code) || `http_${res.status}`;
    // Rate limits (HTTP 429, codes like Forbidden.AccessDenied.QpsLimitForAppkeyAndApi) and server faults pass.
    const transient = res.status >= 500 || res.status === 429 || /qpslimit|throttl|flowcontrol/i.test(code) || TOKEN_CODES.has(code);
    throw platformError(this.log, 'dingtalk', name, code, (e.success && e.data.message) || res.statusText, transient);
  }
}
