// Joint innovation projects of visible accounts.
import type { Db } from '../../db/index.ts';
import type { Project } from '../domain/types.ts';
import { canSee } from './visible.ts';

export async function accountProjects(db: Db, userId: string, accountId: string): Promise<Project[]> {
  const r = await db.query<Project>(
    `SELECT p.id, p.account_id, p.name, p.started_at, p.status FROM projects p WHERE p.account_id = $2 AND ${canSee(1, '$2')} ORDER BY p.started_at NULLS LAST`,
    [userId, accountId],
  );
  return r.rows;
}
