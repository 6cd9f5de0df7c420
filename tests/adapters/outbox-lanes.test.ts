// One slow platform never delays another: the outbox drains each platform in its own lane, so
// while Slack hangs, WeCom and Feishu pushes go out; the scheduler runs one drain loop per lane.
// Against the emulators (Slack hanging on demand), with a deadline far longer than the test.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { FeishuAdapter } from '../../adapters/feishu/index.ts';
import { SlackAdapter } from '../../adapters/slack/index.ts';
import { WecomAdapter } from '../../adapters/wecom/index.ts';
import type { Adapter } from '../../src/chat/types.ts';
import { logChannel } from '../../src/delivery/log-channel.ts';
import { registerAdapter, unregisterAdapter } from '../../src/delivery/registry.ts';
import { DEFAULT_OUTBOX_SETTINGS } from '../../src/outbox/settings.ts';
import { drainOutbox } from '../../src/outbox/worker.ts';
import { startScheduler } from '../../src/scheduler/index.ts';
import { enqueue, listOutbox } from '../../src/store/outbox.ts';
import { emptyDb } from '../helpers/db.ts';
import { FeishuEmulator } from '../emulators/feishu.ts';
import { SlackEmulator } from '../emulators/slack.ts';
import { WecomEmulator } from '../emulators/wecom.ts';
import { appWith, FakeEngine, quietLog } from './helpers.ts';

const NOW = new Date('2026-11-24T02:00:00Z');
/** Longer than any test here: only the lanes can keep the others moving. */
const HANG_MS = 120_000;

const feishuEmu = new FeishuEmulator({ appId: 'cli_l', appSecret: 's', botOpenId: 'ou_bot' });
const wecomEmu = new WecomEmulator({ corpId: 'wwLANES', secret: 's' });
const slackEmu = new SlackEmulator({ botToken: 'xoxb-l', botUserId: 'UBOT', botId: 'BBOT' });
let db: Db;
let adapters: { feishu: FeishuAdapter; wecom: WecomAdapter; slack: SlackAdapter };

beforeAll(async () => {
  db = await emptyDb();
  await db.query(
    `INSERT INTO users (id, name, role, feishu_open_id, wecom_userid, slack_user_id) VALUES
     ('s1', 'S1', 'sales', NULL, NULL, 'US1'), ('s2', 'S2', 'sales', NULL, NULL, 'US2'),
     ('w1', 'W1', 'sales', NULL, 'wu1', NULL), ('f1', 'F1', 'sales', 'ou_f1', NULL, NULL), ('c1', 'C1', 'sales', NULL, NULL, NULL)`,
  );
  await Promise.all([feishuEmu.start(), wecomEmu.start(), slackEmu.start()]);
  const common = { db, log: quietLog, handler: new FakeEngine().handler, lang: 'zh' as const, timeoutMs: HANG_MS, stopGraceMs: 0 };
  adapters = {
    feishu: new FeishuAdapter({ ...common, config: { appId: 'cli_l', appSecret: 's', verificationToken: 'tok', baseUrl: feishuEmu.url, mode: 'webhook' } }),
    wecom: new WecomAdapter({ ...common, config: { corpId: 'wwLANES', agentId: '1', secret: 's', token: 't', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', baseUrl: wecomEmu.url } }),
    slack: new SlackAdapter({ ...common, config: { botToken: 'xoxb-l', signingSecret: 'x', apiUrl: `${slackEmu.url}/api/` } }),
  };
});
afterAll(async () => {
  await Promise.all([feishuEmu.stop(), wecomEmu.stop(), slackEmu.stop()]);
  await db.close();
});
afterEach(async () => {
  for (const e of [feishuEmu, wecomEmu, slackEmu]) e.reset();
  await db.query('DELETE FROM outbox');
});

const push = (recipientId: string, text: string) => ({ recipientId, kind: 'alert' as const, payload: { reply: { lang: 'zh' as const, text } }, dedupKey: `lane-${recipientId}-${text}` });
const list = (): Adapter[] => [adapters.feishu, adapters.wecom, adapters.slack];
const drain = (lane?: string) => drainOutbox(db, { now: NOW, settings: DEFAULT_OUTBOX_SETTINGS, adapters: list(), fallback: logChannel(quietLog), log: quietLog, lang: 'zh', lane });

describe('outbox lanes', () => {
  it('one drain: while Slack hangs, the WeCom and Feishu pushes queued behind it go out', async () => {
    slackEmu.hangNext('/api/chat.postMessage');
    // The Slack rows come first in the queue.
    await enqueue(db, [push('s1', 'slack-1'), push('s2', 'slack-2'), push('w1', 'wecom-1'), push('f1', 'feishu-1')], NOW);
    const run = drain();
    await slackEmu.waitFor('/api/chat.postMessage');
    await wecomEmu.waitFor('/cgi-bin/message/send');
    await feishuEmu.waitFor('/open-apis/im/v1/messages');
    expect(slackEmu.hanging).toBe(1);
    // The platform comes back (here: the hung connection drops): the Slack lane records its failure.
    slackEmu.releaseHangs();
    expect(await run).toMatchObject({ sent: 2, retried: 1, postponed: 1 });
    const rows = await listOutbox(db, ['pending', 'sent']);
    const by = (text: string) => rows.find((r) => r.payload.reply.text === text)!;
    expect(by('wecom-1')).toMatchObject({ status: 'sent', platform: 'wecom' });
    expect(by('feishu-1')).toMatchObject({ status: 'sent', platform: 'feishu' });
    expect(by('slack-1')).toMatchObject({ status: 'pending', attempts: 1 });
    // Slack looked unreachable: the row behind it waits for the next round without an attempt counted.
    expect(by('slack-2')).toMatchObject({ status: 'pending', attempts: 0 });
    expect(slackEmu.calls('/api/chat.postMessage')).toHaveLength(1);
  });

  it('a lane claims only its own rows (parked answers by their platform, pushes by who can be reached)', async () => {
    await enqueue(db, [push('s1', 'a'), push('w1', 'b'), push('c1', 'c')], NOW);
    expect(await drain('wecom')).toMatchObject({ sent: 1 });
    expect(await drain('console')).toMatchObject({ undeliverable: 1 });
    expect((await listOutbox(db, ['pending'])).map((r) => r.recipientId)).toEqual(['s1']);
    expect(await drain('slack')).toMatchObject({ sent: 1 });
  });

  it('the scheduler drains each lane in its own loop: a WeCom push enqueued while Slack hangs is sent', async () => {
    for (const a of list()) registerAdapter(a);
    slackEmu.hangNext('/api/chat.postMessage');
    await enqueue(db, [push('s1', 'slow')], NOW);
    const app = appWith(db, {});
    const scheduler = await startScheduler(app, { jobs: [], clock: () => NOW });
    try {
      await slackEmu.waitFor('/api/chat.postMessage');
      // Enqueued after the Slack lane got stuck: only a loop of its own picks it up.
      await enqueue(db, [push('w1', 'fast')], NOW);
      await wecomEmu.waitFor('/cgi-bin/message/send', 1, 15_000);
      expect(slackEmu.hanging).toBe(1);
    } finally {
      slackEmu.releaseHangs();
      await scheduler.stop();
      for (const a of list()) unregisterAdapter(a.platform);
    }
    expect((await listOutbox(db, ['sent'])).map((r) => r.payload.reply.text)).toEqual(['fast']);
  }, 30_000);
});
