// SQL for bulk import (upsert by key, counting new / changed rows) and for export.
import { canCopyIn, copyIn, type Db } from '../../db/index.ts';
import type { Cell, Column, TableFormat, TableName } from '../domain/csv-format.ts';
import { formatDateTime } from '../domain/time.ts';
import { textArray } from './binary-arrays.ts';

const SQL_TYPE: Record<Column['type']['kind'], string> = {
  text: 'text',
  enum: 'text',
  date: 'date',
  datetime: 'timestamptz',
  number: 'numeric',
  int: 'integer',
  bool: 'boolean',
  list: 'text[]',
};

function selectExpr(c: Column, i: number): string {
  if (c.type.kind === 'list') return `CASE WHEN s.c${i} IS NULL OR s.c${i} = '' THEN '{}'::text[] ELSE string_to_array(s.c${i}, ';') END`;
  return `s.c${i}::${SQL_TYPE[c.type.kind]}`;
}

function toText(v: Cell): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.join(';');
  return String(v);
}

const upsertSqlCache = new Map<string, string>();
/** from: 'unnest' reads the rows from one text array parameter per column, 'staging' from stagingTable(f). */
function upsertSql(f: TableFormat, from: 'unnest' | 'staging'): string {
  const cacheKey = `${f.table}:${from}`;
  let sql = upsertSqlCache.get(cacheKey);
  if (sql) return sql;
  const cols = f.columns.map((c) => c.name);
  const nonKey = cols.filter((c) => !f.key.includes(c));
  const unnest = f.columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const alias = f.columns.map((_, i) => `c${i}`).join(', ');
  sql =
    `INSERT INTO ${f.table} AS t (${cols.join(', ')}) ` +
    `SELECT ${f.columns.map(selectExpr).join(', ')} FROM ${from === 'unnest' ? `unnest(${unnest}) AS s(${alias})` : `${stagingTable(f)} AS s`} ` +
    (nonKey.length
      ? `ON CONFLICT (${f.key.join(', ')}) DO UPDATE SET ${nonKey.map((c) => `${c} = EXCLUDED.${c}`).join(', ')} ` +
        `WHERE (${nonKey.map((c) => `t.${c}`).join(', ')}) IS DISTINCT FROM (${nonKey.map((c) => `EXCLUDED.${c}`).join(', ')}) `
      : `ON CONFLICT (${f.key.join(', ')}) DO NOTHING `) +
    // xmax = 0: the row version was inserted, not updated. Only new and changed rows come back.
    `RETURNING (xmax = 0) AS inserted${f.key.length === 1 ? `, t.${f.key[0]}::text AS key` : ''}`;
  upsertSqlCache.set(cacheKey, sql);
  return sql;
}

function stagingTable(f: TableFormat): string {
  return `kam_import_${f.table}`;
}

// One staging table per table and transaction (temporary, dropped at commit or rollback).
const staged = new WeakMap<Db, Set<string>>();

/** A cell in COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
export function copyCell(v: string | null): string {
  if (v === null) return '\\N';
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (ch) => COPY_ESCAPE[ch]) : v;
}
const COPY_ESCAPE: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function* copyText(f: TableFormat, rows: Record<string, Cell>[]): Generator<string> {
  let buf = '';
  for (const r of rows) {
    for (let i = 0; i < f.columns.length; i++) buf += (i ? '\t' : '') + copyCell(toText(r[f.columns[i].name]));
    buf += '\n';
    if (buf.length >= 1 << 16) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

/**
 * On a server connection: the rows go into a staging table with COPY (text columns, one per
 * import column), then one set-based upsert reads them from there. Cheaper for the server than
 * decoding one array parameter per column, and the same statement and semantics as the embedded
 * path (which keeps its binary array parameters: PGlite has no COPY FROM STDIN over a socket).
 */
async function stageRows(tx: Db, f: TableFormat, rows: Record<string, Cell>[]): Promise<void> {
  let tables = staged.get(tx);
  if (!tables) staged.set(tx, (tables = new Set()));
  const name = stagingTable(f);
  if (tables.has(name)) await tx.query(`TRUNCATE ${name}`);
  else {
    await tx.query(`CREATE TEMPORARY TABLE ${name} (${f.columns.map((_, i) => `c${i} text`).join(', ')}) ON COMMIT DROP`);
    tables.add(name);
  }
  await copyIn(tx, `COPY ${name} FROM STDIN`, copyText(f, rows));
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  /** Keys of the new and changed rows (single-column keys only; unchanged rows are absent). */
  changedKeys: string[];
}

