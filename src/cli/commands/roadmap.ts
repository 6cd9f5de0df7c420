// `kam roadmap --account ID_OR_NAME [--user ID] [--at WHEN] [--json]` (CONTRACT.md §1): the
// relationship-optimization roadmap of one account. Without --user it is the admin view. An account
// the user may not see is "not found", exactly like one that does not exist.
import type { Command } from 'commander';
import { ExitError, parseAt, withApp } from '../context.ts';
import { resolveAccountArg } from '../../nlu/accounts.ts';
import { buildRoadmap } from '../../insights/roadmap/build.ts';
import { roadmapReply } from '../../insights/roadmap/render.ts';
import { getUser } from '../../store/users.ts';
import { anyAdminId } from '../../store/roadmap-queries.ts';

export function register(program: Command) {
  program
    .command('roadmap')
    .description('the relationship-optimization roadmap of one account: current state, gaps, and a cited 30/60/90-day plan')
    .requiredOption('--account <idOrName>', 'the account id or name')
    .option('--user <id>', 'see it as this user (default: the admin view)')
    .option('--at <when>', 'stands in for now (default: the clock)')
    .option('--json', 'print the roadmap as data')
    .action(async (opts: { account: string; user?: string; at?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const tz = app.config.timeZone;
        const now = parseAt(opts.at, tz);
        const userId = opts.user ?? (await anyAdminId(app.db));
        if (!userId) throw new ExitError('no admin user in the database: pass --user ID', 1);
        if (!(await getUser(app.db, userId))) throw new ExitError(`unknown user "${userId}"`, 1);
        const mention = await resolveAccountArg(app.db, userId, opts.account);
        if (mention.kind === 'ambiguous') {
          throw new ExitError(`account "${opts.account}" is ambiguous: ${mention.candidates.map((c) => `${c.id} ${c.name}`).join(', ')}`, 1);
        }
        if (mention.kind !== 'found') throw new ExitError(`account "${opts.account}" not found`, 1);
        const roadmap = await buildRoadmap(app, { userId, accountId: mention.account.id, now, tz, lang: app.config.lang });
        if (!roadmap) throw new ExitError(`account "${opts.account}" not found`, 1);
        if (opts.json) process.stdout.write(JSON.stringify(roadmap, null, 2) + '\n');
        else process.stdout.write(roadmapReply(roadmap, app.config.lang).text + '\n');
      });
    });
}
