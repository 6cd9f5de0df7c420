// Users: who is asking, and who works for whom.
import type { Db } from '../../db/index.ts';
import type { User } from '../domain/types.ts';
import type { ChatPlatform } from '../chat/types.ts';

const COLS = 'id, name, role, manager_id, email, feishu_open_id, wecom_userid, slack_user_id, dingtalk_user_id';

export async function getUser(db: Db, id: string): Promise<User | undefined> {
  const r = await db.query<User>(`SELECT ${COLS} FROM users WHERE id = $1`, [id]);
  return r.rows[0];
}

const PLATFORM_COLUMN: Partial<Record<ChatPlatform, string>> = {
  feishu: 'feishu_open_id',
  wecom: 'wecom_userid',
  slack: 'slack_user_id',
  dingtalk: 'dingtalk_user_id',
};

/** The user behind a platform identity (Feishu open_id, WeCom userid, Slack user id); our own id on cli/api/console. */
export async function findUserByPlatformId(db: Db, platform: ChatPlatform, platformUserId: string): Promise<User | undefined> {
  const column = PLATFORM_COLUMN[platform];
  if (!column) return getUser(db, platformUserId);
  const r = await db.query<User>(`SELECT ${COLS} FROM users WHERE ${column} = $1 LIMIT 1`, [platformUserId]);
  return r.rows[0];
}

/** Names of the given users, id → name (for "owner", "team" lines). */
export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await db.query<{ id: string; name: string }>('SELECT id, name FROM users WHERE id = ANY($1::text[])', [ids]);
  return new Map(r.rows.map((u) => [u.id, u.name]));
}

/** Whether the user manages anyone (a "my team" question then covers their reports too). */
export async function hasReports(db: Db, userId: string): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM users WHERE manager_id = $1 LIMIT 1', [userId]);
  return r.rows.length > 0;
}

/** Users whose full name occurs in the (normalised, lower-case) text: "李娜负责哪些客户". */
export async function usersNamedIn(db: Db, text: string): Promise<{ id: string; name: string }[]> {
  const r = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM users WHERE length(name) >= 2 AND strpos($1, lower(name)) > 0 ORDER BY length(name) DESC, id`,
    [text],
  );
  return r.rows;
}

/** Every user's id and name (Latin renderings of names are compared in JS); at most `limit`. */
export async function allUserNames(db: Db, limit: number): Promise<{ id: string; name: string }[]> {
  const r = await db.query<{ id: string; name: string }>('SELECT id, name FROM users ORDER BY id LIMIT $1', [limit]);
  return r.rows;
}
