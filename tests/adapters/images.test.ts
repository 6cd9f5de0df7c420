// Pictures in answers, with the real engine on the sample data: "西山矿业的关系图" on Feishu gets
// the map in words, then the picture uploaded (im/v1/images) and sent as an image message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { buildAdapters, type PlatformAdapters } from '../../adapters/index.ts';
import type { AppContext } from '../../src/app.ts';
import { handleMessage } from '../../src/conversation/engine.ts';
import { ROLE_FILL } from '../../src/insights/relationship-map/svg.ts';
import { sampleDb } from '../helpers/db.ts';
import { SAMPLE_AT } from '../helpers/paths.ts';
import { countColour, readPng } from '../helpers/png.ts';
import { FeishuEmulator, feishuCallback, messageEvent } from '../emulators/feishu.ts';
import { DingtalkEmulator, dingtalkSign, robotMessage } from '../emulators/dingtalk.ts';
import { SlackEmulator, dmEvent, slackEvent } from '../emulators/slack.ts';
import { WecomEmulator, wecomCallback, wecomTextXml } from '../emulators/wecom.ts';
import { appWith, webhookServer } from './helpers.ts';

const TS = Math.floor(SAMPLE_AT.getTime() / 1000);
const FEISHU = { encryptKey: 'img-encrypt-key', token: 'img-token' };

