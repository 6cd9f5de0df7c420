// Health score shapes: the inputs gathered per account as of a date, and the explained result.
import type { IsoDate } from '../time.ts';
import type { Tier } from '../types.ts';

export interface HealthInputs {
  accountId: string;
  tier: Tier | null;
  strategicValue: 'high' | 'low' | null;
  asOf: IsoDate;
  /** Active decision makers and influencers: known, and met within the window. */
  chain: { known: number; met: number; decisionMakersKnown: number; decisionMakersMet: number };
  /** Interactions with the account's executive contacts: last one ever, and how many in the window. */
  exec: { lastDate: IsoDate | null; inWindow: number };
  /** Distinct departments of the contacts met within the window. */
  departments: number;
  /**
   * Tickets opened in the last 365 days (an open one only once it is 48 hours old); average hours
   * to resolve, an open ticket counting with its age so far.
   */
  tickets: { total: number; resolved: number; avgResolutionHours: number | null };
  org: { strategicAgreements: number; activeProjects: number };
  /** Orders: last date, the last 12 months, and the 24 months before them. */
  orders: { lastDate: IsoDate | null; count12: number; amount12: number; countPrior: number; amountPrior: number; hasHistory: boolean };
}

/** Medians of the last 12 months' orders among accounts of one tier (and of all accounts). */
export interface PeerStats {
  count12: number;
  amount12: number;
  /** 75th percentile of the 12-month amount: above it, an account is of high commercial value. */
  amount12P75: number;
}

export type Peers = { byTier: Partial<Record<Tier, PeerStats>>; all: PeerStats };

export type LayerId = 'key' | 'general' | 'organizational' | 'rfm';

export interface Component {
  id: string;
  /** 0–100. */
  score: number;
  /** Share of its layer (weights of a layer add up to 1). */
  weight: number;
  /** The facts the score came from, for the explanation. */
  facts: Record<string, number | string | null>;
}

export interface Layer {
  id: LayerId;
  score: number;
  /** Share of the total (normalized from the settings' weights). */
  weight: number;
  components: Component[];
}

export type Band = 'healthy' | 'watch' | 'at_risk';

export interface TierSuggestion {
  valueHigh: boolean;
  relationshipStrong: boolean;
  quadrant: 'strategic' | 'develop' | 'maintain' | 'basic';
  suggested: Tier;
  declared: Tier | null;
}

export interface Health {
  accountId: string;
  asOf: IsoDate;
  score: number;
  band: Band;
  layers: Layer[];
  /** The relationship part (key, general and organizational layers), 0–100. */
  relationship: number;
  tier: TierSuggestion;
}
