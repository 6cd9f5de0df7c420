import type { Command } from 'commander';
import { withApp, ExitError } from '../context.ts';
import { importDir, ImportFailed } from '../../importing/import-dir.ts';

export function register(program: Command) {
  program
    .command('import')
    .argument('<dir>', 'folder with users.csv, accounts.csv, ... (any subset)')
    .description('import CRM data (CSV, CONTRACT.md §4); all or nothing, upsert by id')
    .action(async (dir: string) => {
      await withApp(async ({ db, config }) => {
        try {
          const counts = await importDir(db, dir, config.timeZone);
          for (const c of counts) {
            console.log(`${c.file.padEnd(20)} ${String(c.rows).padStart(8)} rows: ${c.inserted} new, ${c.updated} changed, ${c.unchanged} unchanged`);
          }
        } catch (e) {
          if (e instanceof ImportFailed) {
            for (const p of e.problems) process.stderr.write(p + '\n');
            throw new ExitError(e.message, 1);
          }
          throw e;
        }
      });
    });
}
