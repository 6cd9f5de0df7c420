// Reply → DingTalk StandardCard data: a header, markdown blocks, a sources note and a row of
// buttons whose ids carry our action (a press comes back as cardPrivateData.actionIds[0]).
// Long answers are split over several cards.
import { createHash } from 'node:crypto';
import { platformTexts } from '../../prompts/platforms.ts';
import { t } from '../../prompts/index.ts';
import { splitText } from '../shared/split.ts';
import type { Button, ButtonAction, Reply } from '../../src/chat/types.ts';
import type { DingtalkPart, StandardCard } from './types.ts';
import { withoutTitleLine } from '../../src/chat/title.ts';
import { citationLabel } from '../../src/chat/citation-label.ts';

/** Characters of markdown per card; DingTalk's robot messages stay well under 5,000. */
export const DINGTALK_CARD_CHARS = 3000;
const MAX_BUTTONS = 6;
export const BUTTON_PREFIX = 'kam.';
const STATUS = { primary: 'primary', danger: 'warning', default: 'normal' } as const;

/** DingTalk markdown has no escape for HTML-looking text; angle brackets are shown literally as full-width. */
function escapeMd(s: string): string {
  return s.replace(/</g, '＜').replace(/>/g, '＞');
}

function body(reply: Reply): string {
  return withoutTitleLine(reply.text, reply.title);
}

/** A stable cardBizId per answer part: a resend after a failure updates instead of duplicating. */
export function cardBizId(cause: string, part: number): string {
  return `kam_${createHash('sha256').update(`${cause}#${part}`).digest('hex').slice(0, 32)}`;
}

export function renderDingtalkCards(reply: Reply, cause: string, mentionLine?: string): DingtalkPart[] {
  const text = mentionLine ? `${mentionLine}\n${body(reply)}` : body(reply);
  const chunks = splitText(text, DINGTALK_CARD_CHARS);
  if (!chunks.length) chunks.push('');
  return chunks.map((chunk, i) => {
    const last = i === chunks.length - 1;
    const contents: unknown[] = [];
    if (chunk) contents.push({ type: 'markdown', text: escapeMd(chunk).replace(/\n/g, '  \n'), id: `md_${i}` });
    if (last && reply.citations?.length) {
      const refs = reply.citations.map((c) => citationLabel(c)).join(' · ');
      contents.push({ type: 'text', text: `${t(platformTexts, 'sources', reply.lang)}: ${refs}`, id: 'sources' });
    }
    if (last && reply.buttons?.length) contents.push({ type: 'action', actions: reply.buttons.slice(0, MAX_BUTTONS).map(renderButton), id: 'actions' });
    const title = reply.title ? `${reply.title}${i > 0 ? ` ${t(platformTexts, 'continued', reply.lang)}` : ''}` : undefined;
    const card: StandardCard = { config: { autoLayout: true, enableForward: true }, ...(title ? { header: { title: { type: 'text', text: title } } } : {}), contents };
    return { card, bizId: cardBizId(cause, i) };
  });
}

function renderButton(b: Button) {
  return { type: 'button', label: { type: 'text', text: b.label }, actionType: 'request', status: STATUS[b.style ?? 'default'], id: encodeButtonId(b) };
}

/** Our action in the button id: "kam." + base64url of {a, v}. */
export function encodeButtonId(b: ButtonAction): string {
  return `${BUTTON_PREFIX}${Buffer.from(JSON.stringify({ a: b.action, ...(b.value ? { v: b.value } : {}) }), 'utf8').toString('base64url')}`;
}

export function decodeButtonId(id: string | undefined): ButtonAction | undefined {
  if (!id?.startsWith(BUTTON_PREFIX)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(id.slice(BUTTON_PREFIX.length), 'base64url').toString('utf8')) as { a?: unknown; v?: unknown };
    if (typeof parsed.a !== 'string' || !parsed.a) return undefined;
    const out: ButtonAction = { action: parsed.a };
    if (parsed.v && typeof parsed.v === 'object') out.value = Object.fromEntries(Object.entries(parsed.v).map(([k, x]) => [k, String(x)]));
    return out;
  } catch {
    return undefined;
  }
}
