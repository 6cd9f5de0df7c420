// The weekly briefing as data (`kam briefing --json`, the chat tool's data, the console).
import type { Band } from '../../domain/health/types.ts';
import type { InteractionType, Severity, Stage, Tier } from '../../domain/types.ts';

export interface BriefingTarget {
  kind: 'user' | 'team';
  userId: string;
}

export interface AccountBriefing {
  accountId: string;
  name: string;
  tier: Tier | null;
  owner: string | null;
  health: { score: number; band: Band; previous: number | null; change: number | null; suggestedTier: Tier };
  /** The latest interaction up to the as-of moment, this week or before. */
  lastInteraction: { date: string; type: InteractionType; byName: string } | null;
  interactions: { id: string; date: string; type: InteractionType; by: string; byName: string; with: string[]; executive: boolean; summary: string }[];
  alerts: { rule: string; severity: Severity; message: string; isNew: boolean }[];
  due: { kind: 'next_step' | 'contract_end' | 'expected_close'; id: string; date: string; text: string; owner: string | null }[];
  pipeline: { id: string; name: string; stage: Stage; amount: number | null; updatedAt: string }[];
  risk: number;
}

export interface PersonActivity {
  userId: string;
  name: string;
  interactions: number;
  accounts: number;
  executiveMeetings: number;
  byType: Partial<Record<InteractionType, number>>;
}

export interface Briefing {
  kind: 'user' | 'team';
  userId: string;
  userName: string;
  week: { start: string; end: string };
  /** The moment the briefing describes (the end of the week, or now for the current week). */
  asOf: string;
  /** What counts as "coming up": from the as-of date to the end of the following week. */
  dueWindow: { from: string; to: string };
  totals: { accounts: number; interactions: number; alerts: number; newAlerts: number };
  /** Most at risk first. */
  accounts: AccountBriefing[];
  /** Team briefings: each person's activity this week. */
  people?: PersonActivity[];
}
