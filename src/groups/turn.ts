// A message in a group chat: "@bot 绑定 X" / "bind X", "解绑" / "unbind", and acknowledging the
// alerts posted to the group ("收到" or the card's button, recorded as the person who said it).
// Afterwards every answer meant for a bound group passes `gateGroupReply`: it is posted in the group
// only when everything it is about is visible to every member of the binding; otherwise it goes
// to the asker privately (through the outbox) and the group is told so.
import type { Reply } from '../chat/types.ts';
import { groupTexts } from '../../prompts/groups.ts';
import { t } from '../../prompts/index.ts';
import { listJoin, ruleNames } from '../../prompts/insights.ts';
import { ACK_TEXT } from '../conversation/tools/alerts-ack.ts';
import type { TurnContext } from '../conversation/types.ts';
import { groupKey, isGroupPlatform, postableInGroup, stringsIn } from '../domain/groups.ts';
import { UserInputError } from '../errors.ts';
import { ACK_WINDOW_DAYS } from '../insights/alerts/acknowledge.ts';
import { acknowledgeInGroup, bindingMembers, bindingOf, deleteBinding, existingAccountIds, openAlertsInGroup, visibleToAll } from '../store/group-bindings.ts';
import { enqueue } from '../store/outbox.ts';
import { bindGroup, checkRight, resolveBindTarget } from './bind.ts';

const BIND = /^(?:绑定|绑到|bind(?:\s+to)?)\s*[:：]?\s*(.*)$/is;
const UNBIND = /^(?:解绑|解除绑定|取消绑定|unbind)[。.!！]*$/i;

function inGroup(turn: TurnContext): boolean {
  return turn.msg.chatType === 'group' && isGroupPlatform(turn.msg.platform);
}

/**
 * A button pressed on a card in a bound chat was pressed in that group, whatever the platform
 * could tell: Feishu's card callback (card.action.trigger) names the chat (context.open_chat_id)
 * but not its type, so the adapter cannot know a group card from a one-to-one one.
 */
async function pressedInBoundGroup(turn: TurnContext): Promise<void> {
  const { msg, app } = turn;
  if (!msg.action || msg.chatType === 'group' || !isGroupPlatform(msg.platform)) return;
  if (await bindingOf(app.db, msg.platform, msg.chatId)) turn.msg = { ...msg, chatType: 'group' };
}

/** Takes the turn for binding commands and acknowledgements in a group; null otherwise. */
export async function groupTurn(turn: TurnContext): Promise<Reply | null> {
  await pressedInBoundGroup(turn);
  if (!inGroup(turn)) return null;
  const { app, msg, lang, user, now } = turn;
  const text = msg.text.trim();
  const bind = msg.action ? null : BIND.exec(text);
  if (bind) {
    try {
      const { target, name } = await resolveBindTarget(app.db, user, bind[1], lang);
      await bindGroup(app.db, { platform: msg.platform as never, chatId: msg.chatId, binder: user, target, name, now, lang });
      return { lang, text: t(groupTexts, target.kind === 'account' ? 'boundAccount' : 'boundTeam', lang, { name }), data: { bound: { platform: msg.platform, chat_id: msg.chatId, ...target } } };
    } catch (e) {
      if (e instanceof UserInputError) return { lang, text: e.message, data: { error: 'bind_refused' } };
      throw e;
    }
  }
  const binding = await bindingOf(app.db, msg.platform, msg.chatId);
  if (!msg.action && UNBIND.test(text)) {
    if (!binding) return { lang, text: t(groupTexts, 'notBound', lang) };
    try {
      // Unbinding takes the same right as binding.
      await checkRight(app.db, user, binding.target, binding.targetName, lang);
    } catch (e) {
      if (e instanceof UserInputError) return { lang, text: e.message, data: { error: 'unbind_refused' } };
      throw e;
    }
    await deleteBinding(app.db, binding.platform, binding.chatId);
    return { lang, text: t(groupTexts, 'unbound', lang, { name: binding.targetName }), data: { unbound: { platform: binding.platform, chat_id: binding.chatId } } };
  }
  if (!binding) return null;
  const key = groupKey(msg.platform, msg.chatId);
  const ackButton = msg.action?.action === 'alert.ack' ? Number(msg.action.value?.alert_id) : undefined;
  if (ackButton !== undefined || (!msg.action && ACK_TEXT.test(text))) {
    const ids = ackButton !== undefined ? [ackButton].filter((n) => Number.isInteger(n) && n > 0) : await openAlertsInGroup(app.db, key, new Date(now.getTime() - ACK_WINDOW_DAYS * 86400_000), now);
    const done = await acknowledgeInGroup(app.db, key, ids, user.id, now);
    if (!done.length) return { lang, text: t(groupTexts, 'groupAckNothing', lang), data: { acknowledged: [] } };
    const list = listJoin(done.map((a) => `${t(ruleNames, a.rule, lang)} · ${a.accountName}`), lang);
    return { lang, text: t(groupTexts, 'groupAcked', lang, { user: user.name, list }), data: { acknowledged: done.map((a) => a.id), by: user.id } };
  }
  return null;
}

/** Data-free replies (help, a refusal, a clarifying question without data) may always go to the group. */
function carriesData(reply: Reply): boolean {
  const data = reply.data as Record<string, unknown> | undefined;
  if (!data) return Boolean(reply.citations?.length);
  if (data.error || data.tool === 'help' || data.bound || data.unbound || data.acknowledged) return false;
  return true;
}

export async function gateGroupReply(turn: TurnContext, reply: Reply): Promise<Reply> {
  if (!inGroup(turn)) return reply;
  const { app, msg, user, lang, now } = turn;
  const binding = await bindingOf(app.db, msg.platform, msg.chatId);
  if (!binding) return reply;
  const touched = await existingAccountIds(app.db, stringsIn([reply.data, reply.citations]));
  const members = await bindingMembers(app.db, binding);
  if (postableInGroup(touched, await visibleToAll(app.db, members), carriesData(reply))) return reply;
  const intro = t(groupTexts, 'privateIntro', lang);
  const privately: Reply = { ...reply, text: `${intro}\n${reply.text}` };
  await enqueue(app.db, [{ recipientId: user.id, kind: 'answer', payload: { reply: privately }, dedupKey: `answer:${msg.platform}:${msg.eventId ?? turn.rawMessageId}` }], now);
  app.log.info({ event: 'group_answer_private', platform: msg.platform, accounts: touched.length }, 'group answer sent privately: not every member may see it');
  return { lang, text: t(groupTexts, 'privateNotice', lang, { name: user.name }), data: { private: true, accounts: touched } };
}
