// Two `kam start` processes on one PostgreSQL server database (KAM_TEST_DATABASE_URL; an embedded
// data dir takes one process only), under traffic: Feishu and Slack webhooks (signed, through the
// platform emulators) spread over both, a webhook redelivered to the other instance, a conversation
// whose second turn lands on the other instance, pushes queued in the outbox while both drain it,
// the scheduler firing every few seconds, and background re-embedding. Every event is answered
// once, every outbox row delivered once, every job slot run once, the follow-up keeps its context.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPg, type Db } from '../../db/index.ts';
import { enqueue } from '../../src/store/outbox.ts';
import { saveSetting } from '../../src/store/settings.ts';
import { FeishuEmulator, feishuCallback, messageEvent } from '../emulators/feishu.ts';
import type { RecordedRequest } from '../emulators/platform-base.ts';
import { dmEvent, SlackEmulator, slackEvent } from '../emulators/slack.ts';
import { kamStart } from '../helpers/cli.ts';
import { createDatabase, dropDatabase, serverUrl, testEngine } from '../helpers/server-db.ts';

const FEISHU = { appId: 'cli_multi', appSecret: 'multi-secret', encryptKey: 'multi-encrypt-key', token: 'multi-verify-token', botOpenId: 'ou_bot_multi' };
const SLACK = { botToken: 'xoxb-multi', signingSecret: 'multi-signing-secret' };
const feishu = new FeishuEmulator({ appId: FEISHU.appId, appSecret: FEISHU.appSecret, botOpenId: FEISHU.botOpenId });
const slack = new SlackEmulator({ botToken: SLACK.botToken, botUserId: 'UBOTM', botId: 'BBOTM' });

type Instance = Awaited<ReturnType<typeof kamStart>> & { url: string };

const logLines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** What Feishu's uuid of part `i` of an answer or push keyed `key` is (adapters/feishu idempotencyKey). */
const feishuUuid = (key: string, i: number) => createHash('sha256').update(`${key}#${i}`).digest('hex').slice(0, 40);

/** Every request the bot made to create or reply with a Feishu message. */
const feishuSends = () => feishu.requests.filter((r) => r.method === 'POST' && /^\/open-apis\/im\/v1\/messages(\/[^/]+\/reply)?$/.test(r.path));
const feishuSendsTo = (chatId: string) => feishuSends().filter((r) => r.body?.receive_id === chatId);
const slackPostsTo = (channel: string) => slack.calls('/api/chat.postMessage').filter((r) => r.body?.channel === channel);
/** Text of a Feishu card request (the card JSON, in which a reply's lines appear). */
const cardText = (r: RecordedRequest) => String(r.body?.content ?? '');

