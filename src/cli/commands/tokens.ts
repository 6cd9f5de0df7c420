// `kam tokens create --user ID [--label TEXT]`, `kam tokens list [--user ID]`, `kam tokens revoke ID`:
// per-user bearer tokens for the MCP endpoint (POST /mcp).
import type { Command } from 'commander';
import { ExitError, withApp } from '../context.ts';
import { formatDateTime } from '../../domain/time.ts';
import { insertApiToken, listApiTokens, revokeApiToken } from '../../store/api-tokens.ts';
import { getUser } from '../../store/users.ts';
import { newToken } from '../../mcp/tokens.ts';

export function register(program: Command) {
  const tokens = program.command('tokens').description('per-user tokens for the MCP endpoint POST /mcp (create, list, revoke)');
  tokens
    .command('create')
    .description('issue a token that acts as this user on POST /mcp (printed once; only its hash is stored)')
    .requiredOption('--user <id>', 'the user the token acts as')
    .option('--label <text>', 'what the token is for (e.g. "Claude Desktop on my laptop")')
    .action(async (opts: { user: string; label?: string }) => {
      await withApp(async (app) => {
        const user = await getUser(app.db, opts.user);
        if (!user) throw new ExitError(`unknown user "${opts.user}"`, 1);
        const t = newToken();
        await insertApiToken(app.db, { id: t.id, userId: user.id, sha256: t.sha256, label: opts.label, now: new Date() });
        process.stderr.write(`token ${t.id} for ${user.id} (${user.name}); shown once — revoke with \`kam tokens revoke ${t.id}\`\n`);
        process.stdout.write(t.token + '\n');
      });
    });
  tokens
    .command('list')
    .description('every token: id, user, label, created, last used, revoked (never the token itself)')
    .option('--user <id>', 'only this user\'s tokens')
    .option('--json', 'print JSON')
    .action(async (opts: { user?: string; json?: boolean }) => {
      await withApp(async (app) => {
        const list = await listApiTokens(app.db, opts.user);
        if (opts.json) return void process.stdout.write(JSON.stringify(list) + '\n');
        const tz = app.config.timeZone;
        const when = (d: Date | null) => (d ? formatDateTime(d, tz) : '-');
        for (const t of list) {
          process.stdout.write(`${t.id}  ${t.userId.padEnd(12)} created ${when(t.createdAt)}  last used ${when(t.lastUsedAt)}  ${t.revokedAt ? `REVOKED ${when(t.revokedAt)}` : 'active'}${t.label ? `  ${t.label}` : ''}\n`);
        }
        if (!list.length) process.stdout.write('no tokens\n');
      });
    });
  tokens
    .command('revoke')
    .argument('<id>', 'the token id (kam tokens list)')
    .description('revoke a token: POST /mcp answers 401 to it from now on')
    .action(async (id: string) => {
      await withApp(async (app) => {
        if (!(await revokeApiToken(app.db, id, new Date()))) throw new ExitError(`no active token "${id}" (kam tokens list shows them)`, 1);
        process.stdout.write(`revoked ${id}\n`);
      });
    });
}
