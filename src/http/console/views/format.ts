// How the console writes dates and instants: business dates as they are, instants in the business
// time zone to the minute.
import { formatDateTime } from '../../../domain/time.ts';

/** '2026-11-24 18:00' in the business time zone. */
export function shortDateTime(d: Date, tz: string): string {
  return formatDateTime(d, tz).slice(0, 16).replace('T', ' ');
}