async function waitUntil(what: string, cond: () => boolean | Promise<boolean>, timeoutMs: number, detail: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${detail()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function postFeishu(to: Instance, envelope: unknown): Promise<Response> {
  const cb = feishuCallback(envelope, { encryptKey: FEISHU.encryptKey, timestamp: Math.floor(Date.now() / 1000), nonce: randomBytes(6).toString('hex') });
  return fetch(`${to.url}webhooks/feishu`, { method: 'POST', headers: cb.headers, body: cb.body });
}

function postSlack(to: Instance, payload: unknown, retryNum?: number): Promise<Response> {
  const extra: Record<string, string> = retryNum ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
  const ev = slackEvent(SLACK.signingSecret, Math.floor(Date.now() / 1000), payload, extra);
  return fetch(`${to.url}webhooks/slack`, { method: 'POST', headers: ev.headers, body: ev.body });
}

/** A one-to-one Feishu message from 李娜 (u_li) in its own chat. */
function feishuDm(eventId: string, chatId: string, text: string) {
  const env = messageEvent({ token: FEISHU.token, createTime: Date.now(), eventId, messageId: `om_${eventId}`, senderOpenId: 'ou_li_demo', chatType: 'p2p', text });
  env.event.message.chat_id = chatId;
  return env;
}

let slackTs = 0;
/** A Slack direct message from 李娜 (U0LI) in its own channel. */
const slackDm = (eventId: string, channel: string, text: string) => dmEvent(eventId, 'U0LI', text, { channel, ts: `1700000100.${String(++slackTs).padStart(6, '0')}` });

async function expectAcked(res: Promise<Response>): Promise<void> {
  const r = await res;
  expect(r.status, await r.text()).toBe(200);
}

beforeAll(async () => {
  await feishu.start();
  await slack.start();
});
afterAll(async () => {
  await feishu.stop();
  await slack.stop();
});

describe.skipIf(testEngine() !== 'server')('two kam start instances on one server under traffic (needs KAM_TEST_DATABASE_URL)', () => {
  it('answer each webhook event once, deliver each outbox row once, run each job slot once, keep chat context across instances', async () => {
    const name = await createDatabase('sample');
    const url = serverUrl(name);
    const db = await openPg(url);
    const started: Instance[] = [];
    const output = () => started.map((s, i) => `--- instance ${i} ---\n${s.output()}`).join('\n');
    try {
      await prepare(db);
      const env = {
        DATABASE_URL: url,
        PORT: '0',
        FEISHU_APP_ID: FEISHU.appId,
        FEISHU_APP_SECRET: FEISHU.appSecret,
        FEISHU_ENCRYPT_KEY: FEISHU.encryptKey,
        FEISHU_VERIFICATION_TOKEN: FEISHU.token,
        FEISHU_BASE_URL: feishu.url,
        SLACK_BOT_TOKEN: SLACK.botToken,
        SLACK_SIGNING_SECRET: SLACK.signingSecret,
        SLACK_API_URL: `${slack.url}/api/`,
        KAM_REEMBED_BATCH: '20',
        KAM_REEMBED_INTERVAL_MS: '500',
        KAM_VECTOR_INDEX_MIN_ROWS: '1',
      };
      for (const s of await Promise.all([kamStart([], env), kamStart([], env)])) {
        const at = /"url":"(http[^"]+)"/.exec(s.output());
        if (!at) throw new Error(`no URL in the start-up log:\n${s.output()}`);
        started.push({ ...s, url: at[1] });
      }
      const [a, b] = started;

      // A reference: one Slack event, delivered once to one instance, gives how many posts one answer takes.
      await expectAcked(postSlack(a, slackDm('EvMultiRef', 'D0REF', '西山矿业的合同什么时候到期?')));
      await waitUntil('the reference Slack answer', () => slackPostsTo('D0REF').length > 0, 60_000, output);
      await new Promise((r) => setTimeout(r, 1500));
      const slackParts = slackPostsTo('D0REF').length;

      // Pushes queued while both instances drain the outbox: to 李娜 on Feishu, to a Slack-only user.
      const pushes = Array.from({ length: 40 }, (_, i) => ({ marker: `[push-${String(i).padStart(3, '0')}]`, to: i % 2 ? 'u_slack_only' : 'u_li' }));
      const queueing = (async () => {
        for (let wave = 0; wave < 4; wave++) {
          const rows = pushes.slice(wave * 10, wave * 10 + 10).map((p) => ({ recipientId: p.to, kind: 'alert' as const, payload: { reply: { lang: 'zh', text: `多实例推送 ${p.marker}` } }, dedupKey: `multi:${p.marker}` }));
          await enqueue(db, rows, new Date());
          await new Promise((r) => setTimeout(r, 700));
        }
      })();

      // Distinct events spread over both instances, every third one redelivered to the other one at once.
      const QUESTION = '西山矿业的合同什么时候到期?';
      const n = 12;
      const posts: Promise<void>[] = [];
      for (let i = 0; i < n; i++) {
        const [first, other] = i % 2 ? [b, a] : [a, b];
        const fe = feishuDm(`ev_multi_${i}`, `oc_multi_${i}`, QUESTION);
        const se = slackDm(`EvMulti${i}`, `D0MULTI${i}`, QUESTION);
        posts.push(expectAcked(postFeishu(first, fe)), expectAcked(postSlack(first, se)));
        if (i % 3 === 0) posts.push(expectAcked(postFeishu(other, fe)), expectAcked(postSlack(other, se, 1)));
      }
      await Promise.all(posts);

      // A platform's later retry of an event already answered, sent to the other instance.
      await waitUntil('the answer to ev_multi_0', () => feishuSendsTo('oc_multi_0').length > 0 && slackPostsTo('D0MULTI0').length > 0, 60_000, output);
      await expectAcked(postFeishu(b, feishuDm('ev_multi_0', 'oc_multi_0', QUESTION)));
      await expectAcked(postSlack(b, slackDm('EvMulti0', 'D0MULTI0', QUESTION), 2));

      // A conversation whose follow-up lands on the other instance; and the same follow-up in a fresh chat.
      await expectAcked(postFeishu(a, feishuDm('ev_ctx_1', 'oc_ctx', '西山矿业有哪些工单')));
      await waitUntil('the first turn', () => feishuSendsTo('oc_ctx').length > 0, 60_000, output);
      await expectAcked(postFeishu(b, feishuDm('ev_ctx_2', 'oc_ctx', '合同呢')));
      await expectAcked(postFeishu(b, feishuDm('ev_ctx_fresh', 'oc_ctx_fresh', '合同呢')));

      await queueing;
      const pushed = (p: { marker: string; to: string }) =>
        p.to === 'u_li' ? feishuSends().filter((r) => cardText(r).includes(p.marker)).length : slack.posts.filter((m) => JSON.stringify(m).includes(p.marker)).length;
      await waitUntil(
        'every event answered, every push delivered, the passages embedded and indexed',
        async () => {
          const answered = Array.from({ length: n }, (_, i) => feishuSendsTo(`oc_multi_${i}`).length > 0 && slackPostsTo(`D0MULTI${i}`).length >= slackParts).every(Boolean);
          const r = await db.query<{ waiting: number; ready: number }>(
            `SELECT (SELECT count(*)::int FROM chunks WHERE embedding IS NULL) AS waiting,
                    (SELECT count(*)::int FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid WHERE c.relname LIKE 'chunks\\_vec\\_%' AND x.indisvalid) AS ready`,
          );
          const embedded = r.rows[0].waiting === 0 && r.rows[0].ready === 1;
          return answered && feishuSendsTo('oc_ctx').length >= 2 && feishuSendsTo('oc_ctx_fresh').length > 0 && pushes.every((p) => pushed(p) > 0) && embedded;
        },
        120_000,
        output,
      );
      // Scheduler slots every 2 s: let several pass on both instances, and any late duplicate arrive.
      await new Promise((r) => setTimeout(r, 6000));

      // Each event answered once: on Feishu, every message part's uuid once (and only that event's uuids).
      for (let i = 0; i < n; i++) {
        const sends = feishuSendsTo(`oc_multi_${i}`);
        const uuids = sends.map((r) => r.body.uuid as string);
        expect(new Set(uuids).size, `Feishu answers to ev_multi_${i}`).toBe(sends.length);
        expect(uuids.sort()).toEqual(uuids.map((_, k) => feishuUuid(`ev_multi_${i}`, k)).sort());
        expect(slackPostsTo(`D0MULTI${i}`), `Slack answers to EvMulti${i}`).toHaveLength(slackParts);
      }
      const duplicates = logLines(output()).filter((l) => l.event === 'webhook_duplicate');
      expect(duplicates.filter((l) => l.platform === 'feishu')).toHaveLength(n / 3 + 1);
      expect(duplicates.filter((l) => l.platform === 'slack')).toHaveLength(n / 3 + 1);

      // The follow-up on the other instance has the first turn's account; without it, no contract.
      const followUp = feishuSendsTo('oc_ctx').slice(1).map(cardText).join('\n');
      expect(followUp).toContain('2028-02-28');
      expect(feishuSendsTo('oc_ctx_fresh').map(cardText).join('\n')).not.toContain('2028-02-28');

      // Each outbox row delivered once: the test's pushes by their marker, every other row by its Feishu uuid.
      for (const p of pushes) expect(pushed(p), `deliveries of ${p.marker}`).toBe(1);
      const rows = (await db.query<{ id: string; status: string; platform: string }>("SELECT id::text, status, platform FROM outbox WHERE dedup_key NOT LIKE 'multi:%'")).rows;
      const byUuid = new Map<string, number>();
      for (const r of feishuSends()) byUuid.set(r.body.uuid, (byUuid.get(r.body.uuid) ?? 0) + 1);
      for (const row of rows.filter((r) => r.status === 'sent' && r.platform === 'feishu')) {
        expect(byUuid.get(feishuUuid(`outbox:${row.id}`, 0)), `Feishu sends of outbox row ${row.id}`).toBe(1);
      }
      expect(await countRows(db, "SELECT count(*)::int AS n FROM outbox WHERE status = 'sent' AND dedup_key LIKE 'multi:%'")).toBe(pushes.length);
      expect(rows.filter((r) => r.status === 'sent').length, 'the alert sweep pushed something').toBeGreaterThan(0);

      // Each job slot run by one instance only, and both instances' schedulers took part.
      const runs = started.map((s) => logLines(s.output()).filter((l) => l.msg === 'job done').map((l) => `${l.job} ${l.slot}`));
      const all = runs.flat();
      expect(all.length).toBe(new Set(all).size);
      expect(all.filter((r) => r.startsWith('escalation ')).length).toBeGreaterThanOrEqual(3);
      expect(all.filter((r) => r.startsWith('alert_sweep ')).length).toBeGreaterThanOrEqual(1);
      expect(logLines(output()).filter((l) => l.msg === 'job failed' || l.msg === 'outbox drain failed' || l.msg === 're-embedding failed; will retry')).toEqual([]);

      // Background re-embedding: each waiting passage once, the vector index built once.
      const done = logLines(output()).filter((l) => l.msg === 're-embedding finished').map((l) => l.done as number);
      expect(done.reduce((s, k) => s + k, 0)).toBe(pendingPassages);
      expect(logLines(output()).filter((l) => l.msg === 'building vector index' || l.msg === 'vector index built')).toHaveLength(1);
    } finally {
      await Promise.all(started.map((s) => s.stop()));
      await db.close();
      await dropDatabase(name);
    }
  }, 300_000);
});

