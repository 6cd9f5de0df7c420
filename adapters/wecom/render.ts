// Reply → WeCom messages: markdown parts of at most 2,048 UTF-8 bytes each (split between lines,
// never inside a character), then a button_interaction template card when the reply has buttons.
import { createHash } from 'node:crypto';
import { platformTexts } from '../../prompts/platforms.ts';
import { t } from '../../prompts/index.ts';
import { splitText, truncate, utf8Bytes } from '../shared/split.ts';
import type { Button, ButtonAction, Reply } from '../../src/chat/types.ts';
import type { WecomChatOutgoing, WecomOutgoing, WecomTemplateCard } from './types.ts';
import { withoutTitleLine } from '../../src/chat/title.ts';
import { citationLabel } from '../../src/chat/citation-label.ts';

/** WeCom truncates app text and markdown messages past 2,048 bytes. */
export const WECOM_MESSAGE_BYTES = 2048;
/** Button keys come back as EventKey; WeCom allows 1,024 bytes. */
const BUTTON_KEY_BYTES = 1024;
const MAX_BUTTONS = 6;

export function renderMarkdownBody(reply: Reply): string {
  const lines: string[] = [];
  const body = stripLeadingTitle(reply.text, reply.title);
  if (reply.title) lines.push(`**${reply.title}**`);
  if (body) lines.push(body);
  if (reply.citations?.length) {
    const refs = reply.citations.map((c) => citationLabel(c)).join('；');
    lines.push(`> ${t(platformTexts, 'sources', reply.lang)}：${refs}`);
  }
  return lines.join('\n');
}

function stripLeadingTitle(text: string, title?: string): string {
  return withoutTitleLine(text, title);
}

function markdownParts(reply: Reply): Extract<WecomOutgoing, { msgtype: 'markdown' }>[] {
  return splitText(renderMarkdownBody(reply), WECOM_MESSAGE_BYTES, utf8Bytes).map((content) => ({ msgtype: 'markdown', markdown: { content } }));
}

/** The parts to send, in order. `taskId` must be unique per app (the card's identity). */
export function renderWecom(reply: Reply, taskId: string): WecomOutgoing[] {
  const parts: WecomOutgoing[] = markdownParts(reply);
  const buttons = (reply.buttons ?? []).slice(0, MAX_BUTTONS);
  if (buttons.length) parts.push({ msgtype: 'template_card', template_card: renderCard(reply, buttons, taskId) });
  return parts;
}

/**
 * The parts for an appchat group: markdown only, same 2,048-byte split. appchat/send has no
 * template card, so buttons stay out; their actions are answered in the one-to-one chat.
 */
export function renderWecomChat(reply: Reply): WecomChatOutgoing[] {
  return markdownParts(reply);
}

function renderCard(reply: Reply, buttons: Button[], taskId: string): WecomTemplateCard {
  const firstLine = reply.text.split('\n').find((l) => l.trim()) ?? '';
  return {
    card_type: 'button_interaction',
    main_title: { title: truncate(reply.title ?? firstLine, 26), ...(reply.title && firstLine && firstLine !== reply.title ? { desc: truncate(firstLine, 30) } : {}) },
    ...(reply.facts?.length
      ? { horizontal_content_list: reply.facts.slice(0, 6).map((f) => ({ keyname: truncate(f.label, 5), value: truncate(f.value, 26) })) }
      : {}),
    task_id: taskId,
    button_list: buttons.map((b) => ({ text: truncate(b.label, 10), style: b.style === 'primary' ? 1 : b.style === 'danger' ? 3 : 2, key: encodeButtonKey(b) })),
  };
}

/** `action?k=v&…`: what comes back as EventKey when the button is pressed. */
export function encodeButtonKey(b: ButtonAction): string {
  const query = b.value ? new URLSearchParams(b.value).toString() : '';
  const key = query ? `${b.action}?${query}` : b.action;
  if (utf8Bytes(key) > BUTTON_KEY_BYTES) throw new RangeError(`button ${b.action} carries too much data for a WeCom key`);
  return key;
}

export function decodeButtonKey(key: string): ButtonAction {
  const i = key.indexOf('?');
  if (i < 0) return { action: key };
  return { action: key.slice(0, i), value: Object.fromEntries(new URLSearchParams(key.slice(i + 1))) };
}

/** task_id: unique per app, ≤128 bytes of [0-9a-zA-Z_-@]; derived from what caused the card. */
export function taskIdFor(cause: string): string {
  return `kam-${createHash('sha256').update(cause).digest('hex').slice(0, 40)}`;
}

const OUR_TASK_ID = /^kam-[0-9a-f]{40}$/;

/** Whether a card (by its task_id) is one we sent; other senders' cards are not ours to answer. */
export function isOurTaskId(taskId: string): boolean {
  return OUR_TASK_ID.test(taskId);
}

/** Short label that replaces the pressed button once the action is done. */
export function doneLabel(reply: Reply): string {
  const first = reply.title ?? reply.text.split('\n').find((l) => l.trim()) ?? t(platformTexts, 'done', reply.lang);
  return truncate(first.trim(), 12);
}
