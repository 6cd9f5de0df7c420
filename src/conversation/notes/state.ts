// What a captured note remembers between turns (note_captures.extraction and .questions), and the
// chat-context entries that point follow-ups ("撤销", "日期改成昨天", "是") at it.
import type { DecisionRole } from '../../domain/types.ts';
import type { NoteCaptureRow } from '../../store/notes.ts';
import type { ChatContext } from '../../chat/types.ts';
import type { PersonChoice } from './resolve-people.ts';
import type { NoteDraft } from './schema.ts';

export interface AccountRef {
  id: string;
  name: string;
}

/** Which account a note is about, as found in its text. */
export type AccountFinding = (
  | { kind: 'found'; account: AccountRef; how: 'mentioned' | 'contact' }
  | { kind: 'ambiguous'; candidates: AccountRef[] }
  | { kind: 'unknown' }
) & {
  /** Names of visible accounts the note writes (北方路桥, 中建华东): organisations, never people. */
  organisations?: string[];
};

export interface NoteExtraction {
  draft: NoteDraft;
  /** How the account was found: named in the note, chosen later, or still open. */
  account: { how: 'mentioned' | 'contact' | 'chosen' | 'ambiguous' | 'unknown' };
  /** Decisions about people the user made (which 王总; the full name behind 高总). */
  choices: Record<string, PersonChoice>;
}

export type QuestionStatus = 'open' | 'answered' | 'dismissed';

export type NoteQuestion = { id: number; status: QuestionStatus } & (
  | { kind: 'choose_account'; candidates: AccountRef[] }
  | { kind: 'choose_contact'; personKey: string; label: string; candidates: { id: string; name: string; title: string | null }[] }
  | { kind: 'name_person'; personKey: string; label: string }
  | { kind: 'confirm_role'; contactId: string; name: string; role: DecisionRole }
);

export type Capture = NoteCaptureRow<NoteExtraction, NoteQuestion>;

export const PENDING_NOTE_QUESTION = 'note.question';

export interface PendingNoteQuestion {
  kind: typeof PENDING_NOTE_QUESTION;
  noteId: string;
  questionId: number;
}

export function openQuestion(capture: Pick<Capture, 'questions'>): NoteQuestion | undefined {
  return capture.questions.find((q) => q.status === 'open');
}

/** Points the chat at this note: follow-ups edit it, a short answer answers its open question. */
export function rememberNote(context: ChatContext, capture: Pick<Capture, 'id' | 'account_id' | 'questions' | 'status'>): void {
  context.lastNoteId = String(capture.id);
  if (capture.account_id && capture.status === 'filed') context.lastAccountId = capture.account_id;
  const q = capture.status === 'undone' ? undefined : openQuestion(capture);
  if (q) {
    const pending: PendingNoteQuestion = { kind: PENDING_NOTE_QUESTION, noteId: String(capture.id), questionId: q.id };
    context.pending = { ...pending };
  } else if (context.pending?.kind === PENDING_NOTE_QUESTION) {
    delete context.pending;
  }
}

export function pendingNoteQuestion(context: ChatContext): PendingNoteQuestion | undefined {
  const p = context.pending;
  if (p?.kind !== PENDING_NOTE_QUESTION || typeof p.noteId !== 'string' || typeof p.questionId !== 'number') return undefined;
  return p as unknown as PendingNoteQuestion;
}
