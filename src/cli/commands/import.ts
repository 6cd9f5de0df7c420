import type { Command } from 'commander';
import { withApp, ExitError } from '../context.ts';
import { importDir, ImportFailed } from '../../importing/import-dir.ts';
import { parseEncoding } from '../../importing/csv-encoding.ts';
import { createLogger } from '../../app.ts';
import { importProgress } from '../import-progress.ts';

export function register(program: Command) {
  program
    .command('import')
    .argument('<dir>', 'folder with users.csv, accounts.csv, ... (any subset)')
    .description('import CRM data (CSV, CONTRACT.md §4); all or nothing, upsert by id')
    .option('--encoding <name>', 'utf-8 (default), or gbk: files that are not UTF-8 are read as GBK (Excel "CSV" on Chinese Windows)', 'utf-8')
    .action(async (dir: string, opts: { encoding: string }) => {
      const encoding = parseEncoding(opts.encoding);
      await withApp(async ({ db, config }) => {
        // The command's own logger is quiet (warn); progress lines follow LOG_LEVEL (info by default).
        const onProgress = importProgress({ tty: !!process.stderr.isTTY, log: createLogger(config.logLevel) });
        try {
          const counts = await importDir(db, dir, config.timeZone, { encoding, onProgress });
          for (const c of counts) {
            const read = c.encoding === 'gbk' ? ' (read as GBK)' : '';
            console.log(`${c.file.padEnd(20)} ${String(c.rows).padStart(8)} rows: ${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged${read}`);
          }
        } catch (e) {
          if (e instanceof ImportFailed) {
            for (const p of e.problems) process.stderr.write(p + '\n');
            throw new ExitError(e.message, 1);
          }
          throw e;
        }
      }, { demo: false });
    });
}
