// A local stand-in for the WeCom server API (qyapi.weixin.qq.com): gettoken, message/send,
// appchat/send (groups the app created), message/update_template_card; plus helpers that build signed, encrypted callbacks exactly as
// WeCom does, so tests exercise the real algorithm.
import { encrypt, getSignature } from '@wecom/crypto';
import { multipartFields, PlatformEmulator } from './platform-base.ts';

export interface WecomEmulatorOptions {
  corpId: string;
  secret: string;
  /** Token lifetime the emulator reports (seconds). */
  expiresIn?: number;
}

export class WecomEmulator extends PlatformEmulator {
  private tokenSeq = 0;
  /** Tokens the emulator currently accepts. */
  readonly validTokens = new Set<string>();
  private msgSeq = 0;

  constructor(private readonly opts: WecomEmulatorOptions) {
    super();
    this.route('GET', '/cgi-bin/gettoken', (r) => {
      if (r.query.corpid !== opts.corpId || r.query.corpsecret !== opts.secret) return { body: { errcode: 40001, errmsg: 'invalid credential' } };
      const token = `wecom-token-${++this.tokenSeq}`;
      this.validTokens.add(token);
      return { body: { errcode: 0, errmsg: 'ok', access_token: token, expires_in: opts.expiresIn ?? 7200 } };
    });
    this.route('POST', '/cgi-bin/message/send', (r) => {
      const denied = this.checkToken(r.query.access_token);
      if (denied) return denied;
      if (r.body?.msgtype === 'image' && !this.media.has(r.body.image?.media_id)) return { body: { errcode: 40007, errmsg: 'invalid media_id' } };
      const msgid = `msg-${++this.msgSeq}`;
      return { body: { errcode: 0, errmsg: 'ok', msgid, ...(r.body?.msgtype === 'template_card' ? { response_code: `rc-${msgid}` } : {}) } };
    });
    // Temporary media (DOC /90254 get, /90253 upload): the bytes with their type, or JSON errcode.
    this.route('GET', '/cgi-bin/media/get', (r) => {
      const denied = this.checkToken(r.query.access_token);
      if (denied) return denied;
      const media = this.media.get(r.query.media_id ?? '');
      if (!media) return { body: { errcode: 40007, errmsg: 'invalid media_id' } };
      return { headers: { 'content-type': media.type, 'content-disposition': `attachment; filename="${r.query.media_id}"` }, body: media.data };
    });
    this.route('POST', '/cgi-bin/media/upload', (r) => {
      const denied = this.checkToken(r.query.access_token);
      if (denied) return denied;
      const file = multipartFields(r).find((f) => f.name === 'media');
      if (!['image', 'voice', 'video', 'file'].includes(r.query.type ?? '') || !file?.filename || !file.data.length) return { body: { errcode: 40004, errmsg: 'invalid media type' } };
      const mediaId = `media-up-${++this.mediaSeq}`;
      this.media.set(mediaId, { type: file.contentType ?? 'application/octet-stream', data: file.data });
      this.uploads.push({ mediaId, type: r.query.type!, filename: file.filename, data: file.data });
      return { body: { errcode: 0, errmsg: 'ok', type: r.query.type, media_id: mediaId, created_at: String(Math.floor(Date.now() / 1000)) } };
    });
    this.route('POST', '/cgi-bin/appchat/send', (r) => this.checkToken(r.query.access_token) ?? { body: { errcode: 0, errmsg: 'ok' } });
    this.route('POST', '/cgi-bin/message/update_template_card', (r) => this.checkToken(r.query.access_token) ?? { body: { errcode: 0, errmsg: 'ok' } });
  }

  private mediaSeq = 0;
  /** Media files by media_id: what members sent (addMedia) and what the app uploaded. */
  readonly media = new Map<string, { type: string; data: Buffer }>();
  /** Uploads through media/upload, in order. */
  readonly uploads: { mediaId: string; type: string; filename: string; data: Buffer }[] = [];

  /** A file a member sent (a voice message's AMR), served by media/get. */
  addMedia(mediaId: string, data: Buffer, type = 'audio/amr'): void {
    this.media.set(mediaId, { type, data });
  }

