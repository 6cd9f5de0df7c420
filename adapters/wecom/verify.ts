// WeCom callback checks: msg_signature = sha1(sort(token, timestamp, nonce, encrypt)) compared in
// constant time, timestamp within ±5 minutes, and after decryption the receive id must be our
// corp id (@wecom/crypto decrypts but checks neither the signature nor the receive id).
import { decrypt, getSignature } from '@wecom/crypto';
import { accepted, refused, safeEqual, withinWindow, type VerifyResult } from '../shared/checks.ts';
import type { WecomMessage } from './types.ts';

export interface SignedParams {
  msgSignature?: string;
  timestamp?: string;
  nonce?: string;
  /** The echostr (GET) or the Encrypt element (POST). */
  encrypted?: string;
}

export function verifyWecomSignature(token: string, p: SignedParams, now: Date): VerifyResult {
  if (!p.msgSignature || !p.timestamp || !p.nonce || !p.encrypted) return refused('missing msg_signature, timestamp, nonce or payload');
  if (!withinWindow(p.timestamp, now)) return refused('timestamp outside the 5-minute window');
  const expected = getSignature(token, p.timestamp, p.nonce, p.encrypted);
  return safeEqual(expected, p.msgSignature.toLowerCase()) ? accepted : refused('bad msg_signature');
}

/** Decrypts a payload addressed to `corpId`; anything else (other corp, bad padding) is refused. */
export function decryptForCorp(encodingAesKey: string, corpId: string, encrypted: string): { ok: true; message: string } | { ok: false; reason: string } {
  let plain: { message: string; id: string };
  try {
    plain = decrypt(encodingAesKey, encrypted);
  } catch {
    return { ok: false, reason: 'payload does not decrypt with the EncodingAESKey' };
  }
  if (!safeEqual(plain.id, corpId)) return { ok: false, reason: 'receive id is not our corp id' };
  return { ok: true, message: plain.message };
}

/**
 * Dedup keys: WeCom retries a callback up to 3 times with the same content. Messages carry
 * MsgId; events do not, so sender + CreateTime (+ card task and button) identify them.
 */
export function wecomDedupKeys(m: WecomMessage): string[] {
  switch (m.kind) {
    case 'text':
    case 'voice':
      return [`msg:${m.msg.MsgId}`];
    case 'nonText':
      return [m.msg.MsgId ? `msg:${m.msg.MsgId}` : `msg:${m.msg.FromUserName}:${m.msg.CreateTime}:${m.msg.MsgType}`];
    case 'card':
      return [`card:${m.msg.FromUserName}:${m.msg.CreateTime}:${m.msg.TaskId}:${m.msg.EventKey}`];
    case 'otherEvent':
      return [`evt:${m.msg.FromUserName}:${m.msg.CreateTime}:${m.msg.Event}`];
  }
}
