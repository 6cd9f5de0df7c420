// Alerts in bound groups through each platform's wire (issue 19): pressing the acknowledge button
// of an alert card posted in a group (a Feishu card.action.trigger, a Slack block_actions, a
// DingTalk card callback) records the person who pressed it — a member of the account team who was
// not among the alert's personal recipients — and updates the card; and an alert nobody
// acknowledged is escalated into the group too, the manager above and the AR @-mentioned.
// WeCom's appchat takes no template cards (README, WeCom), so there is no button to press there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { decodeButtonValue as slackButton } from '../../adapters/slack/render.ts';
import { decodeButtonId } from '../../adapters/dingtalk/render.ts';
import { groupAlertRows } from '../../src/groups/deliver.ts';
import { groupSettings } from '../../src/groups/settings.ts';
import { escalateAlerts } from '../../src/insights/alerts/escalate.ts';
import { sweepAlerts } from '../../src/insights/alerts/sweep.ts';
import { loadTunables } from '../../src/insights/settings.ts';
import { TEST_TZ } from '../helpers/paths.ts';
import { at } from '../insights/helpers.ts';
import { cardPress, dingtalkSign } from '../emulators/dingtalk.ts';
import { cardActionEvent, feishuCallback } from '../emulators/feishu.ts';
import { slackForm } from '../emulators/slack.ts';
import { webhookServer } from '../adapters/helpers.ts';
import { CHATS, DT, FEISHU, groupWorld, SLACK_SECRET, type GroupWorld } from './world.ts';

const NOW = new Date('2026-11-24T10:00:00+08:00');
/** exec_silence escalates after 72 hours (exec_silence.escalate_after_hours). */
const LATER = new Date('2026-11-27T10:30:00+08:00');
let clock = NOW;
let w: GroupWorld;
let server: FastifyInstance;
const alertIds = new Map<string, number>();

beforeAll(async () => {
  w = await groupWorld(() => clock);
  server = await webhookServer(w.adapters);
  await sweepAlerts(w.db, { at: at('2026-11-24T10:00'), lang: 'zh' });
  await w.drain(NOW);
  const { rows } = await w.db.query<{ id: number; rule: string }>("SELECT id, rule FROM alerts WHERE account_id = 'A200' ORDER BY id");
  for (const r of rows) alertIds.set(r.rule, Number(r.id));
}, 60000);

afterAll(async () => {
  await server.close();
  await w.stop();
});

/** Every object inside a value (a posted card or blocks), depth first. */
function* objects(v: unknown): Generator<Record<string, any>> {
  if (Array.isArray(v)) for (const x of v) yield* objects(x);
  else if (v && typeof v === 'object') {
    yield v as Record<string, any>;
    for (const x of Object.values(v)) yield* objects(x);
  }
}

async function ackedBy(id: number): Promise<string | null> {
  const { rows } = await w.db.query<{ acknowledged_by: string | null }>('SELECT acknowledged_by FROM alerts WHERE id = $1', [id]);
  return rows[0].acknowledged_by;
}

