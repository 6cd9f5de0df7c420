// SIGTERM while an answer hangs on its platform: `kam start` stops by itself (its own deadline is
// 9 s; it never needs the supervisor's kill), the answer is parked in the outbox, and after a
// restart it goes out to the same chat. A real process against the Slack emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { openPglite } from '../../db/index.ts';
import { listOutbox } from '../../src/store/outbox.ts';
import { SlackEmulator, dmEvent, slackEvent } from '../emulators/slack.ts';
import { kamStart, tempDataDir } from '../helpers/cli.ts';

const SECRET = 'shutdown-secret';
const slack = new SlackEmulator({ botToken: 'xoxb-sd', botUserId: 'UBOT', botId: 'BBOT' });

beforeAll(() => slack.start());
afterAll(() => slack.stop());

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('kam start: SIGTERM with an answer in flight', () => {
  it('stops on its own, parks the hung answer, and sends it after the restart', async () => {
    const dir = tempDataDir();
    const port = await freePort();
    // A deadline far beyond the test: only the shutdown can cut the hung call short.
    const env = { KAM_DATA_DIR: dir, KAM_PLATFORM_TIMEOUT_MS: '120000', SLACK_BOT_TOKEN: 'xoxb-sd', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/` };
    const server = await kamStart(['--port', String(port)], env);
    slack.hangNext('/api/chat.postMessage', 5);
    const ev = slackEvent(SECRET, Math.floor(Date.now() / 1000), dmEvent('EvShutdown1', 'U0NEW', '你好', { channel: 'D0NEW', ts: '1700000009.000100' }));
    const res = await fetch(`http://127.0.0.1:${port}/webhooks/slack`, { method: 'POST', headers: ev.headers, body: ev.body });
    expect(res.status).toBe(200);
    await slack.waitFor('/api/chat.postMessage', 1, 20_000);
    expect(slack.hanging).toBe(1);

    const code = await server.stop();
    expect(code).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
    expect(server.output()).not.toContain('shutdown took too long');

    const db = await openPglite(dir);
    try {
      const parked = await listOutbox(db, ['pending']);
      expect(parked).toHaveLength(1);
      expect(parked[0]).toMatchObject({ kind: 'reply', platform: 'slack', recipientId: 'slack:U0NEW', attempts: 0 });
      expect(parked[0].payload.pending.target).toEqual({ channel: 'D0NEW' });
    } finally {
      await db.close();
    }

    slack.reset();
    const again = await kamStart(['--port', String(port)], env);
    try {
      const [sent] = await slack.waitFor('/api/chat.postMessage', 1, 20_000);
      expect(sent.body.channel).toBe('D0NEW');
      expect(sent.body.text).toContain('U0NEW');
    } finally {
      expect(await again.stop()).toBe(0);
    }
  }, 90_000);
});