let pendingPassages = 0;

const countRows = async (db: Db, sql: string) => (await db.query<{ n: number }>(sql)).rows[0].n;

/** The sample database with fast schedules, a Slack-only user, and passages waiting for the embedder. */
async function prepare(db: Db): Promise<void> {
  const now = new Date();
  await saveSetting(db, 'schedule.escalation', '*/2 * * * * *', now);
  await saveSetting(db, 'schedule.alert_sweep', '*/4 * * * * *', now);
  await saveSetting(db, 'schedule.outbox_drain_seconds', 1, now);
  await saveSetting(db, 'outbox.rate_per_minute', 10000, now);
  await db.query("INSERT INTO users (id, name, role, slack_user_id) VALUES ('u_slack_only', '只用Slack', 'sales', 'U0SLKONLY')");
  await db.query('UPDATE chunks SET embedding = NULL');
  await db.query(
    `INSERT INTO chunks (account_id, source_table, source_id, chunk_index, content, occurred_at, author_id)
     SELECT account_id, source_table, source_id || '-copy' || g, chunk_index, content || ' ' || g, occurred_at, author_id
     FROM chunks, generate_series(1, 10) g`,
  );
  pendingPassages = await countRows(db, 'SELECT count(*)::int AS n FROM chunks WHERE embedding IS NULL');
}
