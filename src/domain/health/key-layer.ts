// Key layer: is the decision chain covered, and how recently and often do we meet executives.
import { daysBetween } from '../time.ts';
import { atLeast, atMost } from './scale.ts';
import type { Component, HealthInputs } from './types.ts';

/** Points by days since the last executive interaction. */
export const EXEC_RECENCY: [number, number][] = [[14, 100], [30, 80], [45, 50], [90, 25]];
/** Points by executive interactions within the window. */
export const EXEC_FREQUENCY: [number, number][] = [[4, 100], [3, 85], [2, 65], [1, 40]];
/** Caps on chain coverage: no decision maker on record; decision makers known but none met. */
export const CHAIN_CAP_NO_DM = 40;
export const CHAIN_CAP_DM_NOT_MET = 60;

export function decisionChain(i: HealthInputs): Component {
  const { known, met, decisionMakersKnown, decisionMakersMet } = i.chain;
  let score = known === 0 ? 0 : Math.round((100 * met) / known);
  if (decisionMakersKnown === 0) score = Math.min(score, CHAIN_CAP_NO_DM);
  else if (decisionMakersMet === 0) score = Math.min(score, CHAIN_CAP_DM_NOT_MET);
  return { id: 'decision_chain', score, weight: 0.4, facts: { known, met, decision_makers_known: decisionMakersKnown, decision_makers_met: decisionMakersMet } };
}

export function execRecency(i: HealthInputs): Component {
  const days = i.exec.lastDate ? daysBetween(i.exec.lastDate, i.asOf) : null;
  const score = days === null ? 0 : atMost(days, EXEC_RECENCY, 0);
  return { id: 'exec_recency', score, weight: 0.3, facts: { last_date: i.exec.lastDate, days } };
}

export function execFrequency(i: HealthInputs): Component {
  return { id: 'exec_frequency', score: atLeast(i.exec.inWindow, EXEC_FREQUENCY, 0), weight: 0.3, facts: { count: i.exec.inWindow } };
}

export function keyLayer(i: HealthInputs): Component[] {
  return [decisionChain(i), execRecency(i), execFrequency(i)];
}
