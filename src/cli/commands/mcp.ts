// `kam mcp --user ID [--at WHEN]`: the MCP server over stdio (newline-delimited JSON-RPC on stdin
// and stdout; logs go to stderr), every call acting as that user. Ends when stdin closes, after
// answering what was asked.
import type { Command } from 'commander';
import { ExitError, parseAt, withApp } from '../context.ts';
import { getUser } from '../../store/users.ts';

export function register(program: Command) {
  program
    .command('mcp')
    .description('MCP server on stdio (for Claude Desktop, Cursor, ... ): the chat engine\'s tools, acting as one user')
    .requiredOption('--user <id>', 'the user every call acts as (sees only what this user may see)')
    .option('--at <when>', 'stands in for "now" in every call (ISO 8601; naive = business time zone)')
    .action(async (opts: { user: string; at?: string }) => {
      const [{ StdioServerTransport }, { createMcpServer }] = await Promise.all([import('@modelcontextprotocol/sdk/server/stdio.js'), import('../../mcp/server.ts')]);
      await withApp(async (app) => {
        const user = await getUser(app.db, opts.user);
        if (!user) throw new ExitError(`unknown user "${opts.user}"`, 1);
        const at = opts.at ? parseAt(opts.at, app.config.timeZone) : undefined;
        const server = createMcpServer({ app, user, now: () => at ?? new Date() });
        const transport = new StdioServerTransport();
        await server.connect(transport);
        await answeredUntilEnd(transport);
        await server.close();
      });
    });
}

type Message = { id?: string | number; method?: string };
interface Transport {
  onmessage?: (message: any, extra?: any) => void;
  send(message: any, options?: any): Promise<void>;
}

/**
 * Resolves once stdin has ended and every request read before that has been answered (piped
 * input — `echo '…' | kam mcp` — ends before its answers are written).
 */
function answeredUntilEnd(transport: Transport): Promise<void> {
  const pending = new Set<string | number>();
  let ended = false;
  return new Promise((resolve) => {
    const check = () => ended && pending.size === 0 && resolve();
    const receive = transport.onmessage!;
    transport.onmessage = (message: Message, extra) => {
      if (message.method && message.id !== undefined) pending.add(message.id);
      receive(message, extra);
    };
    const send = transport.send.bind(transport);
    transport.send = async (message: Message, options) => {
      await send(message, options);
      if (!message.method && message.id !== undefined && pending.delete(message.id)) check();
    };
    process.stdin.once('end', () => {
      ended = true;
      check();
    });
  });
}
