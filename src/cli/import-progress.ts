// How `kam import` shows its progress: a bar on stderr when that is a terminal (files and rows as
// they are read, then each after-import step), pino lines otherwise. Counts stay on stdout.
import cliProgress from 'cli-progress';
import type { Logger } from 'pino';
import type { ImportProgress } from '../importing/import-dir.ts';

/** The after-import steps (src/importing/after-import.ts) by function name, as a person reads them. */
const STEP_LABELS: Record<string, string> = {
  chunkImportedRecords: 'retrieval passages',
  backfillAfterImport: 'health history',
  refreshPlannerStatistics: 'planner statistics',
  refreshLatinKeys: 'pinyin keys of account names',
};
const label = (step: string) => STEP_LABELS[step] ?? step;
const LOG_EVERY_ROWS = 10_000;

export function importProgress(o: { tty: boolean; log: Logger }): (p: ImportProgress) => void {
  return o.tty ? barProgress() : logProgress(o.log);
}

function barProgress(): (p: ImportProgress) => void {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: ' {bar} {percentage}% | {file} {rows} rows', hideCursor: true, clearOnComplete: false, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let before = 0;
  let running = false;
  const stop = () => {
    if (running) bar.stop();
    running = false;
  };
  return (p) => {
    switch (p.kind) {
      case 'start':
        bar.start(Math.max(1, p.files.reduce((n, f) => n + f.size, 0)), 0, { file: '', rows: 0 });
        running = true;
        return;
      case 'rows':
        bar.update(before + Math.min(p.bytes, p.size), { file: p.file, rows: p.rows });
        return;
      case 'file_done':
        before += p.size;
        bar.update(before, { file: p.file, rows: p.rows });
        return;
      case 'step':
        stop();
        process.stderr.write(`  after import: ${label(p.step)}…\n`);
        return;
      case 'done':
        stop();
    }
  };
}

function logProgress(log: Logger): (p: ImportProgress) => void {
  let logged = 0;
  return (p) => {
    if (p.kind === 'start') log.info({ files: p.files.map((f) => f.file), bytes: p.files.reduce((n, f) => n + f.size, 0) }, 'import started');
    else if (p.kind === 'rows' && p.rows - logged >= LOG_EVERY_ROWS) {
      logged = p.rows;
      log.info({ file: p.file, rows: p.rows, percent: Math.round((100 * p.bytes) / Math.max(1, p.size)) }, 'import progress');
    } else if (p.kind === 'file_done') {
      logged = 0;
      log.info({ file: p.file, rows: p.rows }, 'import file read');
    } else if (p.kind === 'step') log.info({ step: label(p.step) }, 'after import');
    else if (p.kind === 'done') log.info('import committed');
  };
}
