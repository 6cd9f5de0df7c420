// Acknowledging alerts: by id (the button on a pushed alert) or everything recently sent to the
// user ("收到"). An acknowledged alert no longer escalates.
import type { Db } from '../../../db/index.ts';
import { acknowledge, openAlertsFor, type AlertRecord } from '../../store/alerts.ts';

/** How far back "收到" reaches. */
export const ACK_WINDOW_DAYS = 7;

export async function acknowledgeAlert(db: Db, alertId: number, userId: string, now: Date): Promise<AlertRecord[]> {
  return acknowledge(db, [alertId], userId, now);
}

export async function acknowledgeRecent(db: Db, userId: string, now: Date): Promise<AlertRecord[]> {
  const open = await openAlertsFor(db, userId, new Date(now.getTime() - ACK_WINDOW_DAYS * 86400_000), now);
  return acknowledge(db, open.map((a) => a.id), userId, now);
}