describe('the acknowledge button of an alert card posted in a group', () => {
  it('Feishu: the press records who pressed it and the callback answer replaces the card', async () => {
    const id = alertIds.get('budget_lag')!;
    const posted = w.feishu.calls('/open-apis/im/v1/messages').filter((r) => r.query.receive_id_type === 'chat_id' && r.body.receive_id === CHATS.feishu);
    const button = [...objects(posted.map((r) => JSON.parse(r.body.content)))].find((o) => o.tag === 'button' && o.value?.kam_action === 'alert.ack' && o.value?.kam_value?.alert_id === String(id));
    expect(button).toBeDefined();
    // 王磊 is the account's SR: not a personal recipient of budget_lag (the AR's), but in the group.
    const press = feishuCallback(cardActionEvent({ token: FEISHU.token, createTime: NOW.getTime(), operatorOpenId: 'ou_wang_demo', value: button!.value, messageId: 'om_sent_a200', chatId: CHATS.feishu }), {
      encryptKey: FEISHU.encryptKey,
      timestamp: Math.floor(NOW.getTime() / 1000),
    });
    const res = await server.inject({ method: 'POST', url: '/webhooks/feishu', headers: press.headers, body: press.body });
    expect(res.statusCode).toBe(200);
    expect(res.json().card.type).toBe('raw');
    expect(JSON.stringify(res.json().card.data)).toContain('王磊 已确认收到');
    expect(await ackedBy(id)).toBe('u_wang');
  });

  it('Slack: the block_actions press records who pressed it and updates the message in place', async () => {
    const id = alertIds.get('stalled_opportunity')!;
    const post = w.slack.posts.find((p) => p.channel === CHATS.slack && [...objects(p.blocks)].some((o) => slackButton(o.value)?.value?.alert_id === String(id)));
    const button = [...objects(post.blocks)].find((o) => o.type === 'button' && slackButton(o.value)?.action === 'alert.ack')!;
    const payload = {
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U0ZHAO' },
      api_app_id: 'A1',
      trigger_id: 'trig-ack',
      container: { type: 'message', message_ts: '1700000100.000001', channel_id: CHATS.slack, is_ephemeral: false },
      channel: { id: CHATS.slack },
      message: { ts: '1700000100.000001', text: post.text },
      response_url: w.slack.responseUrl('ack1'),
      actions: [{ type: 'button', action_id: button.action_id, block_id: 'b1', value: button.value, action_ts: '1700000105.1' }],
    };
    const signed = slackForm(SLACK_SECRET, Math.floor(NOW.getTime() / 1000), { payload: JSON.stringify(payload) });
    expect((await server.inject({ method: 'POST', url: '/webhooks/slack', headers: signed.headers, body: signed.body })).statusCode).toBe(200);
    await w.adapters.slack!.work.idle();
    const [update] = w.slack.calls('/api/chat.update');
    expect(update.body).toMatchObject({ channel: CHATS.slack, ts: '1700000100.000001' });
    expect(update.body.text).toContain('赵敏 已确认收到');
    expect(await ackedBy(id)).toBe('u_zhao');
  });

  it('DingTalk: the card callback from the group records who pressed it and updates the card (same cardBizId)', async () => {
    const id = alertIds.get('health_drop')!;
    const card = w.dingtalk.cards.find((c) => c.body.openConversationId === CHATS.dingtalk && [...objects(c.card)].some((o) => decodeButtonId(o.id)?.value?.alert_id === String(id)))!;
    const button = [...objects(card.card)].find((o) => decodeButtonId(o.id)?.action === 'alert.ack')!;
    const press = cardPress({ bizId: card.body.cardBizId, staffId: 'dt_li', buttonId: button.id, group: CHATS.dingtalk });
    const res = await server.inject({ method: 'POST', url: '/webhooks/dingtalk', headers: { 'content-type': 'application/json', ...dingtalkSign(DT.clientSecret, NOW.getTime()) }, payload: JSON.stringify(press) });
    expect(res.statusCode).toBe(200);
    await w.adapters.dingtalk!.work.idle();
    const [update] = w.dingtalk.calls('/v1.0/im/robots/interactiveCards');
    expect(update.body.cardBizId).toBe(card.body.cardBizId);
    expect(update.body.cardData).toContain('李娜 已确认收到');
    // 李娜 is the AR but health_drop went to the manager only: the group's press counts all the same.
    expect(await ackedBy(id)).toBe('u_li');
  });
});

