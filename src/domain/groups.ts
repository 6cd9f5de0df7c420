// Group chats bound to an account or to a manager's team (issue 19), as pure rules: who may bind a
// chat, how a group is addressed in the outbox, and whether an answer may be posted in a group.
import type { Role } from './types.ts';

export type GroupPlatform = 'feishu' | 'wecom' | 'slack' | 'dingtalk';
export const GROUP_PLATFORMS: readonly GroupPlatform[] = ['feishu', 'wecom', 'slack', 'dingtalk'];

export type BindingTarget = { kind: 'account'; id: string } | { kind: 'team'; id: string };

export interface GroupBinding {
  platform: GroupPlatform;
  chatId: string;
  target: BindingTarget;
  /** The account's name, or the manager's. */
  targetName: string;
  boundBy: string | null;
  boundAt: Date | null;
}

export function isGroupPlatform(p: string): p is GroupPlatform {
  return (GROUP_PLATFORMS as readonly string[]).includes(p);
}

/** The outbox recipient of posts into a group chat: `group:<platform>:<chat id>`. */
export function groupKey(platform: string, chatId: string): string {
  return `group:${platform}:${chatId}`;
}

export function parseGroupKey(recipientId: string): { platform: GroupPlatform; chatId: string } | undefined {
  const m = /^group:([a-z]+):(.+)$/s.exec(recipientId);
  return m && isGroupPlatform(m[1]) ? { platform: m[1], chatId: m[2] } : undefined;
}

export interface BindFacts {
  role: Role;
  userId: string;
  /** The account team (for an account), or the manager (for a team). */
  targetPeople: string[];
  /** Everyone the user manages, directly or not. */
  reports: Set<string>;
}

/**
 * Who may bind a chat: an admin; for an account, a member of its team or a manager above one of
 * them; for a team, the manager themselves or a manager above them.
 */
export function mayBind(f: BindFacts): boolean {
  if (f.role === 'admin') return true;
  return f.targetPeople.some((p) => p === f.userId || f.reports.has(p));
}

/**
 * An answer may be posted in the group when every account it is about is visible to every member;
 * an answer about no account at all may be posted only when it carries no customer data.
 */
export function postableInGroup(touched: string[], visibleToAll: Set<string>, carriesData: boolean): boolean {
  if (!touched.length) return !carriesData;
  return touched.every((id) => visibleToAll.has(id));
}

/** Every string inside a reply's data and citations: candidates for the account ids it is about. */
export function stringsIn(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 8 || value === null || value === undefined) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out, depth + 1);
  else if (typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out, depth + 1);
  return out;
}
