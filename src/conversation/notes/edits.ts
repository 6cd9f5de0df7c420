// Edits of a saved note by follow-up message or button: its date, type, account, next step and a
// contact's decision role. Each edit runs in one transaction and is recorded on the note, so Undo
// still removes exactly what the note did (a changed role of an existing contact is put back).
import type { Reply } from '../../chat/types.ts';
import type { Db } from '../../../db/index.ts';
import { noteTexts, roleLabels, typeLabels } from '../../../prompts/notes.ts';
import { t } from '../../../prompts/index.ts';
import { noteWhenTexts } from '../../../prompts/notes-when.ts';
import type { Contact, DecisionRole, InteractionType } from '../../domain/types.ts';
import { formatDateTime, toIsoDate } from '../../domain/time.ts';
import { accountName, contactsOfIds, getChatInteraction, noteAccountContacts, setDecisionRole, updateCapture, updateChatInteraction, type ContactUpdate } from '../../store/notes.ts';
import { resolveAccountArg } from '../../nlu/accounts.ts';
import { reindexSource } from '../../retrieval/indexer.ts';
import type { TurnContext } from '../types.ts';
import { findDates } from './extract/dates.ts';
import { occurredAt } from './extract/index.ts';
import { readNextStep } from './extract/next-step.ts';
import { findPeople } from './extract/people.ts';
import { fileNote, unfileNote } from './materialize.ts';
import { resolvePeople } from './resolve-people.ts';
import { plainReply } from './reply.ts';
import { changeAndReply, clockOf, say } from './session.ts';
import type { Capture, NoteExtraction } from './state.ts';

function withDraft(capture: Capture, patch: Partial<NoteExtraction['draft']>): NoteExtraction {
  return { ...capture.extraction, draft: { ...capture.extraction.draft, ...patch } };
}

export async function changeDate(turn: TurnContext, capture: Capture, text: string): Promise<Reply> {
  const ref = { now: turn.now, tz: turn.tz };
  if (!findDates(text, ref, 'past').length) return say(turn, 'dateNotUnderstood');
  const when = occurredAt(text, [], ref);
  const iso = formatDateTime(when.at, turn.tz);
  return changeAndReply(
    turn,
    capture,
    async (tx) => {
      if (capture.status === 'filed' && capture.interaction_id) {
        await updateChatInteraction(tx, capture.interaction_id, { occurredAt: when.at });
        await reindexSource(tx, 'interactions', capture.interaction_id, { tz: turn.tz });
      }
      await updateCapture(tx, capture.id, { extraction: withDraft(capture, { occurredAt: iso, dateGiven: true }) }, turn.now);
    },
    { head: () => t(noteTexts, 'dateChanged', turn.lang, { date: iso.slice(0, 10) }), event: 'date_changed' },
  );
}

/**
 * A bare new date ("改成下周四"): a day ahead moves the next step's due date, a day gone by (or
 * today) the note's own date. A day ahead on a note without a next step is not guessed at.
 */
export async function changeWhen(turn: TurnContext, capture: Capture, text: string): Promise<Reply> {
  const ref = { now: turn.now, tz: turn.tz };
  const today = toIsoDate(turn.now, turn.tz);
  const ahead = findDates(text, ref, 'future')[0];
  if (!ahead) return say(turn, 'dateNotUnderstood');
  if (ahead.date > today) {
    if (capture.extraction.draft.nextStep) return changeNextStep(turn, capture, text);
    const past = findDates(text, ref, 'past')[0];
    if (!past || past.date > today) return plainReply(turn.lang, t(noteWhenTexts, 'whenAhead', turn.lang, { date: ahead.date }), { event: 'when_ahead' });
  }
  return changeDate(turn, capture, text);
}

export async function changeType(turn: TurnContext, capture: Capture, type: InteractionType): Promise<Reply> {
  return changeAndReply(
    turn,
    capture,
    async (tx) => {
      if (capture.status === 'filed' && capture.interaction_id) {
        await updateChatInteraction(tx, capture.interaction_id, { type });
        await reindexSource(tx, 'interactions', capture.interaction_id, { tz: turn.tz });
      }
      await updateCapture(tx, capture.id, { extraction: withDraft(capture, { type }) }, turn.now);
    },
    { head: () => t(noteTexts, 'typeChanged', turn.lang, { type: t(typeLabels, type, turn.lang) }), event: 'type_changed' },
  );
}

/** "下一步改成发送报价,周五前", "截止日期改成周五", "next step: send the quote by Friday". */
export async function changeNextStep(turn: TurnContext, capture: Capture, text: string): Promise<Reply> {
  const ref = { now: turn.now, tz: turn.tz };
  const draft = capture.extraction.draft;
  const read = readNextStep(text, ref);
  const nextStep = read.action ?? draft.nextStep;
  const nextStepDue = read.due ?? draft.nextStepDue;
  return changeAndReply(
    turn,
    capture,
    async (tx) => {
      if (capture.status === 'filed' && capture.interaction_id) {
        await updateChatInteraction(tx, capture.interaction_id, { nextStep, nextStepDue });
        await reindexSource(tx, 'interactions', capture.interaction_id, { tz: turn.tz });
      }
      await updateCapture(tx, capture.id, { extraction: withDraft(capture, { nextStep, nextStepDue }) }, turn.now);
    },
    { head: () => t(noteTexts, 'nextStepChanged', turn.lang), event: 'next_step_changed' },
  );
}

