// Shapes of the relationship-optimization roadmap: the facts it is built from, the gaps found in
// them, and the 30/60/90-day plan whose every action cites the records that justify it.
import type { RuleThresholds } from '../../domain/alerts/thresholds.ts';
import type { Health } from '../../domain/health/types.ts';
import type { IsoDate } from '../../domain/time.ts';
import type { TeamRole, Tier } from '../../domain/types.ts';
import type { GroupRollup } from '../rollup/build.ts';
import type {
  CitedSource,
  ContactFacts,
  ContractFacts,
  InteractionFacts,
  OpportunityFacts,
  OrderFacts,
  ProjectFacts,
  TeamPerson,
  TicketFacts,
} from '../../store/roadmap-queries.ts';

export type { CitedSource };

export interface RoadmapFacts {
  today: IsoDate;
  account: { id: string; name: string; aliases: string[]; tier: Tier | null; strategicValue: 'high' | 'low' | null; industry: string | null; parentName: string | null; ownerId: string };
  team: TeamPerson[];
  contacts: ContactFacts[];
  /** Newest first. */
  interactions: InteractionFacts[];
  openTickets: TicketFacts[];
  contracts: ContractFacts[];
  opportunities: OpportunityFacts[];
  /** This year's and last year's orders up to today, newest first. */
  orders: OrderFacts[];
  budget: { year: number; amount: number | null };
  projects: ProjectFacts[];
  health: Health | null;
  thresholds: RuleThresholds;
  /** The roll-up of the group the account heads (or sits in, when the group is hidden): null for a lone account. */
  group: GroupRollup | null;
}

/** A record cited as evidence, with its date. */
export interface Cite {
  source: CitedSource;
  id: string;
  date: IsoDate | null;
}

export type GapKind =
  | 'missing_decision_maker'
  | 'decision_maker_unmet'
  | 'opponent'
  | 'executive_silence'
  | 'departments_not_reached'
  | 'open_ticket'
  | 'budget_lag'
  | 'contract_ending'
  | 'stalled_opportunity'
  | 'overdue_next_step';

export type GapFacts = Record<string, string | number | null>;

export interface Gap {
  kind: GapKind;
  severity: 'high' | 'medium' | 'low';
  /** What the gap is about (contact, ticket, contract, opportunity, interaction id), if one thing. */
  subjectId: string | null;
  /** Values for the wording (names, days, amounts, dates). */
  facts: GapFacts;
  citations: Cite[];
}

export interface CurrentState {
  health: {
    score: number;
    band: Health['band'];
    layers: { id: string; score: number; weight: number; components: { id: string; score: number; facts: Record<string, number | string | null> }[] }[];
  } | null;
  tier: { declared: Tier | null; suggested: Tier | null; quadrant: string | null };
  wallet: { year: number; budget: number | null; executed: number; share: number | null; yearElapsed: number; lastYear: number; orders: Cite[] };
  pipeline: { open: { id: string; name: string; stage: string; amount: number | null; expectedClose: IsoDate | null; updatedAt: IsoDate | null; owner: string | null }[]; openAmount: number };
  /** Group roll-up over the visible subsidiaries, when the account is part of a group. */
  group: GroupRollup | null;
}

export type Horizon = 30 | 60 | 90;

export interface PersonRef {
  id: string;
  name: string;
  title?: string | null;
}

export interface PlanAction {
  horizon: Horizon;
  ownerRole: TeamRole;
  /** The team member in that role (null when the team has nobody in it). */
  owner: PersonRef | null;
  target: PersonRef | null;
  /** What to do, and why, in the reply language. */
  action: string;
  reason: string;
  citations: Cite[];
  /** The gap the action answers (offline plan), if any. */
  gap?: GapKind;
}

export interface Roadmap {
  account: { id: string; name: string };
  asOf: IsoDate;
  state: CurrentState;
  gaps: (Gap & { text: string })[];
  plan: PlanAction[];
  /** 'offline' (deterministic generator) or 'llm' (validated model plan). */
  generator: 'offline' | 'llm';
  /** Why the LLM plan was not used, when it was tried and refused. */
  warning?: string;
}
