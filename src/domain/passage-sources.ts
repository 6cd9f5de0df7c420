// The records retrieval cuts into passages, as plain data: which tables are sources, the fields
// each source record carries, and the citation kind each table maps to.
import type { IsoDate } from './time.ts';
import type { Contract, Opportunity, Ticket } from './types.ts';

export const SOURCE_TABLES = ['interactions', 'tickets', 'contracts', 'opportunities'] as const;
export type SourceTable = (typeof SOURCE_TABLES)[number];

/** The citation kind of a source table (src/chat/types.ts Citation.source). */
export const CITATION_SOURCE = {
  interactions: 'interaction',
  tickets: 'ticket',
  contracts: 'contract',
  opportunities: 'opportunity',
} as const satisfies Record<SourceTable, string>;

export interface InteractionSource {
  table: 'interactions';
  id: string;
  account_id: string;
  user_id: string;
  occurred_at: Date;
  summary: string;
  next_step: string | null;
  next_step_due: IsoDate | null;
  /** The chat message the interaction was captured from, verbatim (chat capture only). */
  raw_text: string | null;
}
export type TicketSource = { table: 'tickets' } & Pick<Ticket, 'id' | 'account_id' | 'kind' | 'severity' | 'opened_at' | 'summary'>;
export type ContractSource = { table: 'contracts' } & Pick<Contract, 'id' | 'account_id' | 'kind' | 'signed_at' | 'start_date' | 'end_date' | 'amount' | 'status'>;
export type OpportunitySource = { table: 'opportunities' } & Pick<Opportunity, 'id' | 'account_id' | 'name' | 'stage' | 'amount' | 'expected_close' | 'owner_id' | 'updated_at'>;
export type SourceRecord = InteractionSource | TicketSource | ContractSource | OpportunitySource;
