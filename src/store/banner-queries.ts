// What the start banner suggests: the user to act as first in the console.
import type { Db } from '../../db/index.ts';

/** The manager with most direct reports (they see a team), else an admin, else anyone. */
export async function suggestedConsoleUser(db: Db): Promise<{ id: string; name: string; role: string; reports: number } | undefined> {
  const res = await db.query<{ id: string; name: string; role: string; reports: number }>(
    `SELECT u.id, u.name, u.role, (SELECT count(*)::int FROM users r WHERE r.manager_id = u.id) AS reports
     FROM users u
     ORDER BY (u.role = 'manager') DESC, reports DESC, (u.role = 'admin') DESC, u.id
     LIMIT 1`,
  );
  return res.rows[0];
}
