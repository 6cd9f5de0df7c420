// The import/export format of CONTRACT.md §4 as data, and the pure parsing of one CSV row.
import { isValidIsoDate, parseWhen, toIsoDate } from './time.ts';

export type ColumnType =
  | { kind: 'text' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'date' }
  | { kind: 'datetime' }
  | { kind: 'number' }
  | { kind: 'int' }
  | { kind: 'bool'; default: boolean }
  | { kind: 'list' };

export interface Column {
  name: string;
  type: ColumnType;
  required?: boolean;
  /** Ids in this column (or each list item) must exist in that table, in the import or the database. */
  ref?: TableName;
  /** Value used when the cell is empty (export writes it back). */
  default?: string;
}

export type TableName =
  | 'users'
  | 'accounts'
  | 'contacts'
  | 'account_team'
  | 'interactions'
  | 'orders'
  | 'contracts'
  | 'tickets'
  | 'opportunities'
  | 'budgets'
  | 'projects'
  | 'account_competitors'
  | 'group_bindings';

export interface TableFormat {
  table: TableName;
  file: string;
  columns: Column[];
  /** Columns that identify a row (upsert key, duplicate check, export order). */
  key: string[];
  /** Self-reference checked for cycles (manager chain, account tree). */
  parent?: string;
  /** Columns of which a row must fill exactly one (a group is bound to an account or a team). */
  exactlyOne?: string[];
}

const text = { kind: 'text' } as const;
const date = { kind: 'date' } as const;
const datetime = { kind: 'datetime' } as const;
const number = { kind: 'number' } as const;
const list = { kind: 'list' } as const;
const oneOf = (...values: string[]) => ({ kind: 'enum', values }) as const;

