// CONTRACT.md §4 "who sees what", as a pure function. The SQL twin is the
// visible_account_ids(user) function of db/migrations/001_init.sql; tests hold them equal.
import type { Account, TeamMember, User } from './types.ts';

export function visibleAccountIds(userId: string, users: User[], team: TeamMember[], accounts: Pick<Account, 'id' | 'parent_id'>[]): Set<string> {
  const me = users.find((u) => u.id === userId);
  if (!me) return new Set();
  if (me.role === 'admin') return new Set(accounts.map((a) => a.id));

  const staff = new Set([me.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of users) if (u.manager_id && staff.has(u.manager_id) && !staff.has(u.id)) staff.add(u.id), (grew = true);
  }

  const seen = new Set(team.filter((t) => staff.has(t.user_id)).map((t) => t.account_id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of accounts) if (a.parent_id && seen.has(a.parent_id) && !seen.has(a.id)) seen.add(a.id), (grew = true);
  }
  return seen;
}
