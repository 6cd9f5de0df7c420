// Answers to the questions a note asks: "高远是决策人吗?" (yes / no), which of two 王总, the full
// name behind 高总, which account. An answer comes as a button press or a short reply.
import type { Reply } from '../../chat/types.ts';
import { noteTexts, roleLabels } from '../../../prompts/notes.ts';
import { t } from '../../../prompts/index.ts';
import { accountName, contactsOfIds, updateCapture } from '../../store/notes.ts';
import { resolveAccountArg } from '../../nlu/accounts.ts';
import { normalize } from '../../nlu/normalize.ts';
import type { TurnContext } from '../types.ts';
import { surnameOf } from './extract/surnames.ts';
import { applyRole, fileOn } from './edits.ts';
import { NONE_OF_THEM, ordinalAnswer, yesNo } from './follow-ups.ts';
import { fileNote, unfileNote } from './materialize.ts';
import type { PersonChoice } from './resolve-people.ts';
import { changeAndReply, clockOf, say } from './session.ts';
import type { Capture, NoteExtraction, NoteQuestion } from './state.ts';

export type Answer = { kind: 'yes' } | { kind: 'no' } | { kind: 'choice'; id: string } | { kind: 'none' } | { kind: 'name'; name: string };

const HAN_NAME = /^[\u4e00-\u9fff]{2,4}$/;
const LATIN_NAME = /^[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}$/;

