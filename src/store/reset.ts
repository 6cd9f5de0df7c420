// Empties the database for `kam demo --reset`: every table except the migration record and the
// settings (rules an operator changed stay changed).
import type { Db } from '../../db/index.ts';

const KEPT = ['schema_migrations', 'settings'];

export async function clearAllData(db: Db): Promise<string[]> {
  const res = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND NOT (tablename = ANY($1::text[])) ORDER BY tablename`,
    [KEPT],
  );
  const names = res.rows.map((r) => r.name);
  if (names.length) await db.query(`TRUNCATE ${names.map((n) => `"${n}"`).join(', ')} RESTART IDENTITY CASCADE`);
  return names;
}
