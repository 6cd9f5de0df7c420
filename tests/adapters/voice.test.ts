// Voice notes end to end, with the real engine on the sample data: a voice message is downloaded
// through the platform's API (emulated), transcribed by a local OpenAI-compatible fake (or taken
// from the platform's own recognition), saved as a visit note exactly as typed text would be, and
// answered with the transcript first. Without any transcription the reply says how to enable it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { buildAdapters, type PlatformAdapters } from '../../adapters/index.ts';
import type { AppContext } from '../../src/app.ts';
import { handleMessage } from '../../src/conversation/engine.ts';
import { sampleDb } from '../helpers/db.ts';
import { SAMPLE_AT } from '../helpers/paths.ts';
import { FakeTranscription } from '../emulators/fake-transcription.ts';
import { WecomEmulator, wecomCallback, wecomVoiceXml } from '../emulators/wecom.ts';
import { FeishuEmulator, feishuCallback, messageEvent } from '../emulators/feishu.ts';
import { SlackEmulator, dmEvent, slackEvent } from '../emulators/slack.ts';
import { DingtalkEmulator, dingtalkSign, robotMessage } from '../emulators/dingtalk.ts';
import { appWith, webhookServer } from './helpers.ts';

const TS = Math.floor(SAMPLE_AT.getTime() / 1000);
const FIXTURES = join(import.meta.dirname, '../fixtures/voice');
const AMR = readFileSync(join(FIXTURES, 'visit-note.amr'));
const OGG = readFileSync(join(FIXTURES, 'visit-note.ogg'));
const FEISHU = { encryptKey: 'voice-encrypt-key', token: 'voice-token' };
const WECOM = { token: 'voiceToken', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wwVOICE' };

let db: Db;
/** Adapters with KAM_TRANSCRIPTION_MODEL pointing at the fake; `bare` has no transcription at all. */
let adapters: PlatformAdapters;
let bare: PlatformAdapters;
const stt = new FakeTranscription({ apiKey: 'sk-stt' });
const wecomEmu = new WecomEmulator({ corpId: WECOM.corpId, secret: 'voice-wecom-secret' });
const feishuEmu = new FeishuEmulator({ appId: 'cli_voice', appSecret: 'voice-secret', botOpenId: 'ou_bot' });
const slackEmu = new SlackEmulator({ botToken: 'xoxb-voice', botUserId: 'UBOT', botId: 'BBOT' });
const SLACK_SECRET = 'voice-signing-secret';
const DT = { clientId: 'dingvoice', clientSecret: 'voice-dt-secret' };
const dingEmu = new DingtalkEmulator(DT);
const emulators = [stt, wecomEmu, feishuEmu, slackEmu, dingEmu];

function platformEnv(): Record<string, string> {
  return {
    WECOM_CORP_ID: WECOM.corpId,
    WECOM_AGENT_ID: '1000002',
    WECOM_SECRET: 'voice-wecom-secret',
    WECOM_TOKEN: WECOM.token,
    WECOM_ENCODING_AES_KEY: WECOM.encodingAesKey,
    WECOM_BASE_URL: wecomEmu.url,
    FEISHU_APP_ID: 'cli_voice',
    FEISHU_APP_SECRET: 'voice-secret',
    FEISHU_VERIFICATION_TOKEN: FEISHU.token,
    FEISHU_ENCRYPT_KEY: FEISHU.encryptKey,
    FEISHU_BASE_URL: feishuEmu.url,
    SLACK_BOT_TOKEN: 'xoxb-voice',
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: `${slackEmu.url}/api/`,
    DINGTALK_CLIENT_ID: DT.clientId,
    DINGTALK_CLIENT_SECRET: DT.clientSecret,
    DINGTALK_MODE: 'webhook',
    DINGTALK_API_URL: dingEmu.url,
  };
}

beforeAll(async () => {
  db = await sampleDb();
  await db.query(`UPDATE users SET dingtalk_user_id = 'dt_' || wecom_userid WHERE wecom_userid IS NOT NULL`);
  await Promise.all(emulators.map((e) => e.start()));
  const withStt: AppContext = appWith(db, { ...platformEnv(), KAM_TRANSCRIPTION_MODEL: 'whisper-1', KAM_TRANSCRIPTION_BASE_URL: stt.baseUrl, KAM_TRANSCRIPTION_API_KEY: 'sk-stt' });
  const without: AppContext = appWith(db, platformEnv());
  adapters = buildAdapters(withStt, (msg) => handleMessage(withStt, msg), { clock: () => SAMPLE_AT });
  bare = buildAdapters(without, (msg) => handleMessage(without, msg), { clock: () => SAMPLE_AT });
});

afterAll(async () => {
  for (const a of [...adapters.list, ...bare.list]) await a.stop?.();
  await Promise.all(emulators.map((e) => e.stop()));
  await db.close();
});

const a400Notes = async () => (await db.query<{ summary: string }>(`SELECT summary FROM interactions WHERE account_id = 'A400'`)).rows.map((r) => r.summary);
/** The notes saved since `before` (summaries). */
const added = async (before: string[]) => (await a400Notes()).filter((s) => !before.includes(s));

/** A WAV header's sample rate, channel count and bits per sample. */
function wavFormat(b: Buffer) {
  expect(b.toString('latin1', 0, 4)).toBe('RIFF');
  expect(b.toString('latin1', 8, 12)).toBe('WAVE');
  return { rate: b.readUInt32LE(24), channels: b.readUInt16LE(22), bits: b.readUInt16LE(34), seconds: (b.length - 44) / b.readUInt32LE(28) };
}

describe('WeCom voice messages', () => {
  async function postVoice(set: PlatformAdapters, xml: string) {
    const server = await webhookServer(set);
    const cb = wecomCallback(WECOM, xml, TS);
    const res = await server.inject({ method: 'POST', url: `/webhooks/wecom?${cb.query}`, headers: { 'content-type': 'text/xml' }, payload: cb.body });
    expect(res.statusCode).toBe(200);
    await set.wecom!.work.idle();
    return wecomEmu.sent.filter((m) => m.msgtype === 'markdown').map((m) => m.markdown.content as string);
  }

  it('uses the Recognition field when the app has recognition on: no download, no transcription call, the note is saved', async () => {
    wecomEmu.reset();
    const before = await a400Notes();
    const spoken = '今天上午拜访了北方路桥的何军总工，他对桥梁架设设备二期方案很感兴趣，预算大约600万。下周五前发送技术方案。';
    const texts = await postVoice(adapters, wecomVoiceXml({ corpId: WECOM.corpId, from: 'zhangwei', mediaId: 'never-fetched', msgId: '88001', createTime: TS, recognition: spoken }));
    expect(wecomEmu.calls('/cgi-bin/media/get')).toHaveLength(0);
    expect(stt.received).toHaveLength(0);
    const saved = await added(before);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toContain('二期');
    // The transcript comes first, so a mishearing is seen before the saved note.
    expect(texts[0]).toContain(`🎙️ 语音转写：「${spoken}」`);
    expect(texts[0].indexOf('🎙️')).toBeLessThan(texts[0].indexOf('何军'));
    expect(wecomEmu.sent.some((m) => m.msgtype === 'template_card')).toBe(true);
  });

  it('downloads the AMR through media/get, sends it to the endpoint as 8 kHz WAV, and saves the transcript as a note', async () => {
    wecomEmu.reset();
    wecomEmu.addMedia('voice-media-1', AMR);
    const spoken = '下午拜访了北方路桥的新任总经理高远，高总担心交付周期，要求下周三前发送交付计划。';
    stt.say(spoken);
    const before = await a400Notes();
    const texts = await postVoice(adapters, wecomVoiceXml({ corpId: WECOM.corpId, from: 'zhangwei', mediaId: 'voice-media-1', msgId: '88002', createTime: TS }));
    const downloads = wecomEmu.answered('/cgi-bin/media/get');
    expect(downloads).toHaveLength(1);
    expect(downloads[0].query.media_id).toBe('voice-media-1');
    expect(stt.received).toHaveLength(1);
    const got = stt.received[0];
    expect(got).toMatchObject({ model: 'whisper-1', filename: 'voice.wav', contentType: 'audio/wav', authorization: 'Bearer sk-stt' });
    const wav = wavFormat(got.data);
    expect(wav).toMatchObject({ rate: 8000, channels: 1, bits: 16 });
    // The decoded speech lasts as long as the AMR's frames say (20 ms each), and is not silence.
    expect(wav.seconds).toBeGreaterThan(3);
    const pcm = new Int16Array(got.data.buffer.slice(got.data.byteOffset + 44, got.data.byteOffset + got.data.length));
    expect(Math.max(...pcm.map(Math.abs))).toBeGreaterThan(3000);
    const saved = await added(before);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toContain('交付');
    expect(texts[0]).toContain(`🎙️ 语音转写：「${spoken}」`);
  });

  it('without any transcription configured the reply says how to enable it, and no note is saved', async () => {
    wecomEmu.reset();
    wecomEmu.addMedia('voice-media-2', AMR);
    const before = await a400Notes();
    const texts = await postVoice(bare, wecomVoiceXml({ corpId: WECOM.corpId, from: 'zhangwei', mediaId: 'voice-media-2', msgId: '88003', createTime: TS }));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('KAM_TRANSCRIPTION_MODEL');
    expect(texts[0]).toContain('语音识别');
    expect(await a400Notes()).toEqual(before);
  });

  it('a file over the size cap is not read past the cap and gets a clear reply', async () => {
    wecomEmu.reset();
    wecomEmu.addMedia('voice-huge', Buffer.concat([AMR.subarray(0, 6), Buffer.alloc(11 * 1024 * 1024, 0x3c)]));
    const calls = stt.received.length;
    const texts = await postVoice(adapters, wecomVoiceXml({ corpId: WECOM.corpId, from: 'zhangwei', mediaId: 'voice-huge', msgId: '88005', createTime: TS }));
    expect(stt.received.length).toBe(calls);
    expect(texts[0]).toContain('超过了 10 MB 的上限');
  });

  it('an endpoint that fails gets an apology naming the transcription, and no note', async () => {
    wecomEmu.reset();
    wecomEmu.addMedia('voice-media-6', AMR);
    stt.failNext('/v1/audio/transcriptions', { status: 503, body: { error: { message: 'overloaded' } } });
    const before = await a400Notes();
    const texts = await postVoice(adapters, wecomVoiceXml({ corpId: WECOM.corpId, from: 'zhangwei', mediaId: 'voice-media-6', msgId: '88006', createTime: TS }));
    expect(texts[0]).toContain('语音转写服务暂时出错了');
    expect(await a400Notes()).toEqual(before);
  });

  it('a voice message over 60 seconds gets a clear reply and is not transcribed', async () => {
    wecomEmu.reset();
    // 61.5 s: the fixture's frames repeated after the one #!AMR header.
    const frames = AMR.subarray(6);
    const copies = Math.ceil(61.5 / ((frames.length / 32) * 0.02));
    wecomEmu.addMedia('voice-long', Buffer.concat([AMR.subarray(0, 6), ...Array.from({ length: copies }, () => frames)]));
    const calls = stt.received.length;
    const texts = await postVoice(adapters, wecomVoiceXml({ corpId: WECOM.corpId, from: 'zhangwei', mediaId: 'voice-long', msgId: '88004', createTime: TS }));
    expect(stt.received.length).toBe(calls);
    expect(texts[0]).toMatch(/这条语音有 \d+ 秒，超过了 60 秒的上限/);
  });
});

describe('Feishu audio messages', () => {
  async function postAudio(set: PlatformAdapters, messageId: string, content: unknown) {
    feishuEmu.reset();
    const server = await webhookServer(set);
    const ev = messageEvent({ token: FEISHU.token, senderOpenId: 'ou_zhang_demo', chatType: 'p2p', messageId, messageType: 'audio', content });
    const cb = feishuCallback(ev, { encryptKey: FEISHU.encryptKey, timestamp: TS });
    expect((await server.inject({ method: 'POST', url: '/webhooks/feishu', headers: cb.headers, payload: cb.body })).statusCode).toBe(200);
    await set.feishu!.work.idle();
    return feishuEmu.delivered.map((r) => r.body.content as string);
  }

  it('downloads the Ogg Opus through the message resources API, transcribes it as it is, and saves the note', async () => {
    const spoken = '刚才电话回访了北方路桥的何军总工，他希望下周一前收到二期设备的报价单。';
    stt.say(spoken);
    const calls = stt.received.length;
    const before = await a400Notes();
    feishuEmu.addResource('om_voice_1', 'file_v3_voice_1', OGG);
    const contents = await postAudio(adapters, 'om_voice_1', { file_key: 'file_v3_voice_1', duration: 5200 });
    const downloads = feishuEmu.answered(/\/resources\//);
    expect(downloads.map((r) => [r.path, r.query.type])).toEqual([['/open-apis/im/v1/messages/om_voice_1/resources/file_v3_voice_1', 'file']]);
    expect(stt.received).toHaveLength(calls + 1);
    const got = stt.received.at(-1)!;
    expect(got).toMatchObject({ filename: 'voice.ogg', contentType: 'audio/ogg' });
    expect(got.data.equals(OGG)).toBe(true);
    const saved = await added(before);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toContain('电话回访');
    expect(contents[0]).toContain(`语音转写：「${spoken}」`);
  });

  it('without any transcription configured the reply says how to enable it', async () => {
    const before = await a400Notes();
    const contents = await postAudio(bare, 'om_voice_2', { file_key: 'file_v3_voice_2', duration: 5200 });
    expect(feishuEmu.calls(/\/resources\//)).toHaveLength(0);
    expect(contents.join('')).toContain('KAM_TRANSCRIPTION_MODEL');
    expect(await a400Notes()).toEqual(before);
  });

  it('a voice message Feishu says is over 60 seconds is refused before the download', async () => {
    const contents = await postAudio(adapters, 'om_voice_3', { file_key: 'file_v3_voice_3', duration: 75_000 });
    expect(feishuEmu.calls(/\/resources\//)).toHaveLength(0);
    expect(contents.join('')).toContain('75 秒');
  });
});

describe('Slack audio files', () => {
  let seq = 0;
  async function postClip(set: PlatformAdapters, file: Record<string, unknown>) {
    slackEmu.reset();
    const server = await webhookServer(set);
    const ts = `1700000100.${String(++seq).padStart(6, '0')}`;
    const ev = slackEvent(SLACK_SECRET, TS, dmEvent(`EvVoice${seq}`, 'U0ZHANG', '', { subtype: 'file_share', ts, event_ts: ts, files: [file] }));
    expect((await server.inject({ method: 'POST', url: '/webhooks/slack', headers: ev.headers, payload: ev.body })).statusCode).toBe(200);
    await set.slack!.work.idle();
    return slackEmu.posts.map((p) => JSON.stringify(p.blocks ?? p.text));
  }

  const clip = (id: string, url: string, extra: Record<string, unknown> = {}) => ({
    id,
    name: 'audio_message.ogg',
    mimetype: 'audio/ogg',
    filetype: 'ogg',
    subtype: 'slack_audio',
    size: OGG.length,
    duration_ms: 5200,
    url_private: url,
    url_private_download: `${url}?download=1`,
    ...extra,
  });

  it('downloads the clip from url_private_download with the bot token, transcribes it, and saves the note', async () => {
    const url = slackEmu.addFile('F0VOICE1', 'audio_message.ogg', OGG, 'audio/ogg');
    const spoken = '今天在北方路桥现场见了何军总工，他确认二期设备预算600万，下周四前要我们的培训计划。';
    stt.say(spoken);
    const before = await a400Notes();
    const posts = await postClip(adapters, clip('F0VOICE1', url));
    const downloads = slackEmu.answered(/^\/files-pri\//);
    expect(downloads).toHaveLength(1);
    expect(downloads[0].headers.authorization).toBe('Bearer xoxb-voice');
    expect(downloads[0].query.download).toBe('1');
    expect(stt.received.at(-1)!.data.equals(OGG)).toBe(true);
    const saved = await added(before);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toContain('现场');
    expect(posts[0]).toContain(`语音转写：「${spoken}」`);
  });

  it('never sends the bot token to a host that is not Slack', async () => {
    const calls = stt.received.length;
    const posts = await postClip(adapters, clip('F0EVIL', 'https://files.example.com/steal'));
    expect(stt.received.length).toBe(calls);
    expect(posts.join('')).toContain('没能从平台下载这条语音');
  });

  it('without any transcription configured the reply says how to enable it', async () => {
    const url = slackEmu.addFile('F0VOICE2', 'audio_message.ogg', OGG, 'audio/ogg');
    const before = await a400Notes();
    const posts = await postClip(bare, clip('F0VOICE2', url));
    expect(slackEmu.calls(/^\/files-pri\//)).toHaveLength(0);
    expect(posts.join('')).toContain('KAM_TRANSCRIPTION_MODEL');
    expect(await a400Notes()).toEqual(before);
  });
});

describe('DingTalk audio messages', () => {
  async function postAudio(set: PlatformAdapters, msgId: string, content: Record<string, unknown>) {
    dingEmu.reset();
    const server = await webhookServer(set);
    const payload = robotMessage({ msgId, staffId: 'dt_zhangwei', text: '', msgtype: 'audio', content });
    const res = await server.inject({ method: 'POST', url: '/webhooks/dingtalk', headers: { 'content-type': 'application/json', ...dingtalkSign(DT.clientSecret, SAMPLE_AT.getTime()) }, payload: JSON.stringify(payload) });
    expect(res.statusCode).toBe(200);
    await set.dingtalk!.work.idle();
    return dingEmu.cards.map((c) => JSON.stringify(c.card));
  }

  it("uses DingTalk's recognition when the message carries one: no download", async () => {
    const spoken = '上午去北方路桥拜访了何军总工，双方确认了二期设备的安装窗口，月底前提交施工方案。';
    const calls = stt.received.length;
    const before = await a400Notes();
    const cards = await postAudio(adapters, 'msgVoiceDt1', { downloadCode: 'dc-never', duration: 6000, recognition: spoken });
    expect(dingEmu.calls('/v1.0/robot/messageFiles/download')).toHaveLength(0);
    expect(stt.received.length).toBe(calls);
    const saved = await added(before);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toContain('安装窗口');
    expect(cards[0]).toContain(`语音转写：「${spoken}」`);
  });

  it('without recognition exchanges the download code, fetches the file and transcribes it (AMR as WAV)', async () => {
    dingEmu.addFile('dc-voice-2', AMR);
    const spoken = '傍晚和北方路桥的高远总经理通了电话，他同意下个月安排一次设备试用。';
    stt.say(spoken);
    const before = await a400Notes();
    const cards = await postAudio(adapters, 'msgVoiceDt2', { downloadCode: 'dc-voice-2', duration: 5000 });
    const exchange = dingEmu.answered('/v1.0/robot/messageFiles/download');
    expect(exchange.map((r) => r.body)).toEqual([{ downloadCode: 'dc-voice-2', robotCode: DT.clientId }]);
    expect(dingEmu.answered(/^\/temporary\/media-file\//)).toHaveLength(1);
    expect(stt.received.at(-1)).toMatchObject({ filename: 'voice.wav', contentType: 'audio/wav' });
    expect(wavFormat(stt.received.at(-1)!.data).rate).toBe(8000);
    const saved = await added(before);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toContain('高远');
    expect(cards[0]).toContain(`语音转写：「${spoken}」`);
  });

  it('without recognition or a transcription endpoint the reply says how to enable it', async () => {
    const before = await a400Notes();
    const cards = await postAudio(bare, 'msgVoiceDt3', { downloadCode: 'dc-voice-3', duration: 5000 });
    expect(dingEmu.calls('/v1.0/robot/messageFiles/download')).toHaveLength(0);
    expect(cards.join('')).toContain('KAM_TRANSCRIPTION_MODEL');
    expect(await a400Notes()).toEqual(before);
  });
});
