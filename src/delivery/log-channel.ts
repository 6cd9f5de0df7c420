// The console channel: a push it takes is written to the log and stays in the outbox as sent with
// platform 'console', where the web console shows it as the user's inbox. It reaches everyone.
import type { Logger } from 'pino';
import type { Adapter, Recipient, Reply } from '../chat/types.ts';

export function logChannel(log: Logger): Adapter {
  return {
    platform: 'console',
    canReach: () => true,
    async send(recipient: Recipient, reply: Reply) {
      log.info({ channel: 'console', recipient: recipient.userId, title: reply.title }, 'push delivered to the console channel');
    },
  };
}
