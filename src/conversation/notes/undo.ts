// Undo: removes exactly what the note created (its interaction and new contacts) and puts back
// what it changed (a contact's role), nothing else. The text stays in raw_messages and on the note.
import type { Reply } from '../../chat/types.ts';
import { noteTexts } from '../../../prompts/notes.ts';
import { t } from '../../../prompts/index.ts';
import { contactsOfIds, updateCapture } from '../../store/notes.ts';
import type { TurnContext } from '../types.ts';
import { joinList } from '../../tools/format.ts';
import { unfileNote } from './materialize.ts';
import { plainReply } from './reply.ts';
import { clockOf, say } from './session.ts';
import { rememberNote, type Capture } from './state.ts';

export async function undoNote(turn: TurnContext, capture: Capture | undefined): Promise<Reply> {
  if (!capture) return say(turn, 'nothingToUndo');
  if (capture.status === 'undone') return say(turn, 'alreadyUndone', {}, { noteId: capture.id });
  const db = turn.app.db;
  const wasFiled = capture.status === 'filed';
  const interactionId = capture.interaction_id;
  const created = await contactsOfIds(db, turn.user.id, capture.created_contact_ids);
  const changed = await contactsOfIds(db, turn.user.id, [...new Set(capture.contact_updates.map((u) => u.contactId))]);
  const kept = await db.transaction(async (tx) => {
    const keptIds = wasFiled ? await unfileNote(tx, capture, clockOf(turn), { undo: true }) : [];
    const questions = capture.questions.map((q) => (q.status === 'open' ? { ...q, status: 'dismissed' as const } : q));
    await updateCapture(tx, capture.id, { status: 'undone', questions }, turn.now);
    capture.status = 'undone';
    capture.questions = questions;
    return keptIds;
  });
  rememberNote(turn.context, capture);
  const lang = turn.lang;
  if (!wasFiled) return plainReply(lang, t(noteTexts, 'undoneUnfiled', lang), { event: 'undone', noteId: capture.id });
  const removed = created.filter((c) => !kept.includes(c.id));
  const lines = [
    t(noteTexts, 'undone', lang, {
      id: interactionId ?? '',
      contacts: removed.length ? t(noteTexts, 'undoneContacts', lang, { names: joinList(removed.map((c) => c.name), lang) }) : '',
    }),
  ];
  if (changed.length) lines.push(t(noteTexts, 'undoneRoles', lang, { names: joinList(changed.map((c) => c.name), lang) }));
  const keptContacts = created.filter((c) => kept.includes(c.id));
  if (keptContacts.length) lines.push(t(noteTexts, 'undoneKept', lang, { names: joinList(keptContacts.map((c) => c.name), lang) }));
  return plainReply(lang, lines.join('\n'), {
    event: 'undone',
    noteId: capture.id,
    removedInteraction: interactionId,
    removedContacts: removed.map((c) => c.id),
    keptContacts: keptContacts.map((c) => c.id),
    restoredContacts: changed.map((c) => c.id),
  });
}