/**
 * Moves the note to another account (or files an unfiled one): everything the note created on the
 * old account is removed, then it is filed again on the new one. Returns null for a loose form
 * ("是X的") that names none of the user's accounts: that message was not about the note.
 */
export async function changeAccount(turn: TurnContext, capture: Capture, to: string, weak: boolean): Promise<Reply | null> {
  const m = await resolveAccountArg(turn.app.db, turn.user.id, to.trim());
  if (m.kind !== 'found') {
    if (weak) return null;
    return say(turn, 'accountNotFound', { span: to.trim() });
  }
  if (capture.status === 'filed' && capture.account_id === m.account.id) return say(turn, 'sameAccount', { account: m.account.name });
  return fileOn(turn, capture, m.account.id, m.account.name);
}

/** Files the note on an account the user may see, moving it there when it was filed elsewhere. */
export async function fileOn(turn: TurnContext, capture: Capture, accountId: string, name: string): Promise<Reply> {
  const moving = capture.status === 'filed';
  const extraction: NoteExtraction = { ...capture.extraction, account: { how: 'chosen' } };
  const questions = capture.questions.map((q) => (q.kind === 'choose_account' && q.status === 'open' ? { ...q, status: 'answered' as const } : q));
  return changeAndReply(
    turn,
    capture,
    async (tx) => {
      if (moving) await unfileNote(tx, capture, clockOf(turn));
      capture.questions = questions;
      await fileNote(tx, capture, accountId, extraction, clockOf(turn));
    },
    { event: moving ? 'account_changed' : 'filed', extra: [t(noteTexts, moving ? 'accountChanged' : 'filed', turn.lang, { account: name })] },
  );
}

/** Sets a contact's decision role; a change to a contact the note did not create is recorded for undo. */
export async function applyRole(tx: Db, capture: Capture, contact: Contact, role: DecisionRole, now: Date): Promise<void> {
  const changed = contact.decision_role !== role;
  if (changed) await setDecisionRole(tx, contact.id, role);
  const updates: ContactUpdate[] = [...capture.contact_updates];
  if (changed && !capture.created_contact_ids.includes(contact.id)) {
    const earlier = updates.find((u) => u.contactId === contact.id && u.field === 'decision_role');
    if (earlier) earlier.after = role;
    else updates.push({ contactId: contact.id, field: 'decision_role', before: contact.decision_role, after: role });
  }
  // The role also goes into the note's people, so moving the note to another account keeps it.
  const people = capture.extraction.draft.people.map((p) => (p.name === contact.name ? { ...p, decisionRole: role } : p));
  const questions = capture.questions.map((q) => (q.kind === 'confirm_role' && q.contactId === contact.id && q.status === 'open' ? { ...q, status: 'answered' as const } : q));
  await updateCapture(tx, capture.id, { contactUpdates: updates, questions, extraction: withDraft(capture, { people }) }, now);
}

/** The contact a follow-up names: among the note's people first, then the account's contacts. */
export async function contactNamed(turn: TurnContext, capture: Capture, text: string): Promise<Contact | 'ambiguous' | undefined> {
  if (!capture.account_id) return undefined;
  const db = turn.app.db;
  const onNote = capture.interaction_id ? await noteContacts(turn, capture) : [];
  const onAccount = await noteAccountContacts(db, turn.user.id, capture.account_id);
  const written = text.trim().replace(/^(?:the\s+)/i, '');
  const mentions = findPeople(written, onAccount.map((c) => ({ name: c.name })));
  const person = mentions[0]
    ? { name: mentions[0].name ?? null, surname: mentions[0].name ? null : (mentions[0].surname ?? null), honorific: mentions[0].honorific ?? null, title: null, decisionRole: null, newInRole: false, attitude: null, mention: mentions[0].text }
    : { name: written, surname: null, honorific: null, title: null, decisionRole: null, newInRole: false, attitude: null, mention: written };
  for (const pool of [onNote, onAccount]) {
    const [r] = resolvePeople([person], pool);
    if (r.kind === 'existing') return r.contact;
    if (r.kind === 'ambiguous') return 'ambiguous';
  }
  return undefined;
}

async function noteContacts(turn: TurnContext, capture: Capture): Promise<Contact[]> {
  const i = await getChatInteraction(turn.app.db, turn.user.id, capture.interaction_id!);
  return contactsOfIds(turn.app.db, turn.user.id, i?.contact_ids ?? []);
}

export async function setRole(turn: TurnContext, capture: Capture, personText: string, role: DecisionRole): Promise<Reply> {
  if (capture.status !== 'filed') return say(turn, 'notFiledYet');
  const contact = await contactNamed(turn, capture, personText);
  if (!contact || contact === 'ambiguous') {
    const account = capture.account_id ? ((await accountName(turn.app.db, turn.user.id, capture.account_id)) ?? '') : '';
    return say(turn, 'personNotFound', { name: personText.trim(), account });
  }
  return changeAndReply(turn, capture, (tx) => applyRole(tx, capture, contact, role, turn.now), {
    head: () => t(noteTexts, 'roleSet', turn.lang, { name: contact.name, role: t(roleLabels, role, turn.lang) }),
    event: 'role_set',
  });
}

