// A bound-group world for the group tests that go through each platform's wire: the sample data
// (DingTalk ids added, a VP above 陈志强 so escalations have somewhere to go), the four platform
// emulators, a signed-callback configuration, and the chats of 西山矿业集团 (A200) bound on each.
import pino from 'pino';
import type { Db } from '../../db/index.ts';
import { buildAdapters } from '../../adapters/index.ts';
import type { AppContext } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { handleMessage } from '../../src/conversation/engine.ts';
import { logChannel } from '../../src/delivery/log-channel.ts';
import { bindGroup } from '../../src/groups/bind.ts';
import { DEFAULT_OUTBOX_SETTINGS } from '../../src/outbox/settings.ts';
import { drainOutbox } from '../../src/outbox/worker.ts';
import { sampleDb } from '../helpers/db.ts';
import { TEST_TZ } from '../helpers/paths.ts';
import { DingtalkEmulator } from '../emulators/dingtalk.ts';
import { FeishuEmulator } from '../emulators/feishu.ts';
import { SlackEmulator } from '../emulators/slack.ts';
import { WecomEmulator } from '../emulators/wecom.ts';

export const DT = { clientId: 'dingwirekey', clientSecret: 'made-up-wire-secret' };
export const FEISHU = { appId: 'cli_wire', appSecret: 'fs-secret', token: 'vt-wire', encryptKey: 'wire-encrypt-key' };
export const SLACK_SECRET = 'slack-wire-secret';
export const CHATS = { feishu: 'oc_a200wire', wecom: 'wrA200wire', slack: 'C0A200W', dingtalk: 'cidA200wire==' } as const;

export interface GroupWorld {
  db: Db;
  app: AppContext;
  feishu: FeishuEmulator;
  wecom: WecomEmulator;
  slack: SlackEmulator;
  dingtalk: DingtalkEmulator;
  adapters: ReturnType<typeof buildAdapters>;
  /** Drains what is due at `now`, then a second later and so on while rows wait for their group's pace. */
  drain(now: Date): Promise<void>;
  stop(): Promise<void>;
}

export async function groupWorld(clock: () => Date): Promise<GroupWorld> {
  const db = await sampleDb();
  await db.query(`UPDATE users SET dingtalk_user_id = 'dt_' || substr(id, 3) WHERE id <> 'u_admin'`);
  // A VP above 陈志强 with no messaging identity: escalations of 陈志强's alerts go to them.
  await db.query(`INSERT INTO users (id, name, role) VALUES ('u_vp', '刘总', 'manager')`);
  await db.query(`UPDATE users SET manager_id = 'u_vp' WHERE id = 'u_chen'`);
  const feishu = await new FeishuEmulator({ appId: FEISHU.appId, appSecret: FEISHU.appSecret, botOpenId: 'ou_bot' }).start();
  const wecom = await new WecomEmulator({ corpId: 'wwwire', secret: 'wc-secret' } as never).start();
  const slack = await new SlackEmulator({ botToken: 'xoxb-wire', botUserId: 'UBOT', botId: 'BBOT' }).start();
  const dingtalk = await new DingtalkEmulator(DT).start();
  const app: AppContext = {
    db,
    log: pino({ level: 'silent' }),
    config: loadConfig({
      KAM_DEMO: 'false',
      TZ: TEST_TZ,
      KAM_LANG: 'zh',
      FEISHU_APP_ID: FEISHU.appId,
      FEISHU_APP_SECRET: FEISHU.appSecret,
      FEISHU_VERIFICATION_TOKEN: FEISHU.token,
      FEISHU_ENCRYPT_KEY: FEISHU.encryptKey,
      FEISHU_BASE_URL: feishu.url,
      WECOM_CORP_ID: 'wwwire',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'wc-secret',
      WECOM_TOKEN: 'QDG6eK',
      WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
      WECOM_BASE_URL: wecom.url,
      SLACK_BOT_TOKEN: 'xoxb-wire',
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_API_URL: `${slack.url}/api/`,
      DINGTALK_CLIENT_ID: DT.clientId,
      DINGTALK_CLIENT_SECRET: DT.clientSecret,
      DINGTALK_MODE: 'webhook',
      DINGTALK_API_URL: dingtalk.url,
    }),
  };
  const adapters = buildAdapters(app, (msg) => handleMessage(app, msg), { clock });
  const boundAt = clock();
  for (const platform of ['feishu', 'wecom', 'slack', 'dingtalk'] as const) {
    await bindGroup(db, { platform, chatId: CHATS[platform], target: { kind: 'account', id: 'A200' }, name: '西山矿业集团', now: boundAt, lang: 'zh' });
  }
  return {
    db,
    app,
    feishu,
    wecom,
    slack,
    dingtalk,
    adapters,
    drain: (now) => drainPaced(db, now, (at) => drainOutbox(db, { now: at, settings: { ...DEFAULT_OUTBOX_SETTINGS, ratePerMinute: 1000 }, adapters: adapters.list, fallback: logChannel(app.log), log: app.log, lang: 'zh' })),
    async stop() {
      for (const a of adapters.list) await a.stop?.();
      for (const e of [feishu, wecom, slack, dingtalk]) await e.stop();
      await db.close();
    },
  };
}

/**
 * Posts into one group are paced per chat (src/outbox/group-pace.ts): drains at `now`, then each
 * following second (an injected clock, no waiting) until nothing is pending, for at most 90 s.
 */
export async function drainPaced(db: Db, now: Date, drainAt: (at: Date) => Promise<unknown>): Promise<void> {
  for (let s = 0; s <= 90; s++) {
    await drainAt(new Date(now.getTime() + s * 1000));
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'");
    if (!rows[0].n) return;
  }
}
