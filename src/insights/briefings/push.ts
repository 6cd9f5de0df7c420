// Monday's push: a briefing of last week for every salesperson (their accounts) and every manager
// (their whole team), one outbox row each, keyed by user and week so a re-run pushes nothing twice.
import type { Db } from '../../../db/index.ts';
import type { Lang } from '../../../prompts/index.ts';
import { addDays, toIsoDate, weekOf } from '../../domain/time.ts';
import { briefingRecipients } from '../../store/briefing-queries.ts';
import { enqueue } from '../../store/outbox.ts';
import { evaluateAlerts } from '../alerts/evaluate.ts';
import { endOfBusinessDay, healthAsOf } from '../health/compute.ts';
import { loadTunables } from '../settings.ts';
import { briefingPeriod, buildBriefing } from './build.ts';
import { briefingReply } from './render.ts';
import { groupBriefingRows } from '../../groups/deliver.ts';

export async function pushWeeklyBriefings(db: Db, opts: { now: Date; tz: string; lang: Lang; pushAt?: Date }): Promise<number> {
  // The week that ended before today (on a Monday: last Monday to yesterday).
  const lastWeekDay = addDays(weekOf(toIsoDate(opts.now, opts.tz)).start, -1);
  const week = endOfBusinessDay(lastWeekDay, opts.tz).now;
  const p = briefingPeriod(week, opts.now, opts.tz);
  const tunables = await loadTunables(db);
  const at = { now: p.asOf, today: p.asOfDate, tz: opts.tz };
  // One computation for all accounts, shared by every briefing.
  const byId = (hs: Awaited<ReturnType<typeof healthAsOf>>) => new Map(hs.map((h) => [h.accountId, h]));
  const shared = {
    health: byId(await healthAsOf(db, at, tunables.health)),
    previous: byId(await healthAsOf(db, endOfBusinessDay(addDays(p.start, -1), opts.tz), tunables.health)),
    alerts: await evaluateAlerts(db, { at, tunables, lang: opts.lang }),
  };
  let pushed = 0;
  for (const u of await briefingRecipients(db)) {
    const target = { kind: u.role === 'manager' ? ('team' as const) : ('user' as const), userId: u.id };
    const b = await buildBriefing(db, target, { week, now: opts.now, tz: opts.tz, lang: opts.lang, tunables, shared });
    if (!b.accounts.length) continue;
    pushed += await enqueue(db, [{ recipientId: u.id, kind: 'briefing', payload: { reply: briefingReply(b, opts.lang) }, dedupKey: `briefing:${u.id}:${p.start}` }], opts.pushAt ?? opts.now);
  }
  if (tunables.groups.briefings) {
    const rows = await groupBriefingRows(db, p.start, opts.lang, async (target) => {
      const b = await buildBriefing(db, { kind: target.kind, userId: target.userId }, { week, now: opts.now, tz: opts.tz, lang: opts.lang, tunables, shared, onlyAccounts: target.onlyAccounts });
      return b.accounts.length ? briefingReply(b, opts.lang) : null;
    });
    pushed += await enqueue(db, rows, opts.pushAt ?? opts.now);
  }
  return pushed;
}
