// Turns a note into records and back. Filing creates the interaction and the new contacts and
// records every change to existing contacts on the note_captures row; unfiling (undo, or moving
// the note to another account) removes exactly those and puts changed values back.
// Both run inside the caller's transaction.
import type { Db } from '../../../db/index.ts';
import { toIsoDate } from '../../domain/time.ts';
import {
  contactsUsedElsewhere,
  deleteChatContacts,
  deleteChatInteraction,
  insertContact,
  insertInteraction,
  nextContactId,
  nextInteractionId,
  noteAccountContacts,
  revertDecisionRole,
  setDecisionRole,
  updateCapture,
  type ContactUpdate,
} from '../../store/notes.ts';
import { resolvePeople, type PersonResolution } from './resolve-people.ts';
import type { Capture, NoteExtraction, NoteQuestion } from './state.ts';

import { reindexSource, removeSource } from '../../retrieval/indexer.ts';
import { applyNotePipeline, revertNotePipeline } from './pipeline.ts';

export interface NoteClock {
  userId: string;
  now: Date;
  tz: string;
}

/** Questions the bot asks about a filed note, keeping what was already answered or declined. */
export function questionsFor(resolved: PersonResolution[], createdIds: Map<string, string>, previous: NoteQuestion[]): NoteQuestion[] {
  const kept = previous.filter((q) => q.status !== 'open' && q.kind !== 'choose_account');
  let nextId = Math.max(0, ...previous.map((q) => q.id)) + 1;
  const settled = (kind: NoteQuestion['kind'], key: string) =>
    kept.some((q) => q.kind === kind && ('personKey' in q ? q.personKey === key : 'name' in q ? q.name === key : false));
  const out: NoteQuestion[] = [...kept];
  for (const r of resolved) {
    const label = r.person.name ?? r.person.mention;
    if (r.kind === 'ambiguous' && !settled('choose_contact', r.key)) {
      out.push({ id: nextId++, status: 'open', kind: 'choose_contact', personKey: r.key, label, candidates: r.candidates.map((c) => ({ id: c.id, name: c.name, title: c.title })) });
    } else if (r.kind === 'unknown' && !settled('name_person', r.key)) {
      out.push({ id: nextId++, status: 'open', kind: 'name_person', personKey: r.key, label });
    }
  }
  // An executive added without a stated role is the likeliest decision maker: ask, don't assume.
  for (const r of resolved) {
    if (r.kind !== 'new' || r.contact.level !== 'executive' || r.contact.decisionRole) continue;
    if (settled('confirm_role', r.contact.name)) continue;
    const id = createdIds.get(r.key);
    if (id) out.push({ id: nextId++, status: 'open', kind: 'confirm_role', contactId: id, name: r.contact.name, role: 'decision_maker' });
  }
  return out;
}

/**
 * Files the note on the account: new contacts, changed roles of existing ones, the interaction,
 * and the questions left. The note must not be filed already.
 */
export async function fileNote(tx: Db, capture: Capture, accountId: string, extraction: NoteExtraction, clock: NoteClock): Promise<void> {
  const draft = extraction.draft;
  const contacts = await noteAccountContacts(tx, clock.userId, accountId);
  const resolved = resolvePeople(draft.people, contacts, extraction.choices);
  const today = toIsoDate(clock.now, clock.tz);

  const createdIds = new Map<string, string>();
  const contactIds: string[] = [];
  const updates: ContactUpdate[] = [];
  for (const r of resolved) {
    if (r.kind === 'new') {
      const id = await nextContactId(tx, today);
      await insertContact(tx, { id, accountId, ...r.contact, rawMessageId: capture.raw_message_id });
      createdIds.set(r.key, id);
      contactIds.push(id);
    } else if (r.kind === 'existing') {
      if (!contactIds.includes(r.contact.id)) contactIds.push(r.contact.id);
      const role = r.person.decisionRole;
      if (role && r.contact.decision_role !== role && !updates.some((u) => u.contactId === r.contact.id)) {
        await setDecisionRole(tx, r.contact.id, role);
        updates.push({ contactId: r.contact.id, field: 'decision_role', before: r.contact.decision_role, after: role });
      }
    }
  }

  const interactionId = capture.interaction_id ?? (await nextInteractionId(tx, today));
  await insertInteraction(tx, {
    id: interactionId,
    accountId,
    userId: clock.userId,
    occurredAt: new Date(draft.occurredAt),
    type: draft.type,
    contactIds,
    summary: draft.summary,
    nextStep: draft.nextStep,
    nextStepDue: draft.nextStepDue,
    rawMessageId: capture.raw_message_id,
    now: clock.now,
  });
  // A note logged a second ago is searchable: its passages are written in the same transaction.
  await reindexSource(tx, 'interactions', interactionId, { tz: clock.tz });
  const questions = questionsFor(resolved, createdIds, capture.questions);
  await updateCapture(
    tx,
    capture.id,
    { status: 'filed', accountId, interactionId, createdContactIds: [...createdIds.values()], contactUpdates: updates, questions, extraction },
    clock.now,
  );
  Object.assign(capture, { status: 'filed', account_id: accountId, interaction_id: interactionId, created_contact_ids: [...createdIds.values()], contact_updates: updates, questions, extraction });
  await applyNotePipeline(tx, capture, accountId, clock);
}

/**
 * Removes what filing created: the interaction, the new contacts (except any that another
 * interaction has come to use since), what it did to the pipeline (and, on Undo, the opportunity
 * the user created from the note), and puts changed contact fields back. Returns the contacts kept.
 */
export async function unfileNote(tx: Db, capture: Capture, clock: NoteClock, opts: { undo?: boolean } = {}): Promise<string[]> {
  await revertNotePipeline(tx, capture, clock, { all: opts.undo });
  if (capture.interaction_id) {
    await deleteChatInteraction(tx, capture.interaction_id);
    await removeSource(tx, 'interactions', capture.interaction_id);
  }
  const used = await contactsUsedElsewhere(tx, capture.created_contact_ids, capture.interaction_id);
  await deleteChatContacts(tx, capture.created_contact_ids.filter((id) => !used.includes(id)));
  for (const u of [...capture.contact_updates].reverse()) await revertDecisionRole(tx, u.contactId, u.after, u.before);
  await updateCapture(tx, capture.id, { createdContactIds: [], contactUpdates: [] }, clock.now);
  Object.assign(capture, { created_contact_ids: [], contact_updates: [] });
  return used;
}
