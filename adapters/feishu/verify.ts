// Feishu callback checks, done over the raw bytes (the SDK re-serializes the body, skips the
// check without an Encrypt Key, and has no timestamp window or token check for v2 events):
// signature = hex(sha256(timestamp + nonce + encryptKey + body)), ±5-minute window, and the
// verification token inside the (decrypted) body.
import { createHash } from 'node:crypto';
import { AESCipher } from '@larksuiteoapi/node-sdk';
import { accepted, MAX_CLOCK_SKEW_SECONDS, refused, safeEqual, withinWindow, type VerifyResult } from '../shared/checks.ts';
import { DEDUP_RETENTION_MS } from '../shared/webhook.ts';
import type { EventEnvelope } from './types.ts';

export interface SignatureHeaders {
  timestamp?: string;
  nonce?: string;
  signature?: string;
}

export function feishuSignature(timestamp: string, nonce: string, encryptKey: string, rawBody: Buffer): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey).update(rawBody).digest('hex');
}

export function verifyFeishuSignature(encryptKey: string, h: SignatureHeaders, rawBody: Buffer, now: Date): VerifyResult {
  if (!h.timestamp || !h.nonce || !h.signature) return refused('missing x-lark-request-timestamp, -nonce or -signature');
  if (!withinWindow(h.timestamp, now)) return refused('timestamp outside the 5-minute window');
  const expected = feishuSignature(h.timestamp, h.nonce, encryptKey, rawBody);
  return safeEqual(expected, h.signature.toLowerCase()) ? accepted : refused('bad x-lark-signature');
}

/** Decrypts `{"encrypt": …}` with the Encrypt Key (AES-256-CBC, key = sha256(encryptKey)). */
export function decryptFeishu(encryptKey: string, encrypted: string): unknown {
  return JSON.parse(new AESCipher(encryptKey).decrypt(encrypted));
}

/** The verification token, when configured, must match the one in the body. */
export function verifyFeishuToken(expected: string | undefined, got: string | undefined): VerifyResult {
  if (!expected) return accepted;
  return got && safeEqual(expected, got) ? accepted : refused('verification token does not match');
}

/**
 * An event's header.create_time (unix milliseconds) lies within the dedup window: not older than
 * the time its dedup key is kept, and not more than the clock skew in the future.
 */
export function eventIsFresh(createTime: string | undefined, now: Date): VerifyResult {
  if (!createTime || !/^\d{1,15}$/.test(createTime)) return refused('missing or malformed header.create_time');
  const age = now.getTime() - Number(createTime);
  if (age > DEDUP_RETENTION_MS) return refused('event older than the dedup window');
  if (age < -MAX_CLOCK_SKEW_SECONDS * 1000) return refused('event created in the future');
  return accepted;
}

/** Feishu redelivers (up to 4 times) with the same event_id; message ids guard a re-sent message too. */
export function feishuDedupKeys(envelope: EventEnvelope): string[] {
  const keys = [`evt:${envelope.header.event_id}`];
  const messageId = (envelope.event as { message?: { message_id?: unknown } } | undefined)?.message?.message_id;
  if (typeof messageId === 'string' && messageId) keys.push(`msg:${messageId}`);
  return keys;
}
