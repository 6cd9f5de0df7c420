import { describe, expect, it } from 'vitest';
import { computeHealth, band } from '../../../src/domain/health/score.ts';
import { DEFAULT_HEALTH_SETTINGS as S } from '../../../src/domain/health/settings.ts';
import type { HealthInputs, Peers } from '../../../src/domain/health/types.ts';
import { addDays } from '../../../src/domain/time.ts';

const AS_OF = '2026-11-24';
const peers: Peers = {
  byTier: { A: { count12: 6, amount12: 10_000_000, amount12P75: 12_000_000 } },
  all: { count12: 4, amount12: 6_000_000, amount12P75: 8_000_000 },
};

function inputs(over: Partial<HealthInputs> = {}): HealthInputs {
  return {
    accountId: 'X',
    tier: 'A',
    strategicValue: 'low',
    asOf: AS_OF,
    chain: { known: 4, met: 2, decisionMakersKnown: 1, decisionMakersMet: 1 },
    exec: { lastDate: addDays(AS_OF, -20), inWindow: 2 },
    departments: 3,
    tickets: { total: 4, resolved: 3, avgResolutionHours: 50 },
    org: { strategicAgreements: 1, activeProjects: 1 },
    orders: { lastDate: addDays(AS_OF, -100), count12: 3, amount12: 5_000_000, countPrior: 4, amountPrior: 8_000_000, hasHistory: true },
    ...over,
  };
}

const layer = (h: ReturnType<typeof computeHealth>, id: string) => h.layers.find((l) => l.id === id)!;
const comp = (h: ReturnType<typeof computeHealth>, id: string) => h.layers.flatMap((l) => l.components).find((c) => c.id === id)!;

describe('computeHealth on a hand-computed account', () => {
  const h = computeHealth(inputs(), peers, S);
  it('scores the key layer: chain 2/4 = 50, executive 20 days ago = 80, twice in 90 days = 65', () => {
    expect([comp(h, 'decision_chain').score, comp(h, 'exec_recency').score, comp(h, 'exec_frequency').score]).toEqual([50, 80, 65]);
    expect(layer(h, 'key').score).toBe(64); // 0.4·50 + 0.3·80 + 0.3·65 = 63.5
  });
  it('scores the general layer: 3 departments = 85, 3 of 4 resolved = 75, 50 h average = 80', () => {
    expect(layer(h, 'general').score).toBe(80); // 34 + 26.25 + 20
  });
  it('scores the organizational layer: an agreement = 100, one project = 70', () => {
    expect(layer(h, 'organizational').score).toBe(85);
  });
  it('scores RFM against own history (capped at 100) and the tier median (50), averaged', () => {
    expect(comp(h, 'order_recency').score).toBe(75);
    expect(comp(h, 'order_frequency')).toMatchObject({ score: 75, facts: { count_12m: 3, own_yearly_avg: 2, tier_median: 6 } });
    expect(comp(h, 'order_amount').score).toBe(75);
    expect(layer(h, 'rfm').score).toBe(75);
  });
  it('weights the layers 35/20/15/30 into the total and a band', () => {
    expect(h.score).toBe(74); // 22.4 + 16 + 12.75 + 22.5 = 73.65
    expect(h.band).toBe('healthy');
    expect(h.relationship).toBe(73);
  });
  it('suggests a tier from value × relationship: low value, strong relationship → B', () => {
    expect(h.tier).toMatchObject({ valueHigh: false, relationshipStrong: true, quadrant: 'maintain', suggested: 'B', declared: 'A' });
    const valuable = computeHealth(inputs({ strategicValue: 'high' }), peers, S);
    expect(valuable.tier.suggested).toBe('S');
  });
});

describe('computeHealth edge cases', () => {
  it('an account with nothing on record scores only the clean ticket record', () => {
    const h = computeHealth(
      inputs({
        chain: { known: 0, met: 0, decisionMakersKnown: 0, decisionMakersMet: 0 },
        exec: { lastDate: null, inWindow: 0 },
        departments: 0,
        tickets: { total: 0, resolved: 0, avgResolutionHours: null },
        org: { strategicAgreements: 0, activeProjects: 0 },
        orders: { lastDate: null, count12: 0, amount12: 0, countPrior: 0, amountPrior: 0, hasHistory: false },
      }),
      { byTier: {}, all: { count12: 0, amount12: 0, amount12P75: 0 } },
      S,
    );
    expect(layer(h, 'general').score).toBe(60);
    expect(h.score).toBe(12);
    expect(h.band).toBe('at_risk');
    expect(h.tier.suggested).toBe('C');
  });
  it('caps chain coverage without a decision maker at 40, and with one never met at 60', () => {
    expect(comp(computeHealth(inputs({ chain: { known: 2, met: 2, decisionMakersKnown: 0, decisionMakersMet: 0 } }), peers, S), 'decision_chain').score).toBe(40);
    expect(comp(computeHealth(inputs({ chain: { known: 2, met: 1, decisionMakersKnown: 1, decisionMakersMet: 0 } }), peers, S), 'decision_chain').score).toBe(50);
    expect(comp(computeHealth(inputs({ chain: { known: 3, met: 2, decisionMakersKnown: 1, decisionMakersMet: 0 } }), peers, S), 'decision_chain').score).toBe(60);
  });
  it('follows the weights of the settings', () => {
    const onlyRfm = { ...S, weights: { key: 0, general: 0, organizational: 0, rfm: 1 } };
    expect(computeHealth(inputs(), peers, onlyRfm).score).toBe(75);
  });
  it('bands at 70 and 50', () => {
    expect([band(70, S.bands), band(69, S.bands), band(50, S.bands), band(49, S.bands)]).toEqual(['healthy', 'watch', 'watch', 'at_risk']);
  });
});
