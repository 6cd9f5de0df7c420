// Edits of what a note says, by chat or after the card's Edit: its contacts (add one, correct a
// name), its money, its competitors and its summary. Each changes the note's draft and files the
// note again in one transaction (same interaction id; the contacts it created follow the draft),
// so Undo still removes exactly what the note amounts to and puts back what it changed.
import type { Reply } from '../../chat/types.ts';
import { noteEditTexts } from '../../../prompts/notes-edits.ts';
import { t } from '../../../prompts/index.ts';
import { updateCapture } from '../../store/notes.ts';
import type { TurnContext } from '../types.ts';
import { formatAmount, joinList } from '../../tools/format.ts';
import { competitorList } from './competitor-list.ts';
import { knownNames } from './capture.ts';
import { findAmounts } from './extract/amounts.ts';
import { findCompetitors } from './extract/competitors.ts';
import { findPeople } from './extract/people.ts';
import { surnameOf } from './extract/surnames.ts';
import { fileNote, unfileNote } from './materialize.ts';
import { personLabel, type NoteDraft, type NotePerson } from './schema.ts';
import { changeAndReply, clockOf, say } from './session.ts';
import type { Capture, NoteExtraction } from './state.ts';

type Say = (turn: TurnContext, text: string, vars?: Record<string, string | number>) => Reply;
const sayEdit: Say = (turn, key, vars = {}) => ({ lang: turn.lang, text: t(noteEditTexts, key as keyof typeof noteEditTexts, turn.lang, vars), data: { kind: 'note', event: key } });

/** Files the note again with a changed draft (or just stores the draft while it is unfiled). */
function refile(turn: TurnContext, capture: Capture, draft: NoteDraft, head: string, event: string, choices = capture.extraction.choices): Promise<Reply> {
  const extraction: NoteExtraction = { ...capture.extraction, draft, choices };
  return changeAndReply(
    turn,
    capture,
    async (tx) => {
      if (capture.status === 'filed' && capture.account_id) {
        const accountId = capture.account_id;
        await unfileNote(tx, capture, clockOf(turn));
        await fileNote(tx, capture, accountId, extraction, clockOf(turn));
      } else {
        await updateCapture(tx, capture.id, { extraction }, turn.now);
      }
    },
    { head: () => head, event },
  );
}

function personFrom(name: string): NotePerson {
  return { name, surname: null, honorific: null, title: null, decisionRole: null, newInRole: false, attitude: null, mention: name };
}

const HAN_NAME = /^[\u4e00-\u9fff]{2,4}$/;
const LATIN_NAME = /^[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}$/;

/** The person a few words name: a full name, or a reference (马总) the account may resolve. */
async function personWritten(turn: TurnContext, capture: Capture, written: string): Promise<NotePerson | undefined> {
  const w = written.trim().replace(/^(?:the\s+)/i, '');
  const known = await knownNames(turn.app.db, turn.user.id, capture.account_id ?? undefined);
  const [m] = findPeople(w, known);
  if (m && m.end - m.start >= w.length - 1) {
    if (m.name) return { ...personFrom(m.name), title: m.title ?? null, mention: m.text };
    return { ...personFrom(''), name: null, surname: m.surname ?? null, honorific: m.honorific ?? null, title: m.title ?? null, mention: m.text };
  }
  if ((HAN_NAME.test(w) && surnameOf(w)) || LATIN_NAME.test(w)) return personFrom(w);
  return undefined;
}

const samePerson = (a: NotePerson, b: NotePerson) => (a.name && b.name ? a.name === b.name : personLabel(a) === personLabel(b));

export async function addContact(turn: TurnContext, capture: Capture, written: string): Promise<Reply | null> {
  const person = await personWritten(turn, capture, written);
  if (!person) return null;
  const draft = capture.extraction.draft;
  const label = personLabel(person);
  if (draft.people.some((p) => samePerson(p, person))) return sayEdit(turn, 'contactAlready', { name: label });
  return refile(turn, capture, { ...draft, people: [...draft.people, person] }, t(noteEditTexts, 'contactAdded', turn.lang, { name: label }), 'contact_added');
}

/** The note's person a follow-up calls `written` (by full name or by how the note wrote them). */
export function personOnNote(capture: Capture, written: string): number {
  const w = written.trim();
  return capture.extraction.draft.people.findIndex((p) => p.name === w || p.mention === w || personLabel(p) === w);
}