/** In dependency order: a table only references tables before it. */
export const FORMATS: TableFormat[] = [
  {
    table: 'users',
    file: 'users.csv',
    key: ['id'],
    parent: 'manager_id',
    columns: [
      { name: 'id', type: text, required: true },
      { name: 'name', type: text, required: true },
      { name: 'role', type: oneOf('sales', 'manager', 'admin'), required: true },
      { name: 'manager_id', type: text, ref: 'users' },
      { name: 'email', type: text },
      { name: 'feishu_open_id', type: text },
      { name: 'wecom_userid', type: text },
      { name: 'slack_user_id', type: text },
      { name: 'dingtalk_user_id', type: text },
    ],
  },
  {
    table: 'accounts',
    file: 'accounts.csv',
    key: ['id'],
    parent: 'parent_id',
    columns: [
      { name: 'id', type: text, required: true },
      { name: 'name', type: text, required: true },
      { name: 'aliases', type: list },
      { name: 'parent_id', type: text, ref: 'accounts' },
      { name: 'industry', type: text },
      { name: 'region', type: text },
      { name: 'tier', type: oneOf('S', 'A', 'B', 'C') },
      { name: 'strategic_value', type: oneOf('high', 'low') },
      { name: 'owner_id', type: text, required: true, ref: 'users' },
      { name: 'created_at', type: date },
    ],
  },
  {
    table: 'contacts',
    file: 'contacts.csv',
    key: ['id'],
    columns: [
      { name: 'id', type: text, required: true },
      { name: 'account_id', type: text, required: true, ref: 'accounts' },
      { name: 'name', type: text, required: true },
      { name: 'title', type: text },
      { name: 'department', type: text },
      { name: 'decision_role', type: oneOf('decision_maker', 'influencer', 'evaluator', 'user', 'gatekeeper') },
      { name: 'level', type: oneOf('executive', 'manager', 'staff') },
      { name: 'attitude', type: oneOf('supporter', 'neutral', 'opponent') },
      { name: 'phone', type: text },
      { name: 'email', type: text },
      { name: 'active', type: { kind: 'bool', default: true } },
    ],
  },
  {
    table: 'account_team',
    file: 'account_team.csv',
    key: ['account_id', 'user_id', 'team_role'],
    columns: [
      { name: 'account_id', type: text, required: true, ref: 'accounts' },
      { name: 'user_id', type: text, required: true, ref: 'users' },
      { name: 'team_role', type: oneOf('AR', 'SR', 'FR'), required: true },
    ],
  },
  {
    table: 'interactions',
    file: 'interactions.csv',
    key: ['id'],
    columns: [
      { name: 'id', type: text, required: true },
      { name: 'account_id', type: text, required: true, ref: 'accounts' },
      { name: 'user_id', type: text, required: true, ref: 'users' },
      { name: 'occurred_at', type: datetime, required: true },
      { name: 'type', type: oneOf('visit', 'call', 'meeting', 'email', 'dinner', 'event', 'im'), required: true },
      { name: 'contact_ids', type: list, ref: 'contacts' },
      { name: 'summary', type: text, required: true },
      { name: 'next_step', type: text },
      { name: 'next_step_due', type: date },
    ],
  },
  {
    table: 'orders',
    file: 'orders.csv',
    key: ['id'],
    columns: [
      { name: 'id', type: text, required: true },
      { name: 'account_id', type: text, required: true, ref: 'accounts' },
      { name: 'order_date', type: date, required: true },
      { name: 'amount', type: number, required: true },
      { name: 'product', type: text },
    ],
  },
  {
    table: 'contracts',
    file: 'contracts.csv',
    key: ['id'],
    columns: [
      { name: 'id', type: text, required: true },
      { name: 'account_id', type: text, required: true, ref: 'accounts' },
      { name: 'kind', type: oneOf('purchase', 'framework', 'service', 'strategic_agreement'), required: true },
      { name: 'signed_at', type: date },
      { name: 'start_date', type: date },
      { name: 'end_date', type: date, required: true },
      { name: 'amount', type: number },
      { name: 'status', type: oneOf('active', 'expired', 'terminated'), default: 'active' },
    ],
  },
  {
    table: 'tickets',
    file: 'tickets.csv',
    key: ['id'],
    columns: [
      { name: 'id', type: text, required: true },
      { name: 'account_id', type: text, required: true, ref: 'accounts' },
      { name: 'kind', type: oneOf('complaint', 'repair', 'inquiry'), required: true },
      { name: 'severity', type: oneOf('high', 'medium', 'low') },
      { name: 'opened_at', type: datetime, required: true },
      { name: 'resolved_at', type: datetime },
      { name: 'summary', type: text },
    ],
  },
  {
    table: 'opportunities',
    file: 'opportunities.csv',
    key: ['id'],
    columns: [
      { name: 'id', type: text, required: true },
      { name: 'account_id', type: text, required: true, ref: 'accounts' },
      { name: 'name', type: text, required: true },
      { name: 'stage', type: oneOf('lead', 'qualify', 'proposal', 'negotiation', 'won', 'lost'), required: true },
      { name: 'amount', type: number },
      { name: 'expected_close', type: date },
      { name: 'owner_id', type: text, ref: 'users' },
      { name: 'updated_at', type: date },
    ],
  },
  {
    table: 'budgets',
    file: 'budgets.csv',
    key: ['account_id', 'year'],
    columns: [
      { name: 'account_id', type: text, required: true, ref: 'accounts' },
      { name: 'year', type: { kind: 'int' }, required: true },
      { name: 'amount', type: number, required: true },
    ],
  },
  {
    table: 'projects',
    file: 'projects.csv',
    key: ['id'],
    columns: [
      { name: 'id', type: text, required: true },
      { name: 'account_id', type: text, required: true, ref: 'accounts' },
      { name: 'name', type: text, required: true },
      { name: 'started_at', type: date },
      { name: 'status', type: oneOf('active', 'done') },
    ],
  },
  {
    // Competitors named in notes, per account (optional file; issue 22).
    table: 'account_competitors',
    file: 'competitors.csv',
    key: ['account_id', 'name'],
    columns: [
      { name: 'account_id', type: text, required: true, ref: 'accounts' },
      { name: 'name', type: text, required: true },
      { name: 'first_seen', type: date },
      { name: 'last_seen', type: date },
      { name: 'mentions', type: { kind: 'int' }, default: '1' },
    ],
  },
  {
    table: 'group_bindings',
    file: 'group_bindings.csv',
    key: ['platform', 'chat_id'],
    exactlyOne: ['account_id', 'manager_id'],
    columns: [
      { name: 'platform', type: oneOf('feishu', 'wecom', 'slack', 'dingtalk'), required: true },
      { name: 'chat_id', type: text, required: true },
      { name: 'account_id', type: text, ref: 'accounts' },
      { name: 'manager_id', type: text, ref: 'users' },
      { name: 'bound_by', type: text, ref: 'users' },
      { name: 'bound_at', type: datetime },
    ],
  },
];

export const FORMAT_BY_FILE = new Map(FORMATS.map((f) => [f.file, f]));

/** A parsed cell: null for unknown, string for text/enum/date, Date for date-times, number, boolean, or string[]. */
export type Cell = string | number | boolean | Date | string[] | null;

/** Checks the header; returns one message per problem. */
export function checkHeader(format: TableFormat, header: string[]): string[] {
  const known = new Set(format.columns.map((c) => c.name));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    if (!known.has(h)) problems.push(`unknown column "${h}" (expected: ${format.columns.map((c) => c.name).join(', ')})`);
    else if (seen.has(h)) problems.push(`column "${h}" appears twice`);
    seen.add(h);
  }
  for (const c of format.columns) if (c.required && !seen.has(c.name)) problems.push(`missing required column "${c.name}"`);
  return problems;
}

/**
 * Amounts are numeric(18, 2) in the database and JavaScript numbers once read: up to 15 digits
 * before the point every yuan stays exact. The importer and the visit-note extractor both hold to it.
 */
export const MAX_AMOUNT_DIGITS = 15;
/** PostgreSQL integer. */
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

