// A local stand-in for the Feishu / Lark open platform: tenant token, bot info, message create,
// reply and card patch; plus helpers that build callbacks the way Feishu does (AES-256-CBC with
// key sha256(Encrypt Key), random IV; sha256 signature over timestamp + nonce + key + body).
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { PlatformEmulator } from './platform-base.ts';

export class FeishuEmulator extends PlatformEmulator {
  private msgSeq = 0;

  constructor(opts: { appId: string; appSecret: string; botOpenId: string }) {
    super();
    this.route('POST', '/open-apis/auth/v3/tenant_access_token/internal', (r) =>
      r.body?.app_id === opts.appId && r.body?.app_secret === opts.appSecret
        ? { body: { code: 0, msg: 'ok', tenant_access_token: 't-emulated', expire: 7200 } }
        : { body: { code: 10014, msg: 'app secret invalid' } },
    );
    this.route('GET', '/open-apis/bot/v3/info', () => ({ body: { code: 0, msg: 'ok', bot: { open_id: opts.botOpenId, app_name: 'KAM' } } }));
    const sent = () => ({ body: { code: 0, msg: 'success', data: { message_id: `om_sent_${++this.msgSeq}` } } });
    this.route('POST', '/open-apis/im/v1/messages', sent);
    this.routeMatching('POST', /^\/open-apis\/im\/v1\/messages\/[^/]+\/reply$/, sent);
    this.routeMatching('PATCH', /^\/open-apis\/im\/v1\/messages\/[^/]+$/, () => ({ body: { code: 0, msg: 'success', data: {} } }));
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

export function messageEvent(p: { token: string; eventId?: string; messageId?: string; senderOpenId: string; chatType: 'p2p' | 'group'; text?: string; messageType?: string; mentions?: { key: string; openId: string; name: string; userId?: string }[] }) {
  seq++;
  return {
    schema: '2.0',
    header: { event_id: p.eventId ?? `ev_${seq}`, token: p.token, create_time: '1700000000000', event_type: 'im.message.receive_v1', tenant_key: 't1', app_id: 'cli_test' },
    event: {
      sender: { sender_id: { open_id: p.senderOpenId, user_id: 'u', union_id: 'on' }, sender_type: 'user', tenant_key: 't1' },
      message: {
        message_id: p.messageId ?? `om_${seq}`,
        chat_id: p.chatType === 'p2p' ? `oc_p2p_${p.senderOpenId}` : 'oc_group1',
        chat_type: p.chatType,
        message_type: p.messageType ?? 'text',
        content: p.messageType && p.messageType !== 'text' ? JSON.stringify({ image_key: 'img_1' }) : JSON.stringify({ text: p.text ?? '' }),
        create_time: '1700000000000',
        mentions: p.mentions?.map((m) => ({ key: m.key, id: { open_id: m.openId, user_id: m.userId ?? '', union_id: '' }, name: m.name, tenant_key: 't1' })),
      },
    },
  };
}

export function cardActionEvent(p: { token: string; eventId?: string; operatorOpenId: string; value: unknown; messageId: string; chatId: string }) {
  seq++;
  return {
    schema: '2.0',
    header: { event_id: p.eventId ?? `ev_card_${seq}`, token: p.token, create_time: '1700000000000', event_type: 'card.action.trigger', tenant_key: 't1', app_id: 'cli_test' },
    event: {
      operator: { open_id: p.operatorOpenId, user_id: 'u', union_id: 'on', tenant_key: 't1' },
      token: 'c-update-token',
      action: { value: p.value, tag: 'button' },
      host: 'im_message',
      context: { open_message_id: p.messageId, open_chat_id: p.chatId },
    },
  };
}
