// General layer: how broadly we touch the customer's departments, and how well we resolve issues.
import { atLeast, atMost } from './scale.ts';
import type { Component, HealthInputs } from './types.ts';

/** Points by distinct departments met within the window. */
export const DEPARTMENTS: [number, number][] = [[4, 100], [3, 85], [2, 65], [1, 40]];
/** Points by average hours from opening to resolving a ticket (open ones count with their age so far). */
export const RESOLUTION_HOURS: [number, number][] = [[24, 100], [72, 80], [168, 60], [336, 40]];

export function departments(i: HealthInputs): Component {
  return { id: 'departments', score: atLeast(i.departments, DEPARTMENTS, 0), weight: 0.4, facts: { count: i.departments } };
}

/** No tickets in the last year counts as nothing left unresolved. */
export function resolutionRate(i: HealthInputs): Component {
  const { total, resolved } = i.tickets;
  const score = total === 0 ? 100 : Math.round((100 * resolved) / total);
  return { id: 'resolution_rate', score, weight: 0.35, facts: { total, resolved } };
}

export function resolutionTime(i: HealthInputs): Component {
  const { total, avgResolutionHours: h } = i.tickets;
  const score = total === 0 || h === null ? 100 : atMost(h, RESOLUTION_HOURS, 20);
  return { id: 'resolution_time', score, weight: 0.25, facts: { avg_hours: h === null ? null : Math.round(h) } };
}

export function generalLayer(i: HealthInputs): Component[] {
  return [departments(i), resolutionRate(i), resolutionTime(i)];
}
