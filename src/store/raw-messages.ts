// Inbound messages, stored verbatim before anything else happens to them.
import type { Db } from '../../db/index.ts';
import type { InboundMessage } from '../chat/types.ts';

/** Stores the message as received; returns its id. `user_id` is filled once the sender is known to be a user. */
export async function insertRawMessage(db: Db, msg: InboundMessage): Promise<number> {
  const payload = { chatType: msg.chatType, mentioned: msg.mentioned, eventId: msg.eventId ?? null, action: msg.action ?? null, now: msg.now?.toISOString() ?? null };
  const r = await db.query<{ id: number }>(
    `INSERT INTO raw_messages (platform, platform_user_id, user_id, chat_id, text, payload, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [msg.platform, msg.platformUserId, null, msg.chatId, msg.text, JSON.stringify(payload), msg.receivedAt],
  );
  return r.rows[0].id;
}

export async function setRawMessageUser(db: Db, id: number, userId: string): Promise<void> {
  await db.query('UPDATE raw_messages SET user_id = $2 WHERE id = $1 AND user_id IS DISTINCT FROM $2', [id, userId]);
}

export async function getRawMessage(db: Db, id: number): Promise<{ id: number; text: string; user_id: string | null; received_at: Date } | undefined> {
  const r = await db.query<{ id: number; text: string; user_id: string | null; received_at: Date }>('SELECT id, text, user_id, received_at FROM raw_messages WHERE id = $1', [id]);
  return r.rows[0];
}
