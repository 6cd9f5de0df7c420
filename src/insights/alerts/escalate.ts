// Escalation: an unacknowledged complaint_open or exec_silence alert that still fires after its
// delay goes one level up the AR's manager chain, once.
import type { Db } from '../../../db/index.ts';
import type { Lang } from '../../../prompts/index.ts';
import { escalationTarget } from '../../domain/alerts/recipients.ts';
import type { RuleId } from '../../domain/alerts/types.ts';
import { formatDateTime, toIsoDate } from '../../domain/time.ts';
import { accountPeople, managerMap } from '../../store/alert-people.ts';
import { alreadyInformed, escalationCandidates, markEscalated } from '../../store/alerts.ts';
import { enqueue } from '../../store/outbox.ts';
import type { Tunables } from '../settings.ts';
import { evaluateAlerts } from './evaluate.ts';
import { alertReply } from './reply.ts';
import { groupAlertRows } from '../../groups/deliver.ts';

export interface Escalation {
  alertId: number;
  rule: string;
  accountId: string;
  to: string;
}

const ESCALATING: { rule: RuleId; delayHours: (t: Tunables) => number }[] = [
  { rule: 'complaint_open', delayHours: (t) => t.rules.complaint_open.escalate_after_hours },
  { rule: 'exec_silence', delayHours: (t) => t.rules.exec_silence.escalate_after_hours },
];

export async function escalateAlerts(db: Db, opts: { now: Date; pushAt: Date; tunables: Tunables; lang: Lang; tz: string }): Promise<Escalation[]> {
  const out: Escalation[] = [];
  const managers = await managerMap(db);
  const managerOf = (u: string) => managers.get(u) ?? null;
  for (const { rule, delayHours } of ESCALATING) {
    const due = await escalationCandidates(db, rule, new Date(opts.now.getTime() - delayHours(opts.tunables) * 3600_000));
    if (!due.length) continue;
    const accountIds = [...new Set(due.map((a) => a.accountId))];
    // Only what still fires is worth a manager's attention (a resolved complaint is not).
    const firing = new Set(
      (await evaluateAlerts(db, { at: { now: opts.now, today: toIsoDate(opts.now, opts.tz), tz: opts.tz }, tunables: opts.tunables, lang: opts.lang, scope: { accountIds }, rules: [rule] })).map((a) => a.key),
    );
    const people = await accountPeople(db, accountIds);
    for (const alert of due) {
      if (!firing.has(alert.key)) continue;
      const p = people.get(alert.accountId);
      if (!p) continue;
      const to = escalationTarget(p.arIds.length ? p.arIds : [p.ownerId], alert.recipients, managerOf);
      if (!to || (await alreadyInformed(db, rule, alert.accountId, alert.subject, to))) continue;
      await db.transaction(async (tx) => {
        if (!(await markEscalated(tx, alert.id, to, opts.now))) return;
        const reply = alertReply(alert, opts.lang, { firedAt: formatDateTime(alert.firedAt, opts.tz) });
        await enqueue(tx, [{ recipientId: to, kind: 'escalation', payload: { reply }, dedupKey: `escalation:${alert.id}:${to}`, alertId: alert.id }], opts.pushAt);
        // The account's bound group chats see the escalation too, the manager and the AR @-mentioned.
        await enqueue(tx, await groupAlertRows(tx, [alert], () => reply, opts.tunables.groups, 'escalation', () => [to]), opts.pushAt);
        out.push({ alertId: alert.id, rule: alert.rule, accountId: alert.accountId, to });
      });
    }
  }
  return out;
}
