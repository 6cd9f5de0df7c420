// Builds the weekly briefing of one salesperson's accounts or a manager's whole team: per account
// the week's interactions (by whom, with whom), the health change, firing alerts (new this week or
// still open), what comes due until the end of next week and pipeline changes; ranked by risk.
import type { Db } from '../../../db/index.ts';
import type { Lang } from '../../../prompts/index.ts';
import { accountRisk } from '../../domain/alerts/risk.ts';
import type { Health } from '../../domain/health/types.ts';
import { addDays, formatDateTime, startOfDay, toIsoDate, weekOf } from '../../domain/time.ts';
import { NotFoundError } from '../../errors.ts';
import { alertsByKeys } from '../../store/alerts.ts';
import { briefingAccounts, dueBetween, interactionsBetween, lastInteractions, pipelineChanges, staffOf, userById } from '../../store/briefing-queries.ts';
import { evaluateAlerts, type Alert } from '../alerts/evaluate.ts';
import { endOfBusinessDay, healthAsOf } from '../health/compute.ts';
import { loadTunables, type Tunables } from '../settings.ts';
import type { AccountBriefing, Briefing, BriefingTarget, PersonActivity } from './types.ts';

export interface BriefingOptions {
  /** Any moment of the week wanted (Monday to Sunday in the business time zone). */
  week: Date;
  now: Date;
  tz: string;
  lang: Lang;
  tunables?: Tunables;
  /** Only these of the person's accounts (the briefing of one account, for its bound group chat). */
  onlyAccounts?: string[];
  /** Precomputed for all accounts (the Monday job builds many briefings from one computation). */
  shared?: { health: Map<string, Health>; previous: Map<string, Health>; alerts: Alert[] };
}

/** The week containing `week`, seen as of `now` when the week is still running, else as of its end. */
export function briefingPeriod(week: Date, now: Date, tz: string) {
  const { start, end } = weekOf(toIsoDate(week, tz));
  const weekEnd = new Date(startOfDay(addDays(end, 1), tz).getTime() - 1);
  const asOf = now < weekEnd ? now : weekEnd;
  const asOfDate = toIsoDate(asOf, tz);
  return { start, end, weekStart: startOfDay(start, tz), asOf, asOfDate, dueTo: addDays(end, 7) };
}

export async function buildBriefing(db: Db, target: BriefingTarget, o: BriefingOptions): Promise<Briefing> {
  const user = await userById(db, target.userId);
  if (!user) throw new NotFoundError(`unknown user "${target.userId}"`);
  const p = briefingPeriod(o.week, o.now, o.tz);
  const accounts = (await briefingAccounts(db, user.id)).filter((a) => !o.onlyAccounts || o.onlyAccounts.includes(a.id));
  const ids = accounts.map((a) => a.id);
  const tunables = o.tunables ?? (await loadTunables(db));
  const asOf = { now: p.asOf, today: p.asOfDate, tz: o.tz };

  const [current, previous, alerts] = o.shared
    ? [o.shared.health, o.shared.previous, o.shared.alerts.filter((a) => ids.includes(a.accountId))]
    : [
        byId(await healthAsOf(db, asOf, tunables.health, { accountIds: ids })),
        byId(await healthAsOf(db, endOfBusinessDay(addDays(p.start, -1), o.tz), tunables.health, { accountIds: ids })),
        await evaluateAlerts(db, { at: asOf, tunables, lang: o.lang, scope: { accountIds: ids } }),
      ];
  const recorded = await alertsByKeys(db, alerts.map((a) => a.key));
  const interactions = await interactionsBetween(db, ids, p.weekStart, p.asOf, o.tz);
  const due = await dueBetween(db, ids, p.asOfDate, p.dueTo, p.asOf);
  const pipeline = await pipelineChanges(db, ids, p.start, p.asOfDate);
  const last = await lastInteractions(db, ids, p.asOf, o.tz);

  const briefs: AccountBriefing[] = accounts.map((a) => {
    const h = current.get(a.id);
    const prev = previous.get(a.id)?.score ?? null;
    const change = h && prev !== null ? h.score - prev : null;
    const own = alerts.filter((x) => x.accountId === a.id);
    return {
      accountId: a.id,
      name: a.name,
      tier: a.tier,
      owner: a.ownerName,
      health: { score: h?.score ?? 0, band: h?.band ?? 'at_risk', previous: prev, change, suggestedTier: h?.tier.suggested ?? 'C' },
      lastInteraction: last.get(a.id) ?? null,
      interactions: interactions
        .filter((i) => i.accountId === a.id)
        .map((i) => ({ id: i.id, date: i.date, type: i.type, by: i.userId, byName: i.userName, with: i.contacts.map((c) => c.name), executive: i.contacts.some((c) => c.executive), summary: i.summary })),
      alerts: own.map((x) => {
        const rec = recorded.get(x.key);
        return { rule: x.rule, severity: x.severity, message: x.message, isNew: !rec || rec.firedAt >= p.weekStart };
      }),
      due: due.filter((d) => d.accountId === a.id).map((d) => ({ kind: d.kind, id: d.id, date: d.date, text: d.text, owner: d.ownerName })),
      pipeline: pipeline.filter((x) => x.accountId === a.id).map((x) => ({ id: x.id, name: x.name, stage: x.stage, amount: x.amount, updatedAt: x.updatedAt })),
      risk: accountRisk(own, h?.band ?? null, change),
    };
  });
  briefs.sort((a, b) => b.risk - a.risk || a.health.score - b.health.score || a.accountId.localeCompare(b.accountId));

  const briefing: Briefing = {
    kind: target.kind,
    userId: user.id,
    userName: user.name,
    week: { start: p.start, end: p.end },
    asOf: formatDateTime(p.asOf, o.tz),
    dueWindow: { from: p.asOfDate, to: p.dueTo },
    totals: {
      accounts: briefs.length,
      interactions: interactions.length,
      alerts: alerts.length,
      newAlerts: briefs.reduce((s, b) => s + b.alerts.filter((x) => x.isNew).length, 0),
    },
    accounts: briefs,
  };
  if (target.kind === 'team') briefing.people = await teamActivity(db, user.id, interactions);
  return briefing;
}

async function teamActivity(db: Db, managerId: string, interactions: Awaited<ReturnType<typeof interactionsBetween>>): Promise<PersonActivity[]> {
  const staff = await staffOf(db, managerId);
  return staff
    .map((s) => {
      const mine = interactions.filter((i) => i.userId === s.id);
      const byType: PersonActivity['byType'] = {};
      for (const i of mine) byType[i.type] = (byType[i.type] ?? 0) + 1;
      return {
        userId: s.id,
        name: s.name,
        interactions: mine.length,
        accounts: new Set(mine.map((i) => i.accountId)).size,
        executiveMeetings: mine.filter((i) => i.contacts.some((c) => c.executive)).length,
        byType,
      };
    })
    .filter((p) => p.userId !== managerId || p.interactions > 0);
}

function byId(hs: Health[]): Map<string, Health> {
  return new Map(hs.map((h) => [h.accountId, h]));
}

