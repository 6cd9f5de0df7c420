// How much attention an account needs this week, for ranking a briefing: its firing alerts by
// severity, its health band, and a fall of its health score.
import type { Band } from '../health/types.ts';
import type { Severity } from '../types.ts';

export const SEVERITY_POINTS: Record<Severity, number> = { high: 3, medium: 2, low: 1 };
const BAND_POINTS: Record<Band, number> = { at_risk: 3, watch: 1, healthy: 0 };
/** A fall of this many points or more since last week adds to the risk. */
export const FALL_POINTS = 10;

export function accountRisk(alerts: { severity: Severity }[], band: Band | null, change: number | null): number {
  const fromAlerts = alerts.reduce((s, a) => s + SEVERITY_POINTS[a.severity], 0);
  const fromBand = band ? BAND_POINTS[band] : 0;
  const fromFall = change !== null && change <= -FALL_POINTS ? 2 : 0;
  return fromAlerts + fromBand + fromFall;
}