  /** Makes the emulator reject a token as expired (42001), as WeCom does after 2 hours. */
  expireTokens(): void {
    this.validTokens.clear();
  }

  /** Messages sent with message/send (JSON bodies), in order. */
  get sent(): any[] {
    return this.calls('/cgi-bin/message/send').map((r) => r.body);
  }

  /** Messages sent to app-created group chats with appchat/send, in order. */
  get chatSent(): any[] {
    return this.calls('/cgi-bin/appchat/send').map((r) => r.body);
  }

  private checkToken(token: string | undefined) {
    if (!token) return { body: { errcode: 41001, errmsg: 'access_token missing' } };
    if (!this.validTokens.has(token)) return { body: { errcode: 42001, errmsg: 'access_token expired' } };
    return undefined;
  }
}

export interface WecomCallbackKeys {
  token: string;
  encodingAesKey: string;
  corpId: string;
}

/** Query string of the GET URL check, signed like WeCom. */
export function wecomUrlCheck(keys: WecomCallbackKeys, echo: string, timestamp: number, nonce = 'n0nce'): string {
  const echostr = encrypt(keys.encodingAesKey, echo, keys.corpId);
  const sig = getSignature(keys.token, timestamp, nonce, echostr);
  return `msg_signature=${sig}&timestamp=${timestamp}&nonce=${nonce}&echostr=${encodeURIComponent(echostr)}`;
}

/** An encrypted POST callback: the query string and XML body for a plaintext message XML. */
export function wecomCallback(keys: WecomCallbackKeys, plainXml: string, timestamp: number, nonce = 'n0nce', receiveId = keys.corpId) {
  const enc = encrypt(keys.encodingAesKey, plainXml, receiveId);
  const sig = getSignature(keys.token, timestamp, nonce, enc);
  return {
    query: `msg_signature=${sig}&timestamp=${timestamp}&nonce=${nonce}`,
    body: `<xml><ToUserName><![CDATA[${keys.corpId}]]></ToUserName><Encrypt><![CDATA[${enc}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`,
  };
}

export function wecomTextXml(p: { corpId: string; from: string; content: string; msgId: string; createTime: number }): string {
  return `<xml><ToUserName><![CDATA[${p.corpId}]]></ToUserName><FromUserName><![CDATA[${p.from}]]></FromUserName><CreateTime>${p.createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${p.content}]]></Content><MsgId>${p.msgId}</MsgId><AgentID>1000002</AgentID></xml>`;
}

/** A voice message as WeCom pushes it (DOC /90239), with `Recognition` when the app has recognition on. */
export function wecomVoiceXml(p: { corpId: string; from: string; mediaId: string; msgId: string; createTime: number; recognition?: string }): string {
  const recognition = p.recognition === undefined ? '' : `<Recognition><![CDATA[${p.recognition}]]></Recognition>`;
  return `<xml><ToUserName><![CDATA[${p.corpId}]]></ToUserName><FromUserName><![CDATA[${p.from}]]></FromUserName><CreateTime>${p.createTime}</CreateTime><MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[${p.mediaId}]]></MediaId><Format><![CDATA[amr]]></Format>${recognition}<MsgId>${p.msgId}</MsgId><AgentID>1000002</AgentID></xml>`;
}

export function wecomImageXml(p: { corpId: string; from: string; msgId: string; createTime: number }): string {
  return `<xml><ToUserName><![CDATA[${p.corpId}]]></ToUserName><FromUserName><![CDATA[${p.from}]]></FromUserName><CreateTime>${p.createTime}</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://127.0.0.1/p.png]]></PicUrl><MediaId><![CDATA[media1]]></MediaId><MsgId>${p.msgId}</MsgId><AgentID>1000002</AgentID></xml>`;
}

export function wecomCardEventXml(p: { corpId: string; from: string; eventKey: string; taskId: string; createTime: number; responseCode: string }): string {
  return `<xml><ToUserName><![CDATA[${p.corpId}]]></ToUserName><FromUserName><![CDATA[${p.from}]]></FromUserName><CreateTime>${p.createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${p.eventKey}]]></EventKey><TaskId><![CDATA[${p.taskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[${p.responseCode}]]></ResponseCode><AgentID>1000002</AgentID></xml>`;
}
