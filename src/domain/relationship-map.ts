// The decision chain as a map (pure): contacts placed by department (columns) and level (rows),
// each with its role, attitude and how long ago we last met them, and the gaps marked — no
// decision maker known, decision makers not met within the window, departments not reached
// within it. The window is the decision_chain_gap rule's (kam rules), as in the roadmap.
import { daysBetween, type IsoDate } from './time.ts';
import type { Attitude, ContactLevel, DecisionRole } from './types.ts';

export interface MapContact {
  id: string;
  name: string;
  title: string | null;
  department: string | null;
  level: ContactLevel | null;
  role: DecisionRole | null;
  attitude: Attitude | null;
  /** Business date of our last interaction with them, if any. */
  lastMetOn: IsoDate | null;
}

/** recent: within `recentDays`; stale: within the window; cold: longer ago; never: not met. */
export type Recency = 'recent' | 'stale' | 'cold' | 'never';

export interface PlacedContact extends MapContact {
  column: number;
  row: number;
  /** Position within its cell (0 = top). */
  slot: number;
  daysSince: number | null;
  recency: Recency;
  /** A decision maker not met within the window. */
  unmetDecisionMaker: boolean;
}

export interface MapColumn {
  /** null: contacts without a department. */
  department: string | null;
  /** Someone of the department was met within the window. */
  reached: boolean;
}

export const MAP_LEVELS: (ContactLevel | null)[] = ['executive', 'manager', 'staff', null];

export interface RelationshipMap {
  columns: MapColumn[];
  /** The levels that hold contacts (or the executive row for a missing decision maker), top down. */
  rows: (ContactLevel | null)[];
  /** Contacts per cell, for sizing rows: the largest cell of each row. */
  rowSlots: number[];
  contacts: PlacedContact[];
  /** Where the missing decision maker is drawn (executive row, first column), when none is known. */
  missingDecisionMaker: { column: number; row: number; slot: number } | null;
  gaps: { noDecisionMaker: boolean; unmetDecisionMakers: string[]; departmentsNotReached: string[] };
  windowDays: number;
}

const ROLE_RANK: Record<DecisionRole, number> = { decision_maker: 0, influencer: 1, evaluator: 2, gatekeeper: 3, user: 4 };

export function relationshipMap(contacts: MapContact[], opts: { today: IsoDate; windowDays: number; recentDays: number }): RelationshipMap {
  const days = (c: MapContact) => (c.lastMetOn ? daysBetween(c.lastMetOn, opts.today) : null);
  const metWithin = (c: MapContact) => {
    const d = days(c);
    return d !== null && d <= opts.windowDays;
  };

  // Departments: the one with a decision maker first, then by how senior and how many, unknown last.
  const byDept = new Map<string | null, MapContact[]>();
  for (const c of contacts) byDept.set(c.department, [...(byDept.get(c.department) ?? []), c]);
  const weight = (cs: MapContact[]) => [cs.some((c) => c.role === 'decision_maker') ? 0 : 1, cs.some((c) => c.level === 'executive') ? 0 : 1, -cs.length] as const;
  const departments = [...byDept.keys()].sort((a, b) => {
    if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
    const wa = weight(byDept.get(a)!);
    const wb = weight(byDept.get(b)!);
    return wa[0] - wb[0] || wa[1] - wb[1] || wa[2] - wb[2] || (a < b ? -1 : a > b ? 1 : 0);
  });
  const columns = departments.map((department) => ({ department, reached: byDept.get(department)!.some(metWithin) }));
  if (!columns.length) columns.push({ department: null, reached: false });

  const noDecisionMaker = !contacts.some((c) => c.role === 'decision_maker');
  const rows = MAP_LEVELS.filter((level) => contacts.some((c) => c.level === level) || (level === 'executive' && noDecisionMaker));

  const placed: PlacedContact[] = [];
  const cellCount = new Map<string, number>();
  const ordered = [...contacts].sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const c of ordered) {
    const column = departments.indexOf(c.department);
    const row = rows.indexOf(c.level);
    const key = `${column}/${row}`;
    const slot = cellCount.get(key) ?? 0;
    cellCount.set(key, slot + 1);
    const d = days(c);
    const recency: Recency = d === null ? 'never' : d <= opts.recentDays ? 'recent' : d <= opts.windowDays ? 'stale' : 'cold';
    placed.push({ ...c, column, row, slot, daysSince: d, recency, unmetDecisionMaker: c.role === 'decision_maker' && !metWithin(c) });
  }
  let missingDecisionMaker: RelationshipMap['missingDecisionMaker'] = null;
  if (noDecisionMaker) {
    const row = rows.indexOf('executive');
    const slot = cellCount.get(`0/${row}`) ?? 0;
    cellCount.set(`0/${row}`, slot + 1);
    missingDecisionMaker = { column: 0, row, slot };
  }
  const rowSlots = rows.map((_, row) => Math.max(1, ...[...cellCount.entries()].filter(([k]) => k.endsWith(`/${row}`)).map(([, n]) => n)));

  return {
    columns,
    rows,
    rowSlots,
    contacts: placed,
    missingDecisionMaker,
    gaps: {
      noDecisionMaker,
      unmetDecisionMakers: placed.filter((c) => c.unmetDecisionMaker).map((c) => c.id),
      departmentsNotReached: columns.filter((c) => !c.reached && c.department !== null).map((c) => c.department!),
    },
    windowDays: opts.windowDays,
  };
}

function rank(c: MapContact): number {
  return c.role ? ROLE_RANK[c.role] : 5;
}
