// `kam briefing (--user ID | --team MANAGER_ID) [--week WHEN] [--at WHEN] [--json]` (CONTRACT.md §1).
import type { Command } from 'commander';
import { ExitError, parseAt, withApp } from '../context.ts';
import { buildBriefing } from '../../insights/briefings/build.ts';
import { briefingReply } from '../../insights/briefings/render.ts';

export function register(program: Command) {
  program
    .command('briefing')
    .description("the weekly account briefing of one salesperson's accounts (--user) or a manager's whole team (--team)")
    .option('--user <id>', "a salesperson's accounts")
    .option('--team <managerId>', "a manager's whole team")
    .option('--week <when>', 'any date of the week wanted, Monday to Sunday (default: this week)')
    .option('--at <when>', 'stands in for now (default: the clock)')
    .option('--json', 'print the briefing as data')
    .action(async (opts: { user?: string; team?: string; week?: string; at?: string; json?: boolean }) => {
      if (!!opts.user === !!opts.team) throw new ExitError('give exactly one of --user ID or --team MANAGER_ID', 1);
      await withApp(async (app) => {
        const tz = app.config.timeZone;
        const now = parseAt(opts.at, tz);
        const week = opts.week ? parseAt(opts.week, tz) : now;
        const target = opts.user ? { kind: 'user' as const, userId: opts.user } : { kind: 'team' as const, userId: opts.team! };
        const briefing = await buildBriefing(app.db, target, { week, now, tz, lang: app.config.lang });
        if (opts.json) process.stdout.write(JSON.stringify(briefing, null, 2) + '\n');
        else console.log(briefingReply(briefing, app.config.lang).text);
      });
    });
}