/** Upserts parsed rows; returns how many were new and how many changed (the rest were unchanged). */
export async function upsertRows(db: Db, f: TableFormat, rows: Record<string, Cell>[]): Promise<UpsertResult> {
  if (!rows.length) return { inserted: 0, updated: 0, changedKeys: [] };
  let res;
  if (canCopyIn(db)) {
    await stageRows(db, f, rows);
    res = await db.query<{ inserted: boolean; key?: string }>(upsertSql(f, 'staging'));
  } else {
    const params = f.columns.map((c) => textArray(rows.map((r) => toText(r[c.name]))));
    res = await db.query<{ inserted: boolean; key?: string }>(upsertSql(f, 'unnest'), params);
  }
  let inserted = 0;
  const changedKeys: string[] = [];
  for (const r of res.rows) {
    if (r.inserted) inserted++;
    if (r.key !== undefined) changedKeys.push(r.key);
  }
  return { inserted, updated: res.rows.length - inserted, changedKeys };
}

/** All ids of a referenced table (users, accounts, contacts). */
export async function allIds(db: Db, table: TableName): Promise<Set<string>> {
  const res = await db.query<{ id: string }>(`SELECT id FROM ${table}`);
  return new Set(res.rows.map((r) => r.id));
}

/** id → parent id links stored in the database (users.manager_id, accounts.parent_id). */
export async function parentLinks(db: Db, table: TableName, column: string): Promise<Map<string, string | null>> {
  const res = await db.query<{ id: string; parent: string | null }>(`SELECT id, ${column} AS parent FROM ${table}`);
  return new Map(res.rows.map((r) => [r.id, r.parent]));
}

export async function isEmpty(db: Db): Promise<boolean> {
  const res = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT 1 FROM users LIMIT 1) x');
  return res.rows[0].n === 0;
}

/** Rows of one table as CSV cells in the import format, sorted by key (byte order). */
export async function exportRows(db: Db, f: TableFormat, tz: string): Promise<string[][]> {
  const cols = f.columns.map((c) => c.name);
  const order = f.key.map((k) => (f.columns.find((c) => c.name === k)?.type.kind === 'int' ? k : `${k} COLLATE "C"`)).join(', ');
  const res = await db.query<Record<string, unknown>>(`SELECT ${cols.join(', ')} FROM ${f.table} ORDER BY ${order}`);
  return res.rows.map((r) =>
    f.columns.map((c) => {
      const v = r[c.name];
      if (v === null || v === undefined) return '';
      if (v instanceof Date) return formatDateTime(v, tz);
      if (Array.isArray(v)) return v.join(';');
      return String(v);
    }),
  );
}

/**
 * The importer checks every reference itself (and reports it with its line), so the per-row
 * foreign-key triggers are redundant during an import and cost about half its time (13 s of a
 * 10,000-account import on a server). Where the role may — a superuser, or on PostgreSQL 15+ a
 * role granted SET on session_replication_role (README, "PostgreSQL server") — switch them off
 * for this transaction only.
 */
export async function skipRedundantFkChecks(tx: Db): Promise<boolean> {
  const r = await tx.query<{ may: boolean }>(
    `SELECT rolsuper OR has_parameter_privilege('session_replication_role', 'SET') AS may
     FROM pg_roles WHERE rolname = current_user`,
  );
  if (!r.rows[0]?.may) return false;
  await tx.query('SET LOCAL session_replication_role = replica');
  return true;
}

export async function restoreFkChecks(tx: Db): Promise<void> {
  await tx.query('SET LOCAL session_replication_role = origin');
}

/**
 * Drops a table's secondary indexes (not its key or unique constraints; not those whose name
 * starts with `keep`) and returns their definitions. Building an index once after a bulk load is
 * several times cheaper than growing it row by row. Only inside a transaction with no deferred
 * trigger events pending on the table (CREATE INDEX refuses it).
 */
export async function dropSecondaryIndexes(db: Db, table: string, keep?: string): Promise<string[]> {
  const r = await db.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.tablename = $1 AND i.schemaname = current_schema() AND ($2::text IS NULL OR NOT starts_with(i.indexname, $2))
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
     ORDER BY 1`,
    [table, keep ?? null],
  );
  for (const x of r.rows) await db.query(`DROP INDEX "${x.name.replace(/"/g, '""')}"`);
  return r.rows.map((x) => x.def);
}

export async function recreateIndexes(db: Db, definitions: string[]): Promise<void> {
  if (!definitions.length) return;
  await db.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  for (const def of definitions) await db.query(def);
}

export async function rowCount(db: Db, table: TableName): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return r.rows[0].n;
}
