// Acknowledging alerts in chat: the "收到" button of a pushed alert (action 'alert.ack'), or a
// message that is just an acknowledgement ("收到", "知道了", "got it") for everything recently sent
// to the user. An acknowledged alert no longer escalates.
import type { Reply } from '../../chat/types.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { alertTexts, listJoin, ruleNames } from '../../../prompts/insights.ts';
import { acknowledgeAlert, acknowledgeRecent } from '../../insights/alerts/acknowledge.ts';
import type { AlertRecord } from '../../store/alerts.ts';
import type { TurnContext, TurnHandler } from '../types.ts';

export const ACK_TEXT = /^(收到|收到了|好的?[,,]?收到|已收到|知道了|明白|了解|ok[,,]?\s*收到|got it|ack(nowledged)?|noted|roger)[。.!!~]*$/i;

function acked(list: AlertRecord[], lang: Lang): Reply {
  if (!list.length) return { lang, text: t(alertTexts, 'ack_nothing', lang), data: { acknowledged: [] } };
  const names = list.map((a) => `${t(ruleNames, a.rule, lang)} · ${a.accountName}`);
  return { lang, text: t(alertTexts, 'acked', lang, { n: list.length, list: listJoin(names, lang) }), data: { acknowledged: list.map((a) => a.id) } };
}

export const handleAlertAck: TurnHandler = async (turn: TurnContext) => {
  const { app, user, now, lang, msg } = turn;
  if (msg.action?.action === 'alert.ack') {
    const id = Number(msg.action.value?.alert_id);
    if (!Number.isInteger(id) || id <= 0) return { lang, text: t(alertTexts, 'ack_not_found', lang) };
    const list = await acknowledgeAlert(app.db, id, user.id, now);
    return list.length ? acked(list, lang) : { lang, text: t(alertTexts, 'ack_not_found', lang), data: { acknowledged: [] } };
  }
  if (!msg.action && ACK_TEXT.test(msg.text.trim())) return acked(await acknowledgeRecent(app.db, user.id, now), lang);
  return null;
};