function nameAnswer(text: string): string | undefined {
  const s = text.trim().replace(/[。.!！]$/, '');
  const m = /(?:叫|全名是|名字是|是|name is|it'?s)\s*(\S.*)$/i.exec(s);
  const name = (m ? m[1] : s).trim();
  if (HAN_NAME.test(name) && surnameOf(name)) return name;
  if (LATIN_NAME.test(name)) return name;
  return undefined;
}

/** Words around an account name that still make a reply just the name ("是兴业建材的吧", "it's Acme"). */
const ACCOUNT_FILLER =
  /^(?:(?:应该|这条|这个|那条|这|那|就|记|归|放|算)?(?:是|属于|到|在)|it'?s|it is|this is|that'?s|for|under|file (?:it )?(?:under|to))?\s*|\s*(?:的|名下|客户|那家|这家|那个|这个|吧|啊|呀|哈|公司)*\s*[。.!！~]*$/gi;

/**
 * Whether a reply to "which account?" says no more than an account: what is left once the name
 * and the filler around it are taken out is at most a stray character. "昨天拜访了兴业建材的唐宁…"
 * names an account too, but it says far more: it is not an answer.
 */
export function onlyNames(reply: string, span: string): boolean {
  const norm = normalize(reply);
  const at = norm.indexOf(span);
  const rest = at >= 0 ? norm.slice(0, at) + ' ' + norm.slice(at + span.length) : norm;
  return rest.split(' ').map((part) => part.replace(ACCOUNT_FILLER, '')).join('').length <= 1;
}

/** A short reply read as the answer to the open question, or undefined when it is something else. */
export async function answerFromText(turn: TurnContext, q: NoteQuestion, text: string): Promise<Answer | undefined> {
  const s = text.trim();
  if (s.length > 40) return undefined;
  switch (q.kind) {
    case 'confirm_role': {
      const yn = yesNo(s);
      return yn ? { kind: yn } : undefined;
    }
    case 'choose_contact': {
      if (NONE_OF_THEM.test(s)) return { kind: 'none' };
      const n = ordinalAnswer(s);
      if (n !== undefined) return q.candidates[n - 1] ? { kind: 'choice', id: q.candidates[n - 1].id } : undefined;
      const byName = q.candidates.filter((c) => s.includes(c.name));
      return byName.length === 1 ? { kind: 'choice', id: byName[0].id } : undefined;
    }
    case 'choose_account': {
      const n = ordinalAnswer(s);
      if (n !== undefined) return q.candidates[n - 1] ? { kind: 'choice', id: q.candidates[n - 1].id } : undefined;
      const m = await resolveAccountArg(turn.app.db, turn.user.id, s.replace(/^(?:是|这是|属于)|的$/g, ''));
      return m.kind === 'found' && onlyNames(s, m.span) ? { kind: 'choice', id: m.account.id } : undefined;
    }
    case 'name_person': {
      if (NONE_OF_THEM.test(s) || yesNo(s) === 'no') return { kind: 'none' };
      const name = nameAnswer(s);
      return name ? { kind: 'name', name } : undefined;
    }
  }
}

export function answerFromButton(q: NoteQuestion, value: string): Answer | undefined {
  if (value === 'yes' || value === 'no') return q.kind === 'confirm_role' ? { kind: value } : undefined;
  if (value === 'none') return { kind: 'none' };
  if (q.kind === 'choose_contact' && q.candidates.some((c) => c.id === value)) return { kind: 'choice', id: value };
  if (q.kind === 'choose_account' && q.candidates.some((c) => c.id === value)) return { kind: 'choice', id: value };
  return undefined;
}

function settle(capture: Capture, q: NoteQuestion, status: 'answered' | 'dismissed'): NoteQuestion[] {
  return capture.questions.map((x) => (x.id === q.id ? { ...x, status } : x));
}

/** Files the note again with a decision about a person (same interaction id, same account). */
async function refileWithChoice(turn: TurnContext, capture: Capture, q: NoteQuestion & { personKey: string }, choice: PersonChoice, head: string): Promise<Reply> {
  const extraction: NoteExtraction = { ...capture.extraction, choices: { ...capture.extraction.choices, [q.personKey]: choice } };
  const questions = settle(capture, q, 'skip' in choice ? 'dismissed' : 'answered');
  return changeAndReply(
    turn,
    capture,
    async (tx) => {
      if (capture.status === 'filed' && capture.account_id) {
        const accountId = capture.account_id;
        await unfileNote(tx, capture, clockOf(turn));
        capture.questions = questions;
        await fileNote(tx, capture, accountId, extraction, clockOf(turn));
      } else {
        await updateCapture(tx, capture.id, { extraction, questions }, turn.now);
      }
    },
    { head: () => head, event: 'answered' },
  );
}

export async function applyAnswer(turn: TurnContext, capture: Capture, q: NoteQuestion, answer: Answer): Promise<Reply> {
  const lang = turn.lang;
  switch (q.kind) {
    case 'confirm_role': {
      if (answer.kind === 'no') {
        return changeAndReply(turn, capture, (tx) => updateCapture(tx, capture.id, { questions: settle(capture, q, 'dismissed') }, turn.now), {
          head: () => t(noteTexts, 'roleDeclined', lang, { name: q.name }),
          event: 'role_declined',
        });
      }
      const [contact] = await contactsOfIds(turn.app.db, turn.user.id, [q.contactId]);
      if (!contact) return say(turn, 'noteGone');
      return changeAndReply(turn, capture, (tx) => applyRole(tx, capture, contact, q.role, turn.now), {
        head: () => t(noteTexts, 'roleSet', lang, { name: contact.name, role: t(roleLabels, q.role, lang) }),
        event: 'role_set',
      });
    }
    case 'choose_contact': {
      if (answer.kind === 'none') return refileWithChoice(turn, capture, q, { skip: true }, t(noteTexts, 'contactSkipped', lang, { label: q.label }));
      if (answer.kind !== 'choice') return say(turn, 'choiceNotUnderstood');
      const chosen = q.candidates.find((c) => c.id === answer.id)!;
      return refileWithChoice(turn, capture, q, { contactId: chosen.id }, t(noteTexts, 'contactChosen', lang, { name: chosen.name }));
    }
    case 'name_person': {
      if (answer.kind === 'none') return refileWithChoice(turn, capture, q, { skip: true }, t(noteTexts, 'contactSkipped', lang, { label: q.label }));
      if (answer.kind !== 'name') return say(turn, 'choiceNotUnderstood');
      return refileWithChoice(turn, capture, q, { newName: answer.name }, t(noteTexts, 'personAdded', lang, { name: answer.name }));
    }
    case 'choose_account': {
      if (answer.kind !== 'choice') return say(turn, 'choiceNotUnderstood');
      const name = await accountName(turn.app.db, turn.user.id, answer.id);
      if (!name) return say(turn, 'choiceNotUnderstood');
      return fileOn(turn, capture, answer.id, name);
    }
  }
}
