// `kam import DIR`: streams every CSV of CONTRACT.md §4 found in DIR, validates each row, and
// upserts in one transaction. Any problem anywhere rolls everything back; all problems are
// reported as FILE:LINE: message.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/index.ts';
import { FORMATS, cycleMembers, type Cell, type TableFormat, type TableName } from '../domain/csv-format.ts';
import { allIds, dropSecondaryIndexes, parentLinks, recreateIndexes, restoreFkChecks, rowCount, skipRedundantFkChecks, upsertRows } from '../store/import-export.ts';
import { UserInputError } from '../errors.ts';
import { afterImportSteps } from './after-import.ts';
import { isUtf8File, type CsvEncoding } from './csv-encoding.ts';
import { csvItems, csvItemsInWorker, workerCanRead } from './csv-rows.ts';

export interface FileCount {
  file: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** How the file was read (gbk only when asked for and the file is not UTF-8). */
  encoding: CsvEncoding;
}

export interface ImportOptions {
  /** gbk: files that are not valid UTF-8 are read as GBK (GB18030). */
  encoding?: CsvEncoding;
  /** Told what the import is doing (kam import shows it: a bar on a terminal, log lines otherwise). */
  onProgress?: (p: ImportProgress) => void;
  /**
   * Where files are parsed and validated: in a worker thread (beside the writes and the database)
   * for files of WORKER_FILE_BYTES or more by default; 'always'/'never' for tests.
   */
  csvWorker?: 'auto' | 'always' | 'never';
}

/** bytes: of the file read so far (of the decoded text for GBK files); size: the file's size. */
export type ImportProgress =
  | { kind: 'start'; files: { file: string; size: number }[] }
  | { kind: 'rows'; file: string; rows: number; bytes: number; size: number }
  | { kind: 'file_done'; file: string; rows: number; size: number }
  | { kind: 'step'; step: string }
  | { kind: 'done' };

export class ImportFailed extends UserInputError {
  constructor(readonly problems: string[]) {
    super(`import failed: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing was written`);
  }
}

const BATCH = Number(process.env.KAM_IMPORT_BATCH ?? 5000);
const BULK_FILE_BYTES = 4 * 2 ** 20;
/** Below this a worker thread's start (tens of milliseconds) costs more than parsing in this one. */
const WORKER_FILE_BYTES = 2 ** 20;
const BULK_TABLE_ROWS = 10_000;
const REFERENCED: TableName[] = ['users', 'accounts', 'contacts'];

class Rollback extends Error {}

export async function importDir(db: Db, dir: string, tz: string, opts: ImportOptions = {}): Promise<FileCount[]> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UserInputError(`${dir} is not a directory`);
  const present = new Set(readdirSync(dir));
  const formats = FORMATS.filter((f) => present.has(f.file));
  if (!formats.length) throw new UserInputError(`no import files in ${dir} (expected any of ${FORMATS.map((f) => f.file).join(', ')})`);

  const progress = opts.onProgress ?? (() => {});
  progress({ kind: 'start', files: formats.map((f) => ({ file: f.file, size: statSync(join(dir, f.file)).size })) });
  const problems: string[] = [];
  const counts: FileCount[] = [];
  // Ids of the rows each file added or changed: later steps (retrieval) touch only those.
  const changed = new Map<TableName, string[]>();
  try {
    await db.transaction(async (tx) => {
      const skipped = await skipRedundantFkChecks(tx);
      // Ids that references may point to: what the database has, plus what this import adds.
      const known = new Map<TableName, Set<string>>();
      for (const t of REFERENCED) known.set(t, await allIds(tx, t));
      for (const f of formats) {
        const ids: string[] = [];
        const path = join(dir, f.file);
        const size = statSync(path).size;
        // A big file into an (almost) empty table: build its secondary indexes once, at the end.
        // Needs the per-row triggers off (CREATE INDEX refuses a table with deferred checks queued).
        // Embedded only: on a server the drop would lock the table's readers out until commit.
        const rebuild = skipped && tx.kind === 'pglite' && size >= BULK_FILE_BYTES && (await rowCount(tx, f.table)) < BULK_TABLE_ROWS;
        const indexes = rebuild ? await dropSecondaryIndexes(tx, f.table) : [];
        const encoding = opts.encoding === 'gbk' && !(await isUtf8File(path)) ? 'gbk' : 'utf-8';
        const mode = opts.csvWorker ?? 'auto';
        const worker = workerCanRead(f) && (mode === 'always' || (mode === 'auto' && size >= WORKER_FILE_BYTES));
        const count = await importFile(tx, f, path, encoding, worker, tz, known, problems, ids, progress);
        counts.push(count);
        progress({ kind: 'file_done', file: f.file, rows: count.rows, size });
        if (!problems.length) await recreateIndexes(tx, indexes);
        changed.set(f.table, ids);
      }
      if (problems.length) throw new Rollback();
      if (skipped) await restoreFkChecks(tx);
      for (const step of afterImportSteps) {
        progress({ kind: 'step', step: step.name });
        await step(tx, { tz, tables: formats.map((f) => f.table), changed });
      }
    });
  } catch (e) {
    if (e instanceof Rollback) throw new ImportFailed(problems);
    throw e;
  }
  progress({ kind: 'done' });
  return counts;
}

