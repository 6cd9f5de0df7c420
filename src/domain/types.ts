// Domain records as the store returns them. Dates are 'YYYY-MM-DD' strings, instants are Dates,
// amounts are numbers in yuan, and an unknown value is null.

export type Role = 'sales' | 'manager' | 'admin';
export type Tier = 'S' | 'A' | 'B' | 'C';
export type TeamRole = 'AR' | 'SR' | 'FR';
export type DecisionRole = 'decision_maker' | 'influencer' | 'evaluator' | 'user' | 'gatekeeper';
export type ContactLevel = 'executive' | 'manager' | 'staff';
export type Attitude = 'supporter' | 'neutral' | 'opponent';
export type InteractionType = 'visit' | 'call' | 'meeting' | 'email' | 'dinner' | 'event' | 'im';
export type ContractKind = 'purchase' | 'framework' | 'service' | 'strategic_agreement';
export type ContractStatus = 'active' | 'expired' | 'terminated';
export type TicketKind = 'complaint' | 'repair' | 'inquiry';
export type Severity = 'high' | 'medium' | 'low';
export type Stage = 'lead' | 'qualify' | 'proposal' | 'negotiation' | 'won' | 'lost';
export type Platform = 'feishu' | 'wecom' | 'slack' | 'dingtalk' | 'console' | 'cli' | 'api';

export interface User {
  id: string;
  name: string;
  role: Role;
  manager_id: string | null;
  email: string | null;
  feishu_open_id: string | null;
  wecom_userid: string | null;
  slack_user_id: string | null;
  dingtalk_user_id: string | null;
}

export interface Account {
  id: string;
  name: string;
  aliases: string[];
  parent_id: string | null;
  industry: string | null;
  region: string | null;
  tier: Tier | null;
  strategic_value: 'high' | 'low' | null;
  owner_id: string;
  created_at: string | null;
}

export interface Contact {
  id: string;
  account_id: string;
  name: string;
  title: string | null;
  department: string | null;
  decision_role: DecisionRole | null;
  level: ContactLevel | null;
  attitude: Attitude | null;
  phone: string | null;
  email: string | null;
  active: boolean;
}

export interface TeamMember {
  account_id: string;
  user_id: string;
  team_role: TeamRole;
}

export interface Interaction {
  id: string;
  account_id: string;
  user_id: string;
  occurred_at: Date;
  type: InteractionType;
  contact_ids: string[];
  summary: string;
  next_step: string | null;
  next_step_due: string | null;
}

export interface Order {
  id: string;
  account_id: string;
  order_date: string;
  amount: number;
  product: string | null;
}

export interface Contract {
  id: string;
  account_id: string;
  kind: ContractKind;
  signed_at: string | null;
  start_date: string | null;
  end_date: string;
  amount: number | null;
  status: ContractStatus;
}

export interface Ticket {
  id: string;
  account_id: string;
  kind: TicketKind;
  severity: Severity | null;
  opened_at: Date;
  resolved_at: Date | null;
  summary: string | null;
}

export interface Opportunity {
  id: string;
  account_id: string;
  name: string;
  stage: Stage;
  amount: number | null;
  expected_close: string | null;
  owner_id: string | null;
  updated_at: string | null;
}

export interface Budget {
  account_id: string;
  year: number;
  amount: number;
}

export interface Project {
  id: string;
  account_id: string;
  name: string;
  started_at: string | null;
  status: 'active' | 'done' | null;
}

export const OPEN_STAGES: Stage[] = ['lead', 'qualify', 'proposal', 'negotiation'];
