import { describe, expect, it } from 'vitest';
import { visibleAccountIds } from '../../src/domain/visibility.ts';
import type { User } from '../../src/domain/types.ts';

const user = (id: string, role: User['role'], manager_id: string | null = null): User => ({
  id, name: id, role, manager_id, email: null, feishu_open_id: null, wecom_userid: null, slack_user_id: null, dingtalk_user_id: null,
});
const users = [user('boss', 'manager'), user('mgr', 'manager', 'boss'), user('s1', 'sales', 'mgr'), user('s2', 'sales', 'boss'), user('idle', 'sales', 'mgr'), user('root', 'admin')];
const accounts = [
  { id: 'G', parent_id: null }, { id: 'G1', parent_id: 'G' }, { id: 'G11', parent_id: 'G1' },
  { id: 'X', parent_id: null }, { id: 'Y', parent_id: null },
];
const team = [
  { account_id: 'G', user_id: 's1', team_role: 'AR' as const },
  { account_id: 'X', user_id: 's2', team_role: 'AR' as const },
];
const sorted = (s: Set<string>) => [...s].sort();

describe('visibleAccountIds', () => {
  it('gives a salesperson their team accounts and all their descendants', () => {
    expect(sorted(visibleAccountIds('s1', users, team, accounts))).toEqual(['G', 'G1', 'G11']);
  });
  it('gives a manager what their reports see, and a manager of managers everything below', () => {
    expect(sorted(visibleAccountIds('mgr', users, team, accounts))).toEqual(['G', 'G1', 'G11']);
    expect(sorted(visibleAccountIds('boss', users, team, accounts))).toEqual(['G', 'G1', 'G11', 'X']);
  });
  it('gives an admin everything, a user on no team nothing, an unknown user nothing', () => {
    expect(sorted(visibleAccountIds('root', users, team, accounts))).toEqual(['G', 'G1', 'G11', 'X', 'Y']);
    expect(visibleAccountIds('idle', users, team, accounts).size).toBe(0);
    expect(visibleAccountIds('nobody', users, team, accounts).size).toBe(0);
  });
});
