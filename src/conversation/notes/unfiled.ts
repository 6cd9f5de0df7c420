// Unfiled notes: listed on request ("我有哪些未归档的记录?"), filed by "第1条是兴业建材的".
import type { Reply } from '../../chat/types.ts';
import { noteTexts } from '../../../prompts/notes.ts';
import { t } from '../../../prompts/index.ts';
import { toIsoDate } from '../../domain/time.ts';
import { unfiledCaptures } from '../../store/notes.ts';
import type { TurnContext } from '../types.ts';
import { changeAccount } from './edits.ts';
import { loadNote, say } from './session.ts';
import type { NoteExtraction, NoteQuestion } from './state.ts';

const LIST_LIMIT = 10;
const SNIPPET = 40;

export async function listUnfiled(turn: TurnContext): Promise<Reply> {
  const notes = await unfiledCaptures<NoteExtraction, NoteQuestion>(turn.app.db, turn.user.id, LIST_LIMIT);
  const lang = turn.lang;
  if (!notes.length) {
    delete turn.context.unfiledList;
    return say(turn, 'unfiledListEmpty', {}, { notes: [] });
  }
  turn.context.unfiledList = notes.map((n) => n.id);
  const lines = notes.map((n, i) => {
    const text = n.text.length > SNIPPET ? `${n.text.slice(0, SNIPPET)}…` : n.text;
    return `${i + 1}. ${toIsoDate(n.created_at, turn.tz)} ${text}`;
  });
  const title = t(noteTexts, 'unfiledListTitle', lang, { n: notes.length });
  const hint = t(noteTexts, 'unfiledListHint', lang);
  return {
    lang,
    title,
    text: [title, ...lines, hint].join('\n'),
    sections: [{ title, lines }],
    data: { kind: 'note', event: 'unfiled_list', notes: notes.map((n) => ({ noteId: n.id, createdAt: n.created_at.toISOString(), text: n.text })) },
  };
}

/** "第2条是兴业建材的": files the n-th note of the last listing. */
export async function fileListed(turn: TurnContext, n: number, account: string): Promise<Reply | null> {
  const ids = Array.isArray(turn.context.unfiledList) ? (turn.context.unfiledList as number[]) : [];
  const id = ids[n - 1];
  if (!id) return ids.length ? say(turn, 'noSuchListed', { n }) : null;
  const capture = await loadNote(turn.app.db, turn.user.id, id);
  if (capture?.status !== 'unfiled') return say(turn, 'noSuchListed', { n });
  return changeAccount(turn, capture, account, false);
}
