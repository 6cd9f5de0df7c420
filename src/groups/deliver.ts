// What the insights jobs post into bound group chats, as outbox rows addressed to
// `group:<platform>:<chat>` (the outbox's per-recipient limit is then a per-group limit): the
// account's alerts with its AR @-mentioned, escalations with the manager and the AR mentioned, and
// the weekly briefing of the account (account bindings) or of the manager's team (team bindings).
import type { Db } from '../../db/index.ts';
import type { Reply } from '../chat/types.ts';
import { groupTexts } from '../../prompts/groups.ts';
import { t, type Lang } from '../../prompts/index.ts';
import { groupKey, type GroupBinding } from '../domain/groups.ts';
import { accountPeople } from '../store/alert-people.ts';
import { bindingsOfAccounts, listBindings, peopleNames } from '../store/group-bindings.ts';
import type { NewOutboxRow } from '../store/outbox.ts';
import type { GroupSettings } from './settings.ts';

interface AlertLike {
  id: number;
  rule: string;
  accountId: string;
}

/** The account's ARs (its owner when it has none): the people a group alert @-mentions. */
async function responsible(db: Db, accountIds: string[]): Promise<Map<string, string[]>> {
  const people = await accountPeople(db, accountIds);
  return new Map([...people].map(([id, p]) => [id, p.arIds.length ? p.arIds : [p.ownerId]]));
}

/** One row per alert (or escalation) and chat bound to its account, for the rules the settings send to groups. */
export async function groupAlertRows<A extends AlertLike>(db: Db, alerts: A[], render: (a: A) => Reply, s: GroupSettings, kind: 'alert' | 'escalation' = 'alert', extra: (a: A) => string[] = () => []): Promise<NewOutboxRow[]> {
  // A rule's escalations reach the groups its alerts reach (groups.alert_rules), unless groups.escalations is off.
  const eligible = kind === 'escalation' && !s.escalations ? [] : alerts.filter((a) => s.alertRules.has(a.rule as never));
  if (!eligible.length) return [];
  const accountIds = [...new Set(eligible.map((a) => a.accountId))];
  const bindings = await bindingsOfAccounts(db, accountIds);
  if (!bindings.size) return [];
  const ars = await responsible(db, accountIds);
  const rows: NewOutboxRow[] = [];
  for (const a of eligible) {
    const chats = bindings.get(a.accountId) ?? [];
    if (!chats.length) continue;
    const mentions = await peopleNames(db, [...extra(a), ...(ars.get(a.accountId) ?? [])]);
    const reply = render(a);
    for (const b of chats) {
      const to = groupKey(b.platform, b.chatId);
      rows.push({ recipientId: to, kind, platform: b.platform, payload: { reply, mentions }, dedupKey: `${kind}:${a.id}:${to}`, alertId: a.id });
    }
  }
  return rows;
}

export interface GroupBriefingBuilder {
  /** The briefing of one account as seen by `userId`, or of `userId`'s whole team. */
  (target: { kind: 'user' | 'team'; userId: string; onlyAccounts?: string[] }): Promise<Reply | null>;
}

/** Monday: one briefing row per bound chat and week. */
export async function groupBriefingRows(db: Db, weekStart: string, lang: Lang, build: GroupBriefingBuilder): Promise<NewOutboxRow[]> {
  const rows: NewOutboxRow[] = [];
  const bindings = await listBindings(db);
  const accountIds = bindings.filter((b) => b.target.kind === 'account').map((b) => b.target.id);
  const ars = await responsible(db, accountIds);
  for (const b of bindings) {
    const reply = b.target.kind === 'team' ? await build({ kind: 'team', userId: b.target.id }) : await accountBriefing(b, ars.get(b.target.id)?.[0], lang, build);
    if (!reply) continue;
    const to = groupKey(b.platform, b.chatId);
    rows.push({ recipientId: to, kind: 'briefing', platform: b.platform, payload: { reply, mentions: [] }, dedupKey: `briefing:${to}:${weekStart}` });
  }
  return rows;
}

async function accountBriefing(b: GroupBinding, viewer: string | undefined, lang: Lang, build: GroupBriefingBuilder): Promise<Reply | null> {
  if (!viewer) return null;
  const reply = await build({ kind: 'user', userId: viewer, onlyAccounts: [b.target.id] });
  if (!reply) return null;
  const title = t(groupTexts, 'accountBriefingTitle', lang, { name: b.targetName });
  const [first, ...rest] = reply.text.split('\n');
  return { ...reply, title, text: reply.title && first === reply.title ? [title, ...rest].join('\n') : reply.text };
}
