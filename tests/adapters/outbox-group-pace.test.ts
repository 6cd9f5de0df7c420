// Posts into group chats are paced per chat by the outbox, at each platform's limit for one group
// (src/outbox/group-pace.ts): twelve alerts to one Feishu group go out at most five per second,
// Slack one per second per channel, and the rows over the limit wait for their slot without
// holding up another group or a personal push in the same lane. The clock is injected: each drain
// runs "at" a time, and the assertions are on the recorded send times, never on elapsed time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { FeishuAdapter } from '../../adapters/feishu/index.ts';
import { SlackAdapter } from '../../adapters/slack/index.ts';
import { logChannel } from '../../src/delivery/log-channel.ts';
import { GROUP_PACE, nextSlot } from '../../src/outbox/group-pace.ts';
import { DEFAULT_OUTBOX_SETTINGS } from '../../src/outbox/settings.ts';
import { drainOutbox } from '../../src/outbox/worker.ts';
import { enqueue } from '../../src/store/outbox.ts';
import { emptyDb } from '../helpers/db.ts';
import { FeishuEmulator } from '../emulators/feishu.ts';
import { SlackEmulator } from '../emulators/slack.ts';
import { FakeEngine, quietLog } from './helpers.ts';

const T0 = new Date('2026-11-24T02:00:00Z');
const feishuEmu = new FeishuEmulator({ appId: 'cli_p', appSecret: 's', botOpenId: 'ou_bot' });
const slackEmu = new SlackEmulator({ botToken: 'xoxb-p', botUserId: 'UBOT', botId: 'BBOT' });
let db: Db;
let adapters: [FeishuAdapter, SlackAdapter];

beforeAll(async () => {
  db = await emptyDb();
  await db.query(`INSERT INTO users (id, name, role, feishu_open_id, slack_user_id) VALUES ('f1', 'F1', 'sales', 'ou_f1', NULL), ('s1', 'S1', 'sales', NULL, 'US1')`);
  await Promise.all([feishuEmu.start(), slackEmu.start()]);
  // The adapters' own in-process queues (real time) are opened wide: here only the outbox paces.
  const common = { db, log: quietLog, handler: new FakeEngine().handler, lang: 'zh' as const, rateLimit: { limit: 1000, windowMs: 1000 } };
  adapters = [
    new FeishuAdapter({ ...common, config: { appId: 'cli_p', appSecret: 's', verificationToken: 'tok', baseUrl: feishuEmu.url, mode: 'webhook' } }),
    new SlackAdapter({ ...common, config: { botToken: 'xoxb-p', signingSecret: 'x', apiUrl: `${slackEmu.url}/api/` } }),
  ];
});
afterAll(async () => {
  await Promise.all([feishuEmu.stop(), slackEmu.stop()]);
  await db.close();
});

const row = (recipientId: string, text: string, platform?: string) => ({
  recipientId,
  kind: 'alert' as const,
  ...(platform ? { platform } : {}),
  payload: { reply: { lang: 'zh' as const, text }, mentions: [] },
  dedupKey: `pace:${recipientId}:${text}`,
});
const at = (ms: number) => new Date(T0.getTime() + ms);
const drain = (now: Date) => drainOutbox(db, { now, settings: DEFAULT_OUTBOX_SETTINGS, adapters, fallback: logChannel(quietLog), log: quietLog, lang: 'zh' });

async function sentTimes(recipientId: string): Promise<number[]> {
  const { rows } = await db.query<{ sent_at: Date }>("SELECT sent_at FROM outbox WHERE recipient_id = $1 AND status = 'sent' ORDER BY sent_at, id", [recipientId]);
  return rows.map((r) => new Date(r.sent_at).getTime() - T0.getTime());
}

/** Whether no window of `windowMs` holds more than `count` of these times. */
function withinPace(times: number[], count: number, windowMs: number): boolean {
  return times.every((t, i) => i + count >= times.length || times[i + count] - t >= windowMs);
}

describe('per-group pacing in the outbox', () => {
  it('nextSlot: free below the limit, else when the oldest of the last `count` leaves the window', () => {
    const p = { count: 2, windowMs: 1000 };
    expect(nextSlot([], p, T0)).toEqual(T0);
    expect(nextSlot([at(-1500), at(-200)], p, T0)).toEqual(T0);
    expect(nextSlot([at(-600), at(-200)], p, T0)).toEqual(at(400));
    expect(nextSlot([at(-900), at(-600), at(-200)], p, T0)).toEqual(at(400));
  });

  it('12 alerts to one Feishu group go out at most 5 a second; another group, a Slack channel and a personal push are not held up', async () => {
    const busy = 'group:feishu:oc_busy';
    const quiet = 'group:feishu:oc_quiet';
    const channel = 'group:slack:C0BUSY';
    // The busy group's rows are first in the queue.
    await enqueue(db, [...Array.from({ length: 12 }, (_, i) => row(busy, `busy-${i}`, 'feishu')), row(quiet, 'quiet-0', 'feishu'), row(quiet, 'quiet-1', 'feishu'), row('f1', 'personal'), ...Array.from({ length: 3 }, (_, i) => row(channel, `slack-${i}`, 'slack'))], T0);

    const first = await drain(T0);
    expect(first).toMatchObject({ sent: 5 + 2 + 1 + 1, postponed: 7 + 2, retried: 0, failed: 0 });
    expect(await sentTimes(quiet)).toEqual([0, 0]);
    expect(await sentTimes('f1')).toEqual([0]);
    // What waits was postponed to its slot, without an attempt counted.
    const { rows: waiting } = await db.query<{ recipient_id: string; next_attempt_at: Date; attempts: number }>("SELECT recipient_id, next_attempt_at, attempts FROM outbox WHERE status = 'pending'");
    expect(new Set(waiting.map((w) => `${w.recipient_id}@${new Date(w.next_attempt_at).getTime() - T0.getTime()}`))).toEqual(new Set([`${busy}@1000`, `${channel}@1000`]));
    expect(waiting.every((w) => w.attempts === 0)).toBe(true);

    // The worker comes round every quarter second: everything goes out, each chat within its pace.
    for (let ms = 250; ms <= 5000; ms += 250) await drain(at(ms));
    const busyTimes = await sentTimes(busy);
    expect(busyTimes).toHaveLength(12);
    expect(withinPace(busyTimes, GROUP_PACE.feishu.count, GROUP_PACE.feishu.windowMs)).toBe(true);
    expect(busyTimes).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000, 2000]);
    const slackTimes = await sentTimes(channel);
    expect(slackTimes).toEqual([0, 1000, 2000]);
    expect(withinPace(slackTimes, GROUP_PACE.slack.count, GROUP_PACE.slack.windowMs)).toBe(true);
    expect(feishuEmu.calls('/open-apis/im/v1/messages').filter((r) => r.body.receive_id === 'oc_busy')).toHaveLength(12);
    expect(slackEmu.posts.filter((p) => p.channel === 'C0BUSY')).toHaveLength(3);
  });
});