describe('escalation into the bound groups', () => {
  it('an alert nobody acknowledged is escalated to the manager above and into every bound group, both @-mentioned', async () => {
    clock = LATER;
    const tunables = await loadTunables(w.db);
    const escalations = await escalateAlerts(w.db, { now: LATER, pushAt: LATER, tunables, lang: 'zh', tz: TEST_TZ });
    const id = alertIds.get('exec_silence')!;
    expect(escalations.filter((e) => e.alertId === id).map((e) => e.to)).toEqual(['u_vp']);
    const { rows } = await w.db.query<{ recipient_id: string }>("SELECT recipient_id FROM outbox WHERE kind = 'escalation' AND alert_id = $1 ORDER BY recipient_id", [id]);
    expect(rows.map((r) => r.recipient_id)).toEqual([`group:dingtalk:${CHATS.dingtalk}`, `group:feishu:${CHATS.feishu}`, `group:slack:${CHATS.slack}`, `group:wecom:${CHATS.wecom}`, 'u_vp']);
    await w.drain(LATER);

    // 刘总 (the VP) has no messaging identity: named in plain text; 李娜 (the AR) @-mentioned in each platform's syntax.
    const feishuCard = w.feishu.calls('/open-apis/im/v1/messages').filter((r) => r.body.receive_id === CHATS.feishu).at(-1)!.body.content as string;
    expect(feishuCard).toContain('<at id=ou_li_demo></at>');
    expect(feishuCard).toContain('@刘总');
    expect(feishuCard).toContain('升级');
    const slackPost = w.slack.posts.filter((p) => p.channel === CHATS.slack).at(-1);
    expect(slackPost.text).toContain('<@U0LI>');
    expect(slackPost.text).toContain('升级');
    const wecomPost = w.wecom.calls('/cgi-bin/appchat/send').filter((r) => r.body.chatid === CHATS.wecom).at(-1)!.body.markdown.content as string;
    expect(wecomPost).toContain('<@lina>');
    expect(wecomPost).toContain('升级');
    const dtCard = w.dingtalk.cards.filter((c) => c.body.openConversationId === CHATS.dingtalk).at(-1)!;
    expect(JSON.parse(dtCard.body.sendOptions.atUserListJson)).toEqual([{ nickName: '李娜', userId: 'dt_li' }]);
    expect(JSON.stringify(dtCard.card)).toContain('升级');
  });

  it("the escalation card's button in the group acknowledges it as the manager who pressed it (DingTalk)", async () => {
    const id = alertIds.get('exec_silence')!;
    const card = w.dingtalk.cards.filter((c) => c.body.openConversationId === CHATS.dingtalk).at(-1)!;
    const button = [...objects(card.card)].find((o) => decodeButtonId(o.id)?.action === 'alert.ack')!;
    expect(decodeButtonId(button.id)?.value?.alert_id).toBe(String(id));
    const press = cardPress({ bizId: card.body.cardBizId, staffId: 'dt_chen', buttonId: button.id, group: CHATS.dingtalk });
    const res = await server.inject({ method: 'POST', url: '/webhooks/dingtalk', headers: { 'content-type': 'application/json', ...dingtalkSign(DT.clientSecret, LATER.getTime()) }, payload: JSON.stringify(press) });
    expect(res.statusCode).toBe(200);
    await w.adapters.dingtalk!.work.idle();
    expect(w.dingtalk.calls('/v1.0/im/robots/interactiveCards').at(-1)!.body.cardData).toContain('陈志强 已确认收到');
    expect(await ackedBy(id)).toBe('u_chen');
  });

  it('which escalations reach groups follows the per-rule setting groups.alert_rules, and groups.escalations turns them all off', async () => {
    const id = alertIds.get('exec_silence')!;
    const alert = { id, rule: 'exec_silence', accountId: 'A200' };
    const render = () => ({ lang: 'zh' as const, text: 'x' });
    const rows = (values: [string, unknown][]) => groupAlertRows(w.db, [alert], render, groupSettings(new Map(values)), 'escalation');
    expect(await rows([])).toHaveLength(4);
    expect(await rows([['groups.alert_rules', ['complaint_open']]])).toEqual([]);
    expect(await rows([['groups.escalations', false]])).toEqual([]);
  });
});