async function importFile(
  tx: Db,
  f: TableFormat,
  path: string,
  encoding: CsvEncoding,
  worker: boolean,
  tz: string,
  known: Map<TableName, Set<string>>,
  problems: string[],
  changedIds: string[],
  progress: (p: ImportProgress) => void,
): Promise<FileCount> {
  const size = statSync(path).size;
  const count: FileCount = { file: f.file, rows: 0, inserted: 0, updated: 0, unchanged: 0, encoding };
  const report = (line: number, msg: string) => problems.push(`${f.file}:${line}: ${msg}`);
  const seenKeys = new Map<string, number>();
  const selfRefs: { line: number; id: string; parent: string }[] = [];
  const ownIds = known.get(f.table);
  const fileIds = new Set<string>();
  let batch: Record<string, Cell>[] = [];
  // One batch is written while the next is parsed (the server and this process work at the same
  // time); a failed write is kept and thrown after the file, never taken for a CSV problem.
  let writing: Promise<void> = Promise.resolve();
  let writeFailed: { error: unknown } | undefined;
  const flush = async () => {
    if (!batch.length) return;
    // Once a problem is known the transaction will be rolled back: keep validating, stop writing.
    if (!problems.length && !writeFailed) {
      const rows = batch;
      await writing;
      writing = upsertRows(tx, f, rows).then(
        (r) => {
          count.inserted += r.inserted;
          count.updated += r.updated;
          for (const k of r.changedKeys) changedIds.push(k);
        },
        (error: unknown) => {
          writeFailed = { error };
        },
      );
    }
    batch = [];
  };

  const items = worker ? csvItemsInWorker(f, path, encoding, tz) : csvItems(f, path, encoding, tz);
  let sawHeader = false;
  let unreadable = false;
  for await (const item of items) {
    if (item.kind !== 'row') {
      if (item.kind === 'progress') progress({ kind: 'rows', file: f.file, rows: count.rows, bytes: item.bytes, size });
      else if (item.kind === 'header') {
        sawHeader = true;
        for (const p of item.problems) report(1, p);
      } else {
        report(item.line, item.message);
        if (item.kind === 'unreadable') unreadable = true;
      }
      continue;
    }
    const { line, row } = item;
    count.rows++;
    for (const p of item.problems) report(line, p);
    if (item.problems.length) continue;

    const key = f.key.map((k) => String(row[k])).join('|');
    const dup = seenKeys.get(key);
    if (dup !== undefined) {
      report(line, `duplicate ${f.key.join(' + ')} "${f.key.map((k) => row[k]).join(', ')}" (first on line ${dup})`);
      continue;
    }
    seenKeys.set(key, line);

    let refOk = true;
    for (const c of f.columns) {
      if (!c.ref || row[c.name] === null) continue;
      const ids = Array.isArray(row[c.name]) ? (row[c.name] as string[]) : [String(row[c.name])];
      for (const id of ids) {
        if (c.ref === f.table && c.name === f.parent) {
          selfRefs.push({ line, id: String(row[f.key[0]]), parent: id });
        } else if (!known.get(c.ref)?.has(id)) {
          report(line, `"${c.name}" refers to ${singular(c.ref)} "${id}", which is neither in this import nor in the database`);
          refOk = false;
        }
      }
    }
    if (!refOk) continue;
    if (ownIds) fileIds.add(String(row.id));
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  if (!sawHeader && !unreadable) report(1, 'the file is empty (a header row is required)');
  await flush();
  await writing;
  if (writeFailed) throw writeFailed.error;
  for (const id of fileIds) ownIds!.add(id);

  if (f.parent) checkParents(f, selfRefs, ownIds!, report);
  if (f.parent && selfRefs.length) {
    const links = await parentLinks(tx, f.table, f.parent);
    for (const r of selfRefs) links.set(r.id, r.parent);
    const cyc = cycleMembers(links);
    for (const r of selfRefs) if (cyc.has(r.id)) report(r.line, `"${f.parent}" makes a cycle: ${r.id} is its own ancestor`);
  }
  count.unchanged = Math.max(0, count.rows - count.inserted - count.updated);
  return count;
}

function checkParents(f: TableFormat, selfRefs: { line: number; parent: string }[], ids: Set<string>, report: (l: number, m: string) => void) {
  for (const r of selfRefs) {
    if (!ids.has(r.parent)) report(r.line, `"${f.parent}" refers to ${singular(f.table)} "${r.parent}", which is neither in this import nor in the database`);
  }
}

function singular(t: TableName): string {
  return { users: 'user', accounts: 'account', contacts: 'contact' }[t as 'users'] ?? t;
}
