// Tier suggestion from the two axes of the value × relationship four quadrants: commercial value
// (declared strategic value, or 12-month orders in the top quarter of all accounts) and the
// strength of the relationship (key + general + organizational layers).
import type { Tier } from '../types.ts';
import type { HealthInputs, Peers, TierSuggestion } from './types.ts';

const QUADRANTS: Record<string, { quadrant: TierSuggestion['quadrant']; suggested: Tier }> = {
  'high/strong': { quadrant: 'strategic', suggested: 'S' },
  'high/weak': { quadrant: 'develop', suggested: 'A' },
  'low/strong': { quadrant: 'maintain', suggested: 'B' },
  'low/weak': { quadrant: 'basic', suggested: 'C' },
};

export function suggestTier(i: HealthInputs, relationship: number, peers: Peers, strongFrom: number): TierSuggestion {
  const valueHigh = i.strategicValue === 'high' || (i.orders.amount12 > 0 && i.orders.amount12 >= peers.all.amount12P75);
  const relationshipStrong = relationship >= strongFrom;
  const q = QUADRANTS[`${valueHigh ? 'high' : 'low'}/${relationshipStrong ? 'strong' : 'weak'}`];
  return { valueHigh, relationshipStrong, ...q, declared: i.tier };
}