// Excel on Chinese Windows rewrites the dates it recognizes in its short form when it saves a CSV
// (2026/11/20, 2026/11/20 9:05): read them as the ISO values they stand for.
const EXCEL_DATE_RE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function fromExcelShortDate(s: string): string {
  const m = EXCEL_DATE_RE.exec(s);
  if (!m) return s;
  const [, y, mo, d, h, mi, sec] = m;
  const date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return h === undefined ? date : `${date}T${h.padStart(2, '0')}:${mi}:${sec ?? '00'}`;
}

/** An amount with thousands separators in their places, as Excel saves a formatted number. */
const THOUSANDS_RE = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

// A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula
// (OWASP "CSV injection"). Export prefixes such a cell with ' so Excel shows it as text, and
// import removes that one ' again. Cells already starting with ' before such a character get one
// more, so every value survives export → import unchanged. Plain numbers (-5) are left as they are.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A cell as export writes it: formula-like text gets a leading '. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

/** The inverse of neutraliseFormula, applied to every cell read by import. */
export function readNeutralised(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** Parses one cell; returns the value or a problem message. */
export function parseCell(column: Column, raw: string | undefined, tz: string): { value: Cell } | { error: string } {
  const s = readNeutralised((raw ?? '').trim());
  // PostgreSQL text cannot hold byte 0: say where it is instead of failing the whole import.
  if (s.includes('\u0000')) return { error: `"${column.name}" contains a NUL character (byte 0), which cannot be stored` };
  if (s === '') {
    if (column.required) return { error: `missing required value for "${column.name}"` };
    if (column.type.kind === 'bool') return { value: column.type.default };
    if (column.type.kind === 'list') return { value: [] };
    return { value: column.default ?? null };
  }
  const t = column.type;
  switch (t.kind) {
    case 'text':
      return { value: s };
    case 'enum':
      return t.values.includes(s) ? { value: s } : { error: `"${column.name}" must be one of ${t.values.join(', ')}, not "${s}"` };
    case 'date': {
      const iso = fromExcelShortDate(s);
      if (isValidIsoDate(iso)) return { value: iso };
      const d = parseWhen(iso, tz);
      return d ? { value: toIsoDate(d, tz) } : { error: `"${column.name}": "${s}" is not an ISO 8601 date (YYYY-MM-DD)` };
    }
    case 'datetime': {
      const d = parseWhen(fromExcelShortDate(s), tz);
      return d ? { value: d } : { error: `"${column.name}": "${s}" is not an ISO 8601 date or date-time` };
    }
    case 'number': {
      // Thousands separators, as Excel saves a formatted amount ("9,000,000"), are dropped.
      const plain = THOUSANDS_RE.test(s) ? s.replace(/,/g, '') : s;
      const m = /^-?(\d+)(\.\d+)?$/.exec(plain);
      if (!m) return { error: `"${column.name}": "${s}" is not a plain number (yuan, e.g. 1200000)` };
      if (m[1].replace(/^0+(?=\d)/, '').length > MAX_AMOUNT_DIGITS) return { error: `"${column.name}": "${s}" is too large (at most ${MAX_AMOUNT_DIGITS} digits before the decimal point)` };
      return { value: Number(plain) };
    }
    case 'int': {
      if (!/^-?\d+$/.test(s)) return { error: `"${column.name}": "${s}" is not a whole number` };
      const n = Number(s);
      return n >= INT_MIN && n <= INT_MAX ? { value: n } : { error: `"${column.name}": "${s}" is out of range (${INT_MIN} to ${INT_MAX})` };
    }
    case 'bool':
      if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
      return { error: `"${column.name}" must be true or false, not "${s}"` };
    case 'list':
      // A Chinese keyboard types the full-width semicolon (；): it separates the same way.
      return { value: s.split(/[;；]/).map((x) => x.trim()).filter(Boolean) };
  }
}

/** Parses a whole record (header → cell). Problems are returned, not thrown. */
export function parseRecord(format: TableFormat, record: Record<string, string>, tz: string): { row: Record<string, Cell>; problems: string[] } {
  const row: Record<string, Cell> = {};
  const problems: string[] = [];
  for (const c of format.columns) {
    const r = parseCell(c, record[c.name], tz);
    if ('error' in r) problems.push(r.error);
    else row[c.name] = r.value;
  }
  if (format.exactlyOne && !problems.length && format.exactlyOne.filter((k) => row[k] !== null && row[k] !== undefined).length !== 1) {
    problems.push(`set exactly one of ${format.exactlyOne.join(', ')}`);
  }
  return { row, problems };
}

/** Ids that take part in a cycle of parent links (manager chain, account tree). */
export function cycleMembers(parentOf: Map<string, string | null>): Set<string> {
  const inCycle = new Set<string>();
  const state = new Map<string, 1 | 2>(); // 1 visiting, 2 done
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    let cur: string | null | undefined = start;
    while (cur && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = parentOf.get(cur) ?? null;
    }
    if (cur && state.get(cur) === 1) {
      for (let i = path.indexOf(cur); i < path.length; i++) inCycle.add(path[i]);
    }
    for (const p of path) state.set(p, 2);
  }
  return inCycle;
}