/** "把赵磊吃改成赵磊": the person is someone else (the contact the wrong name created goes away). */
export async function renameContact(turn: TurnContext, capture: Capture, from: string, to: string): Promise<Reply | null> {
  const i = personOnNote(capture, from);
  const person = await personWritten(turn, capture, to);
  if (i < 0 || !person) return null;
  const draft = capture.extraction.draft;
  const old = draft.people[i];
  const people = draft.people.map((p, j) => (j === i ? { ...person, title: person.title ?? p.title, decisionRole: p.decisionRole, newInRole: p.newInRole, attitude: p.attitude } : p));
  // A choice made about the old reading (which 王总, the full name of 高总) no longer applies.
  const choices = { ...capture.extraction.choices };
  delete choices[old.name ?? `${old.surname ?? ''}|${old.honorific ?? ''}`];
  const signals = draft.signals.map((s) => (s.person === personLabel(old) ? { ...s, person: personLabel(person) } : s));
  return refile(turn, capture, { ...draft, people, signals }, t(noteEditTexts, 'contactRenamed', turn.lang, { from: personLabel(old), to: personLabel(person) }), 'contact_renamed', choices);
}

/** "金额改成500万", "预算改成800万": the money of that kind (or all of it) becomes what is written. */
export async function changeAmount(turn: TurnContext, capture: Capture, text: string): Promise<Reply> {
  const found = findAmounts(text.replace(/^\s*(?:金额|amount)\s*/i, ''));
  if (!found.length) return sayEdit(turn, 'amountNotUnderstood');
  const draft = capture.extraction.draft;
  const stated = /预算|budget/i.test(text) ? 'budget' : /报价|价格|合同|quote|deal|contract/i.test(text) ? 'deal' : undefined;
  const kind = stated ?? draft.amounts[0]?.kind ?? 'deal';
  const fresh = found.map((a) => ({ value: a.value, currency: a.currency, kind, text: a.text, approximate: a.approximate }));
  const kept = draft.amounts.filter((a) => stated !== undefined && a.kind !== kind);
  const shown = fresh.map((a) => (a.currency === 'USD' ? `$${a.value.toLocaleString('en-US')}` : formatAmount(a.value, turn.lang))).join(', ');
  return refile(turn, capture, { ...draft, amounts: [...kept, ...fresh] }, t(noteEditTexts, 'amountChanged', turn.lang, { amount: shown }), 'amount_changed');
}

/** Competitor names in a few words: the configured ones by any alias, else the words themselves. */
async function competitorsWritten(turn: TurnContext, text: string): Promise<string[]> {
  const listed = findCompetitors(text, await competitorList(turn.app.db)).map((c) => c.name);
  if (listed.length) return listed;
  return text
    .split(/\s*(?:和|与|及|以及|还有|、|,|，|;|；|\band\b|&)\s*/i)
    .map((w) => w.replace(/^(?:也有|还有|是)|(?:也在报价|也在|等)$/g, '').trim())
    .filter((w) => w.length >= 2 && w.length <= 20);
}

export async function changeCompetitors(turn: TurnContext, capture: Capture, op: 'add' | 'set' | 'remove', text: string): Promise<Reply | null> {
  const draft = capture.extraction.draft;
  const named = text ? await competitorsWritten(turn, text) : [];
  if (op !== 'remove' && !named.length) return null;
  let competitors: string[];
  if (op === 'set') competitors = named;
  else if (op === 'add') competitors = [...new Set([...draft.competitors, ...named])];
  else if (named.length) {
    if (!named.some((n) => draft.competitors.includes(n))) return null;
    competitors = draft.competitors.filter((c) => !named.includes(c));
  } else competitors = [];
  const head = competitors.length ? t(noteEditTexts, 'competitorsChanged', turn.lang, { list: joinList(competitors, turn.lang) }) : t(noteEditTexts, 'competitorsNone', turn.lang);
  return refile(turn, capture, { ...draft, competitors }, head, 'competitors_changed');
}

export async function changeSummary(turn: TurnContext, capture: Capture, text: string): Promise<Reply> {
  const summary = text.trim().slice(0, 1000);
  if (!summary) return say(turn, 'noteNotFound');
  return refile(turn, capture, { ...capture.extraction.draft, summary }, t(noteEditTexts, 'summaryChanged', turn.lang), 'summary_changed');
}