let db: Db;
let app: AppContext;
let adapters: PlatformAdapters;
const feishuEmu = new FeishuEmulator({ appId: 'cli_img', appSecret: 'img-secret', botOpenId: 'ou_bot' });
const WECOM = { token: 'imgToken', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wwIMG' };
const wecomEmu = new WecomEmulator({ corpId: WECOM.corpId, secret: 'img-wecom-secret' });
const slackEmu = new SlackEmulator({ botToken: 'xoxb-img', botUserId: 'UBOT', botId: 'BBOT' });
const DT = { clientId: 'dingimg', clientSecret: 'img-dt-secret' };
const dingEmu = new DingtalkEmulator(DT);

beforeAll(async () => {
  db = await sampleDb();
  await Promise.all([feishuEmu.start(), wecomEmu.start(), slackEmu.start(), dingEmu.start()]);
  await db.query(`UPDATE users SET dingtalk_user_id = 'dt_' || wecom_userid WHERE wecom_userid IS NOT NULL`);
  app = appWith(db, {
    FEISHU_APP_ID: 'cli_img',
    FEISHU_APP_SECRET: 'img-secret',
    FEISHU_VERIFICATION_TOKEN: FEISHU.token,
    FEISHU_ENCRYPT_KEY: FEISHU.encryptKey,
    FEISHU_BASE_URL: feishuEmu.url,
    WECOM_CORP_ID: WECOM.corpId,
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 'img-wecom-secret',
    WECOM_TOKEN: WECOM.token,
    WECOM_ENCODING_AES_KEY: WECOM.encodingAesKey,
    WECOM_BASE_URL: wecomEmu.url,
    SLACK_BOT_TOKEN: 'xoxb-img',
    SLACK_SIGNING_SECRET: 'img-signing-secret',
    SLACK_API_URL: `${slackEmu.url}/api/`,
    DINGTALK_CLIENT_ID: DT.clientId,
    DINGTALK_CLIENT_SECRET: DT.clientSecret,
    DINGTALK_MODE: 'webhook',
    DINGTALK_API_URL: dingEmu.url,
    DINGTALK_OAPI_URL: dingEmu.url,
  });
  adapters = buildAdapters(app, (msg) => handleMessage(app, msg), { clock: () => SAMPLE_AT });
});

afterAll(async () => {
  for (const a of adapters.list) await a.stop?.();
  await Promise.all([feishuEmu.stop(), wecomEmu.stop(), slackEmu.stop(), dingEmu.stop()]);
  await db.close();
});

describe('the relationship map as a picture', () => {
  it('Feishu: "西山矿业的关系图" uploads the map as an image and sends it after the text', async () => {
    const server = await webhookServer(adapters);
    const ev = messageEvent({ token: FEISHU.token, senderOpenId: 'ou_li_demo', chatType: 'p2p', text: '西山矿业的关系图' });
    const cb = feishuCallback(ev, { encryptKey: FEISHU.encryptKey, timestamp: TS });
    expect((await server.inject({ method: 'POST', url: '/webhooks/feishu', headers: cb.headers, payload: cb.body })).statusCode).toBe(200);
    await adapters.feishu!.work.idle();

    const uploads = feishuEmu.accepted('/open-apis/im/v1/images');
    expect(uploads).toHaveLength(1);
    const sent = feishuEmu.delivered.map((r) => ({ type: r.body.msg_type, content: JSON.parse(r.body.content) }));
    expect(sent.map((s) => s.type)).toEqual(['interactive', 'image']);
    expect(JSON.stringify(sent[0].content)).toContain('马振华');
    const imageKey = sent[1].content.image_key;
    expect(feishuEmu.images.has(imageKey)).toBe(true);
    expect(feishuEmu.delivered[1].query.receive_id_type).toBe('chat_id');

    // The upload is the map: a PNG with the decision maker's and the influencer's card colours.
    const png = readPng(feishuEmu.images.get(imageKey)!);
    expect(png.width).toBeGreaterThan(800);
    expect(countColour(png, ROLE_FILL.decision_maker)).toBeGreaterThan(10000);
    expect(countColour(png, ROLE_FILL.influencer)).toBeGreaterThan(10000);
  });

  it('WeCom: uploads the map with media/upload?type=image and sends an image message after the markdown', async () => {
    const server = await webhookServer(adapters);
    const cb = wecomCallback(WECOM, wecomTextXml({ corpId: WECOM.corpId, from: 'lina', content: '西山矿业的关系图', msgId: '99001', createTime: TS }), TS);
    expect((await server.inject({ method: 'POST', url: `/webhooks/wecom?${cb.query}`, headers: { 'content-type': 'text/xml' }, payload: cb.body })).statusCode).toBe(200);
    await adapters.wecom!.work.idle();

    const uploads = wecomEmu.accepted('/cgi-bin/media/upload');
    expect(uploads.map((r) => r.query.type)).toEqual(['image']);
    expect(wecomEmu.uploads[0].filename).toMatch(/\.png$/);
    const sent = wecomEmu.sent;
    expect(sent.map((m) => m.msgtype)).toEqual(['markdown', 'image']);
    expect(sent[0].markdown.content).toContain('马振华');
    expect(sent[1]).toMatchObject({ touser: 'lina', agentid: 1000002, image: { media_id: wecomEmu.uploads[0].mediaId } });

    const png = readPng(wecomEmu.uploads[0].data);
    expect(png.width).toBeGreaterThan(800);
    expect(countColour(png, ROLE_FILL.decision_maker)).toBeGreaterThan(10000);
  });

  it('Slack: uploads the map with filesUploadV2 (upload URL, bytes, completion into the DM) after the text', async () => {
    const server = await webhookServer(adapters);
    const ev = slackEvent('img-signing-secret', TS, dmEvent('EvImg1', 'U0LI', '西山矿业的关系图'));
    expect((await server.inject({ method: 'POST', url: '/webhooks/slack', headers: ev.headers, payload: ev.body })).statusCode).toBe(200);
    await adapters.slack!.work.idle();

    expect(JSON.stringify(slackEmu.posts[0].blocks)).toContain('马振华');
    const order = slackEmu.requests.map((r) => r.path).filter((p) => p !== '/api/auth.test');
    expect(order).toEqual(['/api/chat.postMessage', '/api/files.getUploadURLExternal', expect.stringMatching(/^\/upload\/v1\//), '/api/files.completeUploadExternal']);
    const [upload] = [...slackEmu.uploads.values()];
    expect(upload).toMatchObject({ channel: 'D0USER', filename: expect.stringMatching(/\.png$/) });
    const png = readPng(upload.data!);
    expect(png.width).toBeGreaterThan(800);
    expect(countColour(png, ROLE_FILL.influencer)).toBeGreaterThan(10000);
  });

  it('DingTalk: uploads the map with media/upload and sends it as a sampleImageMsg after the card', async () => {
    const server = await webhookServer(adapters);
    const payload = robotMessage({ msgId: 'msgImg1', staffId: 'dt_lina', text: '西山矿业的关系图' });
    const res = await server.inject({ method: 'POST', url: '/webhooks/dingtalk', headers: { 'content-type': 'application/json', ...dingtalkSign(DT.clientSecret, SAMPLE_AT.getTime()) }, payload: JSON.stringify(payload) });
    expect(res.statusCode).toBe(200);
    await adapters.dingtalk!.work.idle();

    expect(JSON.stringify(dingEmu.cards[0].card)).toContain('马振华');
    const uploads = dingEmu.answered('/media/upload');
    expect(uploads.map((r) => r.query.type)).toEqual(['image']);
    const sends = dingEmu.answered('/v1.0/robot/oToMessages/batchSend');
    expect(sends).toHaveLength(1);
    expect(sends[0].body).toMatchObject({ robotCode: DT.clientId, userIds: ['dt_lina'], msgKey: 'sampleImageMsg' });
    expect(sends[0].response).toMatchObject({ processQueryKey: expect.any(String) });
    const mediaId = JSON.parse(sends[0].body.msgParam).photoURL;
    const png = readPng(dingEmu.media.get(mediaId)!);
    expect(png.width).toBeGreaterThan(800);
    expect(countColour(png, ROLE_FILL.decision_maker)).toBeGreaterThan(10000);
  });
});
