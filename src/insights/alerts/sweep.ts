// The alert sweep: evaluate every rule, record the alerts whose key is new, and put one outbox row
// per recipient in the same transaction. A re-run, a restart or a second instance finds the keys
// recorded and pushes nothing twice.
import type { Db } from '../../../db/index.ts';
import type { Lang } from '../../../prompts/index.ts';
import type { Health } from '../../domain/health/types.ts';
import { insertNewAlerts } from '../../store/alerts.ts';
import { enqueue, type NewOutboxRow } from '../../store/outbox.ts';
import type { AsOf } from '../../store/alert-facts.ts';
import { loadTunables, type Tunables } from '../settings.ts';
import { evaluateAlerts, type Alert } from './evaluate.ts';
import { escalateAlerts, type Escalation } from './escalate.ts';
import { alertReply } from './reply.ts';
import { groupAlertRows } from '../../groups/deliver.ts';
import type { GroupSettings } from '../../groups/settings.ts';

export interface SweepOptions {
  at: AsOf;
  lang: Lang;
  /** Evaluate only, record and push nothing. */
  dryRun?: boolean;
  /** When pushes become due (the wall clock of the caller); defaults to `at.now`. */
  pushAt?: Date;
  tunables?: Tunables;
  /** Health already computed as of `at` for all accounts. */
  health?: Health[];
}

export interface SweepResult {
  /** Dry run: every alert that fires. Otherwise: the alerts recorded (and pushed) by this run. */
  alerts: (Alert & { id?: number })[];
  escalations: Escalation[];
}

export async function sweepAlerts(db: Db, opts: SweepOptions): Promise<SweepResult> {
  const tunables = opts.tunables ?? (await loadTunables(db));
  const fired = await evaluateAlerts(db, { at: opts.at, tunables, lang: opts.lang, health: opts.health });
  if (opts.dryRun) return { alerts: fired, escalations: [] };
  const recorded = await db.transaction((tx) => recordAndPush(tx, fired, opts.at.now, opts.pushAt ?? opts.at.now, opts.lang, tunables.groups));
  const escalations = await escalateAlerts(db, { now: opts.at.now, pushAt: opts.pushAt ?? opts.at.now, tunables, lang: opts.lang, tz: opts.at.tz });
  return { alerts: recorded, escalations };
}

async function recordAndPush(tx: Db, fired: Alert[], firedAt: Date, pushAt: Date, lang: Lang, groups: GroupSettings) {
  const ids = await insertNewAlerts(tx, fired, firedAt);
  const recorded = fired.filter((a) => ids.has(a.key)).map((a) => ({ ...a, id: ids.get(a.key)! }));
  const rows: NewOutboxRow[] = recorded.flatMap((a) =>
    a.recipients.map((r) => ({
      recipientId: r,
      kind: 'alert' as const,
      payload: { reply: alertReply(a, lang) },
      dedupKey: `alert:${a.id}:${r}`,
      alertId: a.id,
    })),
  );
  // The account's bound group chats get it too, with the AR @-mentioned.
  rows.push(...(await groupAlertRows(tx, recorded, (a) => alertReply(a, lang), groups)));
  await enqueue(tx, rows, pushAt);
  return recorded;
}
