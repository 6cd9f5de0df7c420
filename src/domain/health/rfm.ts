// RFM: recency of the last order; order count and amount of the last 12 months against the
// account's own yearly average of the 24 months before, and against the median of its tier.
import { daysBetween } from '../time.ts';
import { atMost, ratioPoints } from './scale.ts';
import type { Component, HealthInputs, PeerStats } from './types.ts';

/** Points by days since the last order. */
export const ORDER_RECENCY: [number, number][] = [[90, 100], [180, 75], [365, 40]];
export const ORDER_RECENCY_OLDER = 10;

export function recency(i: HealthInputs): Component {
  const days = i.orders.lastDate ? daysBetween(i.orders.lastDate, i.asOf) : null;
  const score = days === null ? 0 : atMost(days, ORDER_RECENCY, ORDER_RECENCY_OLDER);
  return { id: 'order_recency', score, weight: 0.3, facts: { last_date: i.orders.lastDate, days } };
}

/** Average of the points against each reference that exists; with none, any business at all scores. */
function againstReferences(x: number, own: number | null, peer: number | null): number {
  const pts = [ratioPoints(x, own), ratioPoints(x, peer)].filter((p): p is number => p !== null);
  if (!pts.length) return x > 0 ? 100 : 0;
  return Math.round(pts.reduce((a, b) => a + b, 0) / pts.length);
}

export function frequency(i: HealthInputs, peers: PeerStats | undefined): Component {
  const own = i.orders.hasHistory ? i.orders.countPrior / 2 : null;
  const peer = peers ? peers.count12 : null;
  return {
    id: 'order_frequency',
    score: againstReferences(i.orders.count12, own, peer),
    weight: 0.3,
    facts: { count_12m: i.orders.count12, own_yearly_avg: own, tier_median: peer },
  };
}

export function monetary(i: HealthInputs, peers: PeerStats | undefined): Component {
  const own = i.orders.hasHistory ? i.orders.amountPrior / 2 : null;
  const peer = peers ? peers.amount12 : null;
  return {
    id: 'order_amount',
    score: againstReferences(i.orders.amount12, own, peer),
    weight: 0.4,
    facts: { amount_12m: i.orders.amount12, own_yearly_avg: own, tier_median: peer },
  };
}

export function rfmLayer(i: HealthInputs, peers: PeerStats | undefined): Component[] {
  return [recency(i), frequency(i, peers), monetary(i, peers)];
}
