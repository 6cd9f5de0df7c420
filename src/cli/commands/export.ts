import type { Command } from 'commander';
import { withApp } from '../context.ts';
import { exportDir } from '../../importing/export-dir.ts';

export function register(program: Command) {
  program
    .command('export')
    .argument('<dir>', 'folder to write the CSV files into (created when missing)')
    .description('export every table as CSV in the import format')
    .action(async (dir: string) => {
      await withApp(async ({ db, config }) => {
        for (const c of await exportDir(db, dir, config.timeZone)) console.log(`${c.file.padEnd(20)} ${c.rows} rows`);
      });
    });
}
