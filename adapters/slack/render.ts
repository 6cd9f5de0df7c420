// Reply → Slack Block Kit messages: a header, mrkdwn sections (≤3,000 characters each), a context
// line of sources and an actions block. A long reply becomes several messages.
import { platformTexts } from '../../prompts/platforms.ts';
import { t } from '../../prompts/index.ts';
import { splitText, truncate } from '../shared/split.ts';
import type { Button, ButtonAction, Reply } from '../../src/chat/types.ts';
import type { SlackMessage } from './types.ts';
import { withoutTitleLine } from '../../src/chat/title.ts';
import { citationLabel } from '../../src/chat/citation-label.ts';

/** Section text limit of Block Kit; also keeps the fallback `text` under Slack's 4,000 advice. */
export const SLACK_SECTION_CHARS = 3000;
const MAX_BUTTONS = 25;
/** Buttons carry our action in action_id "kam:<n>" and the rest in value (≤2,000 characters). */
export const ACTION_PREFIX = 'kam:';

/** &, < and > are control characters in Slack text. */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function body(reply: Reply): string {
  return withoutTitleLine(reply.text, reply.title);
}

export function renderSlackMessages(reply: Reply): SlackMessage[] {
  const chunks = splitText(body(reply), SLACK_SECTION_CHARS);
  if (!chunks.length) chunks.push('');
  return chunks.map((chunk, i) => {
    const last = i === chunks.length - 1;
    const blocks: unknown[] = [];
    if (reply.title && i === 0) blocks.push({ type: 'header', text: { type: 'plain_text', text: truncate(reply.title, 150) } });
    if (chunk) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(chunk) } });
    if (last && reply.citations?.length) {
      const refs = reply.citations.map((c) => citationLabel(c)).join(' · ');
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(`${t(platformTexts, 'sources', reply.lang)}: ${refs}`) }] });
    }
    if (last && reply.buttons?.length) blocks.push({ type: 'actions', elements: reply.buttons.slice(0, MAX_BUTTONS).map(renderButton) });
    const fallback = [i === 0 ? reply.title : undefined, chunk].filter(Boolean).join('\n');
    return { text: truncate(fallback || reply.text, 3900), blocks };
  });
}

function renderButton(b: Button, i: number) {
  return {
    type: 'button',
    action_id: `${ACTION_PREFIX}${i}`,
    text: { type: 'plain_text', text: truncate(b.label, 75) },
    value: encodeButtonValue(b),
    ...(b.style === 'primary' || b.style === 'danger' ? { style: b.style } : {}),
  };
}

export function encodeButtonValue(b: ButtonAction): string {
  const v = JSON.stringify({ a: b.action, ...(b.value ? { v: b.value } : {}) });
  if (v.length > 2000) throw new RangeError(`button ${b.action} carries too much data for a Slack button value`);
  return v;
}

export function decodeButtonValue(value: string | undefined): ButtonAction | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as { a?: unknown; v?: unknown };
    if (typeof parsed.a !== 'string') return undefined;
    const out: ButtonAction = { action: parsed.a };
    if (parsed.v && typeof parsed.v === 'object') out.value = Object.fromEntries(Object.entries(parsed.v).map(([k, x]) => [k, String(x)]));
    return out;
  } catch {
    return undefined;
  }
}
