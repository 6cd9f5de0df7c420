// Reply → Feishu interactive cards (message card JSON 1.0): header, lark_md body, source note and
// buttons. Long text is split over several cards (a card must stay well under 30 KB).
import { platformTexts } from '../../prompts/platforms.ts';
import { t } from '../../prompts/index.ts';
import { splitText } from '../shared/split.ts';
import type { Button, ButtonAction, Reply } from '../../src/chat/types.ts';
import type { FeishuCard } from './types.ts';
import { withoutTitleLine } from '../../src/chat/title.ts';
import { citationLabel } from '../../src/chat/citation-label.ts';

/** Characters of body text per card (the Lark SDK's own channel uses 3,500). */
export const FEISHU_CARD_CHARS = 3500;
const BUTTON_TYPE = { primary: 'primary', danger: 'danger', default: 'default' } as const;

/** lark_md treats <, > and & as markup; a stray one must not swallow the text after it. */
function escapeMd(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function body(reply: Reply): string {
  return withoutTitleLine(reply.text, reply.title);
}

export function renderFeishuCards(reply: Reply): FeishuCard[] {
  const chunks = splitText(body(reply), FEISHU_CARD_CHARS);
  if (!chunks.length) chunks.push('');
  return chunks.map((chunk, i) => {
    const last = i === chunks.length - 1;
    const elements: unknown[] = [];
    if (chunk) elements.push({ tag: 'div', text: { tag: 'lark_md', content: escapeMd(chunk) } });
    if (last && reply.citations?.length) {
      const refs = reply.citations.map((c) => citationLabel(c)).join(' · ');
      elements.push({ tag: 'note', elements: [{ tag: 'plain_text', content: `${t(platformTexts, 'sources', reply.lang)}: ${refs}` }] });
    }
    if (last && reply.buttons?.length) elements.push({ tag: 'action', actions: reply.buttons.map(renderButton) });
    const title = reply.title ? `${reply.title}${i > 0 ? ` ${t(platformTexts, 'continued', reply.lang)}` : ''}` : undefined;
    return {
      config: { wide_screen_mode: true, update_multi: true },
      ...(title ? { header: { title: { tag: 'plain_text' as const, content: title }, template: 'blue' } } : {}),
      elements,
    };
  });
}

function renderButton(b: Button) {
  return {
    tag: 'button',
    text: { tag: 'plain_text', content: b.label },
    type: BUTTON_TYPE[b.style ?? 'default'],
    value: encodeButtonValue(b),
  };
}

/** What Feishu sends back as action.value when the button is pressed. */
export function encodeButtonValue(b: ButtonAction): Record<string, unknown> {
  return { kam_action: b.action, ...(b.value ? { kam_value: b.value } : {}) };
}

export function decodeButtonValue(value: unknown): ButtonAction | undefined {
  const v = typeof value === 'string' ? safeParse(value) : value;
  if (!v || typeof v !== 'object') return undefined;
  const { kam_action, kam_value } = v as { kam_action?: unknown; kam_value?: unknown };
  if (typeof kam_action !== 'string' || !kam_action) return undefined;
  const out: ButtonAction = { action: kam_action };
  if (kam_value && typeof kam_value === 'object') {
    out.value = Object.fromEntries(Object.entries(kam_value as Record<string, unknown>).map(([k, x]) => [k, String(x)]));
  }
  return out;
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
