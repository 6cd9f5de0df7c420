// The health score: 0–100 from the key, general and organizational relationship layers plus RFM,
// weighted by the settings, with every component kept for the explanation.
import { generalLayer } from './general-layer.ts';
import { keyLayer } from './key-layer.ts';
import { organizationalLayer } from './organizational-layer.ts';
import { rfmLayer } from './rfm.ts';
import { weighted } from './scale.ts';
import type { HealthSettings } from './settings.ts';
import { suggestTier } from './tier-suggestion.ts';
import type { Band, Component, Health, HealthInputs, Layer, LayerId, Peers } from './types.ts';

export function band(score: number, bands: HealthSettings['bands']): Band {
  return score >= bands.healthy ? 'healthy' : score >= bands.watch ? 'watch' : 'at_risk';
}

export function computeHealth(i: HealthInputs, peers: Peers, s: HealthSettings): Health {
  const peer = (i.tier && peers.byTier[i.tier]) || peers.all;
  const parts: [LayerId, Component[]][] = [
    ['key', keyLayer(i)],
    ['general', generalLayer(i)],
    ['organizational', organizationalLayer(i)],
    ['rfm', rfmLayer(i, peer)],
  ];
  const totalWeight = Object.values(s.weights).reduce((a, b) => a + b, 0) || 1;
  const layers: Layer[] = parts.map(([id, components]) => ({
    id,
    score: Math.round(weighted(components)),
    weight: s.weights[id] / totalWeight,
    components,
  }));
  const score = Math.max(0, Math.min(100, Math.round(weighted(layers))));
  const relationship = Math.round(weighted(layers.filter((l) => l.id !== 'rfm')));
  return {
    accountId: i.accountId,
    asOf: i.asOf,
    score,
    band: band(score, s.bands),
    layers,
    relationship,
    tier: suggestTier(i, relationship, peers, s.relationshipStrong),
  };
}
