// The visit-note turn handler: takes a message before question answering when it is a note
// ("今天下午拜访了…", "log: …"), an answer to a note's question ("是"), a follow-up edit of the
// last note ("日期改成昨天", "撤销"), a request for unfiled notes, or a note button press.
import { placeholderTexts } from '../../../prompts/conversation/facts.ts';
import type { ButtonAction, Reply } from '../../chat/types.ts';
import { noteTexts } from '../../../prompts/notes.ts';
import { noteEditTexts } from '../../../prompts/notes-edits.ts';
import { t } from '../../../prompts/index.ts';
import { accountName } from '../../store/notes.ts';
import type { TurnContext } from '../types.ts';
import { captureNote } from './capture.ts';
import { addContact, changeAmount, changeCompetitors, changeSummary, personOnNote, renameContact } from './draft-edits.ts';
import { changeAccount, changeDate, changeNextStep, changeType, changeWhen, setRole } from './edits.ts';
import { asksForUnfiled, fileListed, parseFollowUp, type FollowUp } from './follow-ups.ts';
import { answerFromButton, answerFromText, applyAnswer } from './questions.ts';
import { recognizeNote } from './recognize.ts';
import { NOTE_ANSWER, NOTE_EDIT, NOTE_OPPORTUNITY, NOTE_UNDO, plainReply } from './reply.ts';
import { notePipelineTexts } from '../../../prompts/notes-pipeline.ts';
import { createOfferedOpportunity } from './pipeline.ts';
import { changeAndReply, clockOf, currentNote, loadNote, say } from './session.ts';
import { pendingNoteQuestion, rememberNote, type Capture } from './state.ts';
import { undoNote } from './undo.ts';
import { fileListed as fileListedNote, listUnfiled } from './unfiled.ts';

async function editHelp(turn: TurnContext, capture: Capture): Promise<Reply> {
  const lang = turn.lang;
  const people = capture.extraction.draft.people;
  const person = people.find((p) => p.name)?.name ?? people[0]?.mention ?? t(placeholderTexts, 'someone', lang);
  const account = capture.account_id ? await accountName(turn.app.db, turn.user.id, capture.account_id) : undefined;
  const lines = [
    t(noteTexts, 'editHelpDate', lang),
    t(noteTexts, 'editHelpAccount', lang, { account: account || t(placeholderTexts, 'thisAccount', lang) }),
    t(noteTexts, 'editHelpRole', lang, { person }),
    t(noteTexts, 'editHelpNext', lang),
    t(noteEditTexts, 'editHelpContact', lang),
    t(noteEditTexts, 'editHelpMoney', lang),
    t(noteEditTexts, 'editHelpSummary', lang),
    t(noteTexts, 'editHelpUndo', lang),
  ].map((l) => `· ${l}`);
  rememberNote(turn.context, capture);
  const title = t(noteTexts, 'editHelpTitle', lang);
  return { ...plainReply(lang, [title, ...lines].join('\n'), { event: 'edit_help', noteId: capture.id }), title, sections: [{ title, lines }] };
}

async function applyFollowUp(turn: TurnContext, capture: Capture, f: FollowUp): Promise<Reply | null> {
  switch (f.kind) {
    case 'undo':
      return undoNote(turn, capture);
    case 'date':
      return changeDate(turn, capture, f.text);
    case 'when':
      return changeWhen(turn, capture, f.text);
    case 'type':
      return changeType(turn, capture, f.type);
    case 'next_step':
      return changeNextStep(turn, capture, f.text);
    case 'role':
      return setRole(turn, capture, f.person, f.role);
    case 'account':
      // "不是赵磊吃,是赵磊" corrects a person of the note; otherwise it names another account.
      if (f.from && personOnNote(capture, f.from) >= 0) return renameContact(turn, capture, f.from, f.to);
      // For a note still waiting for its account, "这是X的" can only mean filing it.
      return changeAccount(turn, capture, f.to, !!f.weak && capture.status !== 'unfiled');
    case 'rename':
      // "it's Xingye, not Beifang" names no person of the note: a change of account, if any.
      return (await renameContact(turn, capture, f.from, f.to)) ?? changeAccount(turn, capture, f.to, true);
    case 'add_contact':
      return addContact(turn, capture, f.person);
    case 'amount':
      return changeAmount(turn, capture, f.text);
    case 'competitors':
      return changeCompetitors(turn, capture, f.op, f.text);
    case 'summary':
      return changeSummary(turn, capture, f.text);
    case 'edit_help':
      return editHelp(turn, capture);
  }
}

