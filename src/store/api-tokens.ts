// Per-user API tokens (migration 090): stored as SHA-256 digests, looked up by digest.
import type { Db } from '../../db/index.ts';

export interface ApiToken {
  id: string;
  userId: string;
  label: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const toToken = (r: any): ApiToken => ({ id: r.id, userId: r.user_id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at });

export async function insertApiToken(db: Db, t: { id: string; userId: string; sha256: string; label?: string; now: Date }): Promise<void> {
  await db.query('INSERT INTO api_tokens (id, user_id, token_sha256, label, created_at) VALUES ($1, $2, $3, $4, $5)', [t.id, t.userId, t.sha256, t.label ?? null, t.now]);
}

export async function listApiTokens(db: Db, userId?: string): Promise<ApiToken[]> {
  const res = userId
    ? await db.query('SELECT * FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id', [userId])
    : await db.query('SELECT * FROM api_tokens ORDER BY user_id, created_at, id');
  return res.rows.map(toToken);
}

/** Revokes a token by id; false when there is no such token or it was revoked already. */
export async function revokeApiToken(db: Db, id: string, now: Date): Promise<boolean> {
  const res = await db.query('UPDATE api_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id, now]);
  return res.rows.length > 0;
}

/** The user an unrevoked token belongs to, noting its use; undefined for an unknown or revoked token. */
export async function useApiToken(db: Db, sha256: string, now: Date): Promise<string | undefined> {
  const res = await db.query<{ user_id: string }>(
    'UPDATE api_tokens SET last_used_at = $2 WHERE token_sha256 = $1 AND revoked_at IS NULL RETURNING user_id',
    [sha256, now],
  );
  return res.rows[0]?.user_id;
}
