// The settings table: operator overrides of the defaults defined in code.
import type { Db } from '../../db/index.ts';

export async function storedSettings(db: Db): Promise<Map<string, unknown>> {
  const res = await db.query<{ key: string; value: unknown }>('SELECT key, value FROM settings');
  return new Map(res.rows.map((r) => [r.key, r.value]));
}

export async function saveSetting(db: Db, key: string, value: unknown, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
    [key, JSON.stringify(value), now],
  );
}

export async function deleteSetting(db: Db, key: string): Promise<boolean> {
  const res = await db.query('DELETE FROM settings WHERE key = $1', [key]);
  return (res.affectedRows ?? 0) > 0;
}