/** "建个商机" (the card's button, or typed): creates the opportunity the note offers. */
async function createOpportunity(turn: TurnContext, capture: Capture): Promise<Reply> {
  let id: string | undefined;
  const reply = await changeAndReply(
    turn,
    capture,
    async (tx) => {
      id = await createOfferedOpportunity(tx, capture, clockOf(turn));
    },
    { event: 'opportunity_created', head: () => undefined },
  );
  if (!id) return plainReply(turn.lang, t(notePipelineTexts, 'nothingToCreate', turn.lang), { event: 'no_opportunity', noteId: capture.id });
  const head = t(notePipelineTexts, 'createdHead', turn.lang, { id });
  return { ...reply, text: `${head}\n${reply.text}`, data: { ...(reply.data as object), opportunityId: id } };
}

/** A typed request for the offered opportunity. */
const CREATE_OPPORTUNITY = /^\s*(?:好的?|行|可以|是的?|yes|ok(?:ay)?|sure)?[,，!！\s]*(?:请|帮我)?(?:建个商机|建一个商机|建商机|创建商机|新建商机|create (?:an |the |this )?(?:opportunity|opp|deal))\s*[。.!！]?\s*$/i;

async function onButton(turn: TurnContext, action: ButtonAction): Promise<Reply | null> {
  const id = Number(action.value?.noteId);
  const capture = Number.isInteger(id) ? await loadNote(turn.app.db, turn.user.id, id) : undefined;
  if (!capture) return say(turn, 'noteNotFound');
  if (action.action === NOTE_UNDO) return undoNote(turn, capture);
  if (capture.status === 'undone') return say(turn, 'noteGone');
  if (action.action === NOTE_EDIT) return editHelp(turn, capture);
  if (action.action === NOTE_OPPORTUNITY) return capture.status === 'filed' ? createOpportunity(turn, capture) : say(turn, 'noteGone');
  if (action.action === NOTE_ANSWER) {
    const q = capture.questions.find((x) => String(x.id) === action.value?.questionId);
    if (q?.status !== 'open') return say(turn, 'questionClosed');
    const answer = answerFromButton(q, action.value?.answer ?? '');
    return answer ? applyAnswer(turn, capture, q, answer) : say(turn, 'choiceNotUnderstood');
  }
  return null;
}

export async function handleNoteTurn(turn: TurnContext): Promise<Reply | null> {
  const action = turn.msg.action;
  if (action?.action.startsWith('note.')) return onButton(turn, action);
  const text = turn.msg.text.trim();
  if (!text) return null;

  const intent = recognizeNote(text, { now: turn.now, tz: turn.tz });
  if (intent?.explicit) return captureNote(turn, intent.body);

  const pending = pendingNoteQuestion(turn.context);
  // A message that is itself a note is a new note, never the answer to the last one's question:
  // the earlier note keeps its question (and stays unfiled until answered), nothing is misfiled.
  if (pending && !intent) {
    const capture = await loadNote(turn.app.db, turn.user.id, Number(pending.noteId));
    const q = capture?.questions.find((x) => x.id === pending.questionId && x.status === 'open');
    if (capture && q && capture.status !== 'undone') {
      const answer = await answerFromText(turn, q, text);
      if (answer) return applyAnswer(turn, capture, q, answer);
    }
  }
  // Anything else lapses the question (it stays open on the note and is asked again with it).
  if (pending) delete turn.context.pending;

  if (asksForUnfiled(text)) return listUnfiled(turn);
  const listed = fileListed(text);
  if (listed) {
    const reply = await fileListedNote(turn, listed.n, listed.account);
    if (reply) return reply;
  }

  if (CREATE_OPPORTUNITY.test(text)) {
    const capture = await currentNote(turn);
    if (capture?.status === 'filed') return createOpportunity(turn, capture);
  }

  const follow = parseFollowUp(text);
  if (follow) {
    const capture = await currentNote(turn);
    if (follow.kind === 'undo') return undoNote(turn, capture);
    if (capture && capture.status !== 'undone') {
      const reply = await applyFollowUp(turn, capture, follow);
      if (reply) return reply;
    }
  }

  return intent ? captureNote(turn, intent.body) : null;
}
