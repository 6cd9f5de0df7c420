// A turn-loop harness over an in-memory database: ask(user, text) as the CLI would.
import type { Db } from '../../db/index.ts';
import type { Reply, InboundMessage } from '../../src/chat/types.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createLogger, type AppContext } from '../../src/app.ts';
import { handleMessage } from '../../src/conversation/engine.ts';
import { SAMPLE_AT } from '../helpers/paths.ts';

export function testApp(db: Db, env: Record<string, string> = {}, logStream?: NodeJS.WritableStream): AppContext {
  const config: Config = loadConfig({ KAM_DEMO: 'false', KAM_TIMEZONE: 'Asia/Shanghai', ...env });
  return { db, config, log: createLogger(logStream ? 'warn' : 'silent', logStream) };
}

export interface AskOptions {
  at?: Date;
  chatId?: string;
  action?: InboundMessage['action'];
  platform?: InboundMessage['platform'];
  platformUserId?: string;
}

let seq = 0;

/** One turn as `user` (our id), on a chat of its own unless chatId is given. */
export function ask(app: AppContext, user: string | undefined, text: string, opts: AskOptions = {}): Promise<Reply> {
  const at = opts.at ?? SAMPLE_AT;
  return handleMessage(app, {
    platform: opts.platform ?? 'cli',
    platformUserId: opts.platformUserId ?? user ?? '',
    userId: opts.platform && opts.platform !== 'cli' ? undefined : user,
    chatId: opts.chatId ?? `test-${++seq}`,
    chatType: 'p2p',
    mentioned: true,
    text,
    action: opts.action,
    receivedAt: at,
    now: at,
  });
}

/** Everything a reply shows or carries, for leak checks. */
export function everything(r: Reply): string {
  return JSON.stringify(r);
}
