// `kam ask --user ID [--at WHEN] [--json] TEXT`: one chat turn as that user, exactly as if sent
// from a messaging app (same engine, same raw-message capture, same chat context).
import type { Command } from 'commander';
import { withApp, parseAt, ExitError } from '../context.ts';
import { engineTexts } from '../../../prompts/conversation.ts';
import { t } from '../../../prompts/index.ts';

export function register(program: Command) {
  program
    .command('ask')
    .description('one chat turn as a user: prints the reply (--json: {"text", "data"})')
    .requiredOption('--user <id>', 'the user id asking (users.csv id)')
    .option('--at <when>', 'stands in for "now" (ISO 8601 date or date-time; naive = business time zone)')
    .option('--json', 'print {"text": ..., "data": ...}')
    .argument('[text...]', 'the message')
    .action(async (words: string[], opts: { user: string; at?: string; json?: boolean }) => {
      const text = words.join(' ');
      // Loaded here so that other commands (and --help) do not pay for the conversation engine,
      // and while the database opens rather than before.
      const engine = import('../../conversation/engine.ts');
      await withApp(async (app) => {
        const { handleMessage } = await engine;
        const now = parseAt(opts.at, app.config.timeZone);
        const reply = await handleMessage(app, {
          platform: 'cli',
          platformUserId: opts.user,
          userId: opts.user,
          chatId: 'cli',
          chatType: 'p2p',
          mentioned: true,
          text,
          receivedAt: new Date(),
          now,
        });
        const data = reply.data as { error?: string } | undefined;
        if (data?.error === 'unknown_user') throw new ExitError(t(engineTexts, 'unknownUserShort', 'en', { id: opts.user }), 1);
        process.stdout.write(opts.json ? JSON.stringify({ text: reply.text, data: reply.data ?? null }) + '\n' : reply.text + '\n');
      });
    });
}
