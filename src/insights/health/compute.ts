// Health scores of many accounts as of one moment: bulk inputs from the store, scored in the domain.
import { allReads, type Db } from '../../../db/index.ts';
import { computeHealth } from '../../domain/health/score.ts';
import type { HealthSettings } from '../../domain/health/settings.ts';
import type { Health } from '../../domain/health/types.ts';
import { addDays, startOfDay, toIsoDate, type IsoDate } from '../../domain/time.ts';
import type { AsOf } from '../../store/alert-facts.ts';
import { loadHealthInputs, loadPeers } from '../../store/health-inputs.ts';
import type { AccountScope } from '../../store/scope.ts';

export async function healthAsOf(db: Db, at: AsOf, settings: HealthSettings, scope?: AccountScope): Promise<Health[]> {
  const [inputs, peers] = await allReads(db, [() => loadHealthInputs(db, at, settings.windowDays, scope), () => loadPeers(db, at.today)] as const);
  return inputs.map((i) => computeHealth(i, peers, settings));
}

/** The moment a date's snapshot stands for: the last instant of that business day. */
export function endOfBusinessDay(date: IsoDate, tz: string): AsOf {
  return { now: new Date(startOfDay(addDays(date, 1), tz).getTime() - 1), today: date, tz };
}

export function asOfNow(now: Date, tz: string): AsOf {
  return { now, today: toIsoDate(now, tz), tz };
}
