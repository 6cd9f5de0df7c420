// Building blocks of every signature check: constant-time comparison and the timestamp window.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Platforms' requests older or newer than this are refused (replay protection). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/** Compares two strings in constant time for equal lengths (length itself is not secret). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether a unix-seconds timestamp lies within ±5 minutes of now (the future is refused too). */
export function withinWindow(timestamp: string | undefined, now: Date, skewSeconds = MAX_CLOCK_SKEW_SECONDS): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) <= skewSeconds;
}

/** Why a callback was refused; logged as one structured line, never sent to the caller. */
export type VerifyResult = { ok: true } | { ok: false; reason: string };

export const refused = (reason: string): VerifyResult => ({ ok: false, reason });
export const accepted: VerifyResult = { ok: true };

/** An optional string field of a platform payload: absent and null both mean "not given". */
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined)
  .optional();

/** Why a payload failed its schema, for the log: field paths and messages, never the values. */
export function invalidReason(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
