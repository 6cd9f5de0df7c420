// Shared steps of every note action: load the note a turn is about, write in one transaction,
// read back what was saved, point the chat at the note, and reply.
import type { Reply } from '../../chat/types.ts';
import { t } from '../../../prompts/index.ts';
import { noteTexts } from '../../../prompts/notes.ts';
import type { Db } from '../../../db/index.ts';
import { getCapture, latestCaptureInChat } from '../../store/notes.ts';
import type { TurnContext } from '../types.ts';
import type { NoteClock } from './materialize.ts';
import { noteReply, plainReply } from './reply.ts';
import { rememberNote, type Capture, type NoteExtraction, type NoteQuestion } from './state.ts';
import { loadNoteView } from './view.ts';

/** Follow-ups reach back this far, like the chat context. */
export const FOLLOW_UP_WINDOW_MS = 30 * 60 * 1000;

export function clockOf(turn: TurnContext): NoteClock {
  return { userId: turn.user.id, now: turn.now, tz: turn.tz };
}

export function loadNote(db: Db, userId: string, id: number): Promise<Capture | undefined> {
  return getCapture<NoteExtraction, NoteQuestion>(db, userId, id);
}

/** The note this chat is talking about: the one in the chat context, else the latest one touched here. */
export async function currentNote(turn: TurnContext): Promise<Capture | undefined> {
  const id = Number(turn.context.lastNoteId);
  if (Number.isInteger(id) && id > 0) {
    const c = await loadNote(turn.app.db, turn.user.id, id);
    if (c) return c;
  }
  const since = new Date(turn.now.getTime() - FOLLOW_UP_WINDOW_MS);
  return latestCaptureInChat<NoteExtraction, NoteQuestion>(turn.app.db, turn.user.id, turn.chatKey, since);
}

/** Runs a change to the note in one transaction, then replies with the note as saved. */
export async function changeAndReply(
  turn: TurnContext,
  capture: Capture,
  change: (tx: Db) => Promise<void>,
  opts: { head?: (c: Capture) => string | undefined; event: string; extra?: string[] },
): Promise<Reply> {
  await turn.app.db.transaction(change);
  return replyFor(turn, capture.id, opts);
}

export async function replyFor(turn: TurnContext, id: number, opts: { head?: (c: Capture) => string | undefined; event: string; extra?: string[] }): Promise<Reply> {
  const fresh = (await loadNote(turn.app.db, turn.user.id, id))!;
  rememberNote(turn.context, fresh);
  const view = await loadNoteView(turn.app.db, turn.user.id, fresh, turn.tz);
  return noteReply(view, turn.lang, { head: opts.head?.(fresh), event: opts.event, extra: opts.extra });
}

export function say(turn: TurnContext, key: keyof typeof noteTexts, vars: Record<string, string | number> = {}, data: Record<string, unknown> = {}): Reply {
  return plainReply(turn.lang, t(noteTexts, key, turn.lang, vars), { event: key, ...data });
}
