// Reading one import file: CSV parsing, the header check and each row's own validation
// (parseRecord), as a stream of items in file order. What needs the whole import — duplicate keys,
// references, writing — stays with the importer (import-dir.ts). A big file is read in a worker
// thread (csv-worker.ts) so parsing runs beside the writes and the database; both ways yield the
// same items, so the problems reported and their order do not depend on where a file was read.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse';
import { FORMATS, checkHeader, parseRecord, type Cell, type TableFormat } from '../domain/csv-format.ts';
import { REPLACEMENT_CHAR, undecodableCell, utf8Stream, type CsvEncoding } from './csv-encoding.ts';

export type CsvItem =
  /** Every PROGRESS_ROWS lines: bytes of the file read so far. */
  | { kind: 'progress'; bytes: number }
  | { kind: 'header'; problems: string[] }
  /** A row refused before it counts as one (wrong number of fields, undecodable bytes). */
  | { kind: 'problem'; line: number; message: string }
  /** A row, with the problems of its cells (row is unusable when there are any). */
  | { kind: 'row'; line: number; row: Record<string, Cell>; problems: string[] }
  /** The file stopped being valid CSV here; nothing after it is read. */
  | { kind: 'unreadable'; line: number; message: string };

export const PROGRESS_ROWS = 1000;

/** The items of one file, read in this thread. */
export async function* csvItems(f: TableFormat, path: string, encoding: CsvEncoding, tz: string): AsyncGenerator<CsvItem> {
  const parser = utf8Stream(path, encoding).pipe(
    parse({ bom: true, skip_empty_lines: true, skip_records_with_empty_values: true, relax_column_count: true, info: true }),
  );
  // Checked as soon as the parser reads it: a file with a header and no rows is valid (an empty table's export).
  let header: string[] | undefined;
  let headerOk = false;
  try {
    for await (const { record: fields, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      if (info.lines % PROGRESS_ROWS === 0) yield { kind: 'progress', bytes: info.bytes };
      if (!header) {
        header = fields.map((h) => h.trim());
        const problems = checkHeader(f, header);
        headerOk = !problems.length;
        yield { kind: 'header', problems };
        continue;
      }
      if (!headerOk) return;
      const line = info.lines;
      // A file in another encoding: one problem says so, rather than one per garbled row.
      const garbled = fields.findIndex((v) => v.includes(REPLACEMENT_CHAR));
      if (garbled >= 0) {
        yield { kind: 'problem', line, message: undecodableCell(header[garbled] ?? `field ${garbled + 1}`, encoding) };
        return;
      }
      // A stray comma would shift every later value into the wrong column: refuse the row.
      if (fields.length !== header.length) {
        yield { kind: 'problem', line, message: `expected ${header.length} fields, found ${fields.length}` };
        continue;
      }
      const record: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) record[header[i]] = fields[i];
      const { row, problems } = parseRecord(f, record, tz);
      yield { kind: 'row', line, row, problems };
    }
  } catch (e) {
    yield { kind: 'unreadable', line: (e as { lines?: number }).lines ?? 0, message: `not valid CSV: ${(e as Error).message}` };
  }
}

/** What csv-worker.ts is started with. */
export interface CsvWorkerData {
  table: string;
  path: string;
  encoding: CsvEncoding;
  tz: string;
  /** Items per message. */
  batch: number;
  /** Messages the worker may have sent and the reader not yet taken (bounds memory). */
  window: number;
}

/** The worker's script: the bundled CLI has it beside itself; from the sources it starts through tsx (ts-worker.mjs). */
function workerScript(): { url: URL; boot?: { tsxApi: string; script: string } } {
  if (!import.meta.url.endsWith('.ts')) return { url: new URL('./csv-worker.js', import.meta.url) };
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  return { url: new URL('./ts-worker.mjs', import.meta.url), boot: { tsxApi, script: new URL('./csv-worker.ts', import.meta.url).href } };
}

/**
 * Whether a file in this format can be read in a worker: the worker knows the formats of FORMATS
 * only, and a bundle built before the worker existed has no script for it.
 */
export function workerCanRead(f: TableFormat): boolean {
  return FORMATS.includes(f) && existsSync(fileURLToPath(workerScript().url));
}

/**
 * The same items as csvItems, read in a worker thread. At most `window` messages wait unread, so
 * a big file is never held in memory whole. A worker that fails rejects the iteration (never taken
 * for a problem of the file); leaving the loop early stops the worker.
 */
export async function* csvItemsInWorker(f: TableFormat, path: string, encoding: CsvEncoding, tz: string): AsyncGenerator<CsvItem> {
  const { url, boot } = workerScript();
  const workerData: CsvWorkerData & { boot?: unknown } = { table: f.table, path, encoding, tz, batch: 1000, window: 4, boot };
  const worker = new Worker(url, { workerData });
  const queue: (CsvItem[] | null)[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (m: CsvItem[] | null) => {
    queue.push(m);
    notify();
  });
  worker.on('error', (e: Error) => {
    failure ??= e;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the CSV reader of ${f.file} stopped (exit code ${code}) before the end of the file`);
    notify();
  });
  try {
    for (;;) {
      while (!queue.length && !failure) await new Promise<void>((resolve) => (wake = resolve));
      const items = queue.shift();
      if (items === null) return;
      if (!items) throw failure;
      worker.postMessage(1); // room for one more message
      yield* items;
    }
  } finally {
    await worker.terminate();
  }
}
