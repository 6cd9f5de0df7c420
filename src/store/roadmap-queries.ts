// Reads behind the relationship roadmap: everything about one account as of a moment, each query
// scoped by the acting user's visible accounts (an invisible account yields nothing at all).
import type { Db } from '../../db/index.ts';
import type { IsoDate } from '../domain/time.ts';
import type { Account, Attitude, ContactLevel, ContractKind, ContractStatus, DecisionRole, InteractionType, Severity, Stage, TeamRole, TicketKind } from '../domain/types.ts';
import { visibleTo } from './visible.ts';

export interface AsOfDay {
  now: Date;
  today: IsoDate;
  tz: string;
}

export async function roadmapAccount(db: Db, userId: string, accountId: string): Promise<(Account & { parent_name: string | null }) | undefined> {
  const r = await db.query<Account & { parent_name: string | null }>(
    `SELECT a.id, a.name, a.aliases, a.parent_id, a.industry, a.region, a.tier, a.strategic_value, a.owner_id, a.created_at, p.name AS parent_name
     FROM accounts a LEFT JOIN accounts p ON p.id = a.parent_id
     WHERE a.id = $2 AND ${visibleTo('a.id', 1)}`,
    [userId, accountId],
  );
  return r.rows[0];
}

/** An admin user (the lowest id), for views that act "as admin". */
export async function anyAdminId(db: Db): Promise<string | undefined> {
  const r = await db.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1`);
  return r.rows[0]?.id;
}

export interface TeamPerson {
  userId: string;
  name: string;
  role: TeamRole;
  managerId: string | null;
}

export async function roadmapTeam(db: Db, userId: string, accountId: string): Promise<TeamPerson[]> {
  const r = await db.query<TeamPerson>(
    `SELECT t.user_id AS "userId", u.name, t.team_role AS role, u.manager_id AS "managerId"
     FROM account_team t JOIN users u ON u.id = t.user_id
     WHERE t.account_id = $2 AND ${visibleTo('t.account_id', 1)}
     ORDER BY CASE t.team_role WHEN 'AR' THEN 0 WHEN 'SR' THEN 1 ELSE 2 END, t.user_id`,
    [userId, accountId],
  );
  return r.rows;
}

export interface ContactFacts {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  decisionRole: DecisionRole | null;
  level: ContactLevel | null;
  attitude: Attitude | null;
  /** Last interaction with this contact up to now, if any. */
  lastInteractionId: string | null;
  lastMetOn: IsoDate | null;
}

export async function roadmapContacts(db: Db, userId: string, accountId: string, at: AsOfDay): Promise<ContactFacts[]> {
  const r = await db.query<ContactFacts>(
    `SELECT c.id, c.name, c.title, c.department, c.decision_role AS "decisionRole", c.level, c.attitude,
       m.id AS "lastInteractionId", (m.occurred_at AT TIME ZONE $4)::date AS "lastMetOn"
     FROM contacts c
     LEFT JOIN LATERAL (
       SELECT i.id, i.occurred_at FROM interactions i
       WHERE i.account_id = c.account_id AND c.id = ANY(i.contact_ids) AND i.occurred_at <= $3
       ORDER BY i.occurred_at DESC, i.id DESC LIMIT 1) m ON true
     WHERE c.account_id = $2 AND c.active AND ${visibleTo('c.account_id', 1)}
     ORDER BY CASE c.level WHEN 'executive' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, c.id`,
    [userId, accountId, at.now, at.tz],
  );
  return r.rows;
}

export interface InteractionFacts {
  id: string;
  date: IsoDate;
  userId: string;
  userName: string;
  type: InteractionType;
  contactIds: string[];
  summary: string;
  nextStep: string | null;
  nextStepDue: IsoDate | null;
}

/** Interactions up to now, newest first. */
export async function roadmapInteractions(db: Db, userId: string, accountId: string, at: AsOfDay, limit = 200): Promise<InteractionFacts[]> {
  const r = await db.query<InteractionFacts>(
    `SELECT i.id, (i.occurred_at AT TIME ZONE $4)::date AS date, i.user_id AS "userId", u.name AS "userName", i.type,
       i.contact_ids AS "contactIds", i.summary, i.next_step AS "nextStep", i.next_step_due AS "nextStepDue"
     FROM interactions i JOIN users u ON u.id = i.user_id
     WHERE i.account_id = $2 AND i.occurred_at <= $3 AND ${visibleTo('i.account_id', 1)}
     ORDER BY i.occurred_at DESC, i.id DESC LIMIT $5`,
    [userId, accountId, at.now, at.tz, limit],
  );
  return r.rows;
}

export interface TicketFacts {
  id: string;
  kind: TicketKind;
  severity: Severity | null;
  openedOn: IsoDate;
  openedAt: Date;
  summary: string | null;
}

/** Tickets open at `now`. */
export async function roadmapOpenTickets(db: Db, userId: string, accountId: string, at: AsOfDay): Promise<TicketFacts[]> {
  const r = await db.query<TicketFacts>(
    `SELECT t.id, t.kind, t.severity, (t.opened_at AT TIME ZONE $4)::date AS "openedOn", t.opened_at AS "openedAt", t.summary
     FROM tickets t
     WHERE t.account_id = $2 AND t.opened_at <= $3 AND (t.resolved_at IS NULL OR t.resolved_at > $3) AND ${visibleTo('t.account_id', 1)}
     ORDER BY t.opened_at, t.id`,
    [userId, accountId, at.now, at.tz],
  );
  return r.rows;
}

export interface ContractFacts {
  id: string;
  kind: ContractKind;
  signedAt: IsoDate | null;
  startDate: IsoDate | null;
  endDate: IsoDate;
  amount: number | null;
  status: ContractStatus;
}

export async function roadmapContracts(db: Db, userId: string, accountId: string): Promise<ContractFacts[]> {
  const r = await db.query<ContractFacts>(
    `SELECT c.id, c.kind, c.signed_at AS "signedAt", c.start_date AS "startDate", c.end_date AS "endDate", c.amount, c.status
     FROM contracts c WHERE c.account_id = $2 AND ${visibleTo('c.account_id', 1)}
     ORDER BY c.end_date, c.id`,
    [userId, accountId],
  );
  return r.rows;
}

export interface OpportunityFacts {
  id: string;
  name: string;
  stage: Stage;
  amount: number | null;
  expectedClose: IsoDate | null;
  ownerId: string | null;
  ownerName: string | null;
  updatedAt: IsoDate | null;
}

export async function roadmapOpportunities(db: Db, userId: string, accountId: string): Promise<OpportunityFacts[]> {
  const r = await db.query<OpportunityFacts>(
    `SELECT o.id, o.name, o.stage, o.amount, o.expected_close AS "expectedClose", o.owner_id AS "ownerId", u.name AS "ownerName", o.updated_at AS "updatedAt"
     FROM opportunities o LEFT JOIN users u ON u.id = o.owner_id
     WHERE o.account_id = $2 AND ${visibleTo('o.account_id', 1)}
     ORDER BY o.updated_at DESC NULLS LAST, o.id`,
    [userId, accountId],
  );
  return r.rows;
}

export interface OrderFacts {
  id: string;
  date: IsoDate;
  amount: number;
  product: string | null;
}

/** Orders of this and last year up to today, newest first. */
export async function roadmapOrders(db: Db, userId: string, accountId: string, at: AsOfDay): Promise<OrderFacts[]> {
  const year = Number(at.today.slice(0, 4));
  const r = await db.query<OrderFacts>(
    `SELECT o.id, o.order_date AS date, o.amount, o.product FROM orders o
     WHERE o.account_id = $2 AND o.order_date >= make_date($3, 1, 1) AND o.order_date <= $4::date AND ${visibleTo('o.account_id', 1)}
     ORDER BY o.order_date DESC, o.id`,
    [userId, accountId, year - 1, at.today],
  );
  return r.rows;
}

export async function roadmapBudget(db: Db, userId: string, accountId: string, year: number): Promise<number | null> {
  const r = await db.query<{ amount: number }>(`SELECT b.amount FROM budgets b WHERE b.account_id = $2 AND b.year = $3 AND ${visibleTo('b.account_id', 1)}`, [userId, accountId, year]);
  return r.rows[0]?.amount ?? null;
}

export interface ProjectFacts {
  id: string;
  name: string;
  startedAt: IsoDate | null;
  status: 'active' | 'done' | null;
}

export async function roadmapProjects(db: Db, userId: string, accountId: string): Promise<ProjectFacts[]> {
  const r = await db.query<ProjectFacts>(
    `SELECT p.id, p.name, p.started_at AS "startedAt", p.status FROM projects p WHERE p.account_id = $2 AND ${visibleTo('p.account_id', 1)} ORDER BY p.started_at NULLS LAST, p.id`,
    [userId, accountId],
  );
  return r.rows;
}

export type CitedSource = 'interaction' | 'ticket' | 'contract' | 'opportunity' | 'order' | 'project';

const CITED: Record<CitedSource, { table: string; date: string }> = {
  interaction: { table: 'interactions', date: '(x.occurred_at AT TIME ZONE $4)::date' },
  ticket: { table: 'tickets', date: '(x.opened_at AT TIME ZONE $4)::date' },
  contract: { table: 'contracts', date: 'COALESCE(x.signed_at, x.start_date)' },
  opportunity: { table: 'opportunities', date: 'x.updated_at' },
  order: { table: 'orders', date: 'x.order_date' },
  project: { table: 'projects', date: 'x.started_at' },
};

/** The cited records that exist in this account and that the user may see: "source:id" → date. */
export async function visibleCitedRecords(db: Db, userId: string, accountId: string, tz: string, refs: { source: CitedSource; id: string }[]): Promise<Map<string, IsoDate | null>> {
  const found = new Map<string, IsoDate | null>();
  for (const source of Object.keys(CITED) as CitedSource[]) {
    const ids = [...new Set(refs.filter((r) => r.source === source).map((r) => r.id))];
    if (!ids.length) continue;
    const { table, date } = CITED[source];
    const r = await db.query<{ id: string; date: IsoDate | null }>(
      `SELECT x.id, ${date} AS date FROM ${table} x WHERE x.id = ANY($2::text[]) AND x.account_id = $3 AND $4::text IS NOT NULL AND ${visibleTo('x.account_id', 1)}`,
      [userId, ids, accountId, tz],
    );
    for (const row of r.rows) found.set(`${source}:${row.id}`, row.date);
  }
  return found;
}
