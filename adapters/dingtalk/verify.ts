// DingTalk robot callback checks. An HTTP callback carries headers `timestamp` (milliseconds) and
// `sign` = base64(HmacSHA256(key = AppSecret, "timestamp\nAppSecret")); the sign covers the time,
// not the body, so the window matters: ±5 minutes here (DingTalk itself allows an hour).
import { createHmac } from 'node:crypto';
import { accepted, MAX_CLOCK_SKEW_SECONDS, refused, safeEqual, type VerifyResult } from '../shared/checks.ts';
import type { CardCallback, RobotMessage } from './types.ts';

export function dingtalkSign(appSecret: string, timestamp: string): string {
  return createHmac('sha256', appSecret).update(`${timestamp}\n${appSecret}`, 'utf8').digest('base64');
}

export function verifyDingtalkSignature(appSecret: string, timestamp: string | undefined, sign: string | undefined, now: Date): VerifyResult {
  if (!timestamp || !sign) return refused('missing timestamp or sign header');
  if (!/^\d{10,16}$/.test(timestamp)) return refused('timestamp is not milliseconds');
  if (Math.abs(now.getTime() - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS * 1000) return refused('timestamp outside the 5-minute window');
  return safeEqual(dingtalkSign(appSecret, timestamp), sign) ? accepted : refused('bad sign');
}

/** DingTalk redelivers a robot message with the same msgId (Stream: within 60 s when not acked). */
export function messageDedupKeys(m: RobotMessage): string[] {
  return [`msg:${m.msgId}`];
}

/** A double press of one button on one card by one person is one action. */
export function cardDedupKeys(c: CardCallback, actionId: string, messageId?: string): string[] {
  return [messageId ? `cbk:${messageId}` : `card:${c.outTrackId}:${c.userId}:${actionId}`];
}
