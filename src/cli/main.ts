// `kam`: the commands of CONTRACT.md §1. Each command lives in its own module under commands/.
import { Command } from 'commander';
import { exitCodeOf } from './context.ts';
import { commandsFor } from './commands/index.ts';

const program = new Command();
program.name('kam').description('KAM Assistant (大客户经营助手): key-account management assistant').showHelpAfterError();
program.exitOverride();
for (const register of await commandsFor(process.argv.slice(2))) register(program);

try {
  await program.parseAsync(process.argv);
} catch (e: any) {
  if (e?.code?.startsWith?.('commander.')) {
    process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 1;
  } else {
    const { code, message } = exitCodeOf(e);
    process.stderr.write(`kam: ${message}\n`);
    process.exitCode = code;
  }
}
