import { mkdirSync } from 'node:fs';
import type { Command } from 'commander';
import { cliConfig, ExitError, withApp } from '../context.ts';
import { loadDemo, worldFor, writeWorld } from '../../demo/load.ts';
import { clearAllData } from '../../store/reset.ts';
import { isEmpty } from '../../store/import-export.ts';

export function register(program: Command) {
  program
    .command('demo')
    .description('load the demo world dated to today into an empty database (--reset: replace everything with it; --out: only write its CSV files)')
    .option('--reset', 'delete every record (settings stay) and load the demo world afresh')
    .option('--out <dir>', 'write the demo world as import files into DIR instead of loading it')
    .action(async (opts: { reset?: boolean; out?: string }) => {
      if (opts.out) {
        const config = cliConfig();
        mkdirSync(opts.out, { recursive: true });
        const world = worldFor(new Date(), config.timeZone);
        writeWorld(world, opts.out);
        console.log(`wrote the demo world (${world.accounts.length} accounts, dated to today) to ${opts.out}`);
        return;
      }
      await withApp(
        async (app) => {
          if (!(await isEmpty(app.db))) {
            if (!opts.reset) throw new ExitError('the database already holds data: `kam demo --reset` replaces all of it with the demo world', 1);
            await clearAllData(app.db);
          }
          const t0 = Date.now();
          const { rows, accounts } = await loadDemo(app, new Date());
          console.log(`loaded the demo world: ${accounts} accounts, ${rows} rows, dated to today (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
          console.log('try: kam ask --user u_chen "本周简报"   ·   kam start, then open the console as 陈志强 (u_chen, manager)');
        },
        { demo: false },
      );
    });
}
