// Per-chat short-term memory for follow-ups. Lives in the database so any instance can take the
// next message and a restart loses nothing; entries older than the expiry are ignored.
import type { Db } from '../../db/index.ts';
import type { ChatContext } from '../chat/types.ts';

export const CHAT_CONTEXT_TTL_MS = 30 * 60 * 1000;

export async function loadChatContext(db: Db, chatKey: string, userId: string, now: Date): Promise<ChatContext> {
  const r = await db.query<{ data: ChatContext; updated_at: Date }>('SELECT data, updated_at FROM chat_context WHERE chat_key = $1 AND user_id = $2', [chatKey, userId]);
  const row = r.rows[0];
  if (!row) return {};
  const age = now.getTime() - row.updated_at.getTime();
  // A context "from the future" (a test replaying an earlier --at) is as stale as an old one.
  if (age > CHAT_CONTEXT_TTL_MS || age < -CHAT_CONTEXT_TTL_MS) return {};
  return row.data ?? {};
}

export async function saveChatContext(db: Db, chatKey: string, userId: string, data: ChatContext, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO chat_context (chat_key, user_id, data, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (chat_key) DO UPDATE SET user_id = EXCLUDED.user_id, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
    [chatKey, userId, JSON.stringify(data), now],
  );
}
