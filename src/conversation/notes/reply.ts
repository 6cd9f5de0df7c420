// Replies about notes: what was saved (read back from the database), the open question with its
// buttons (Undo, Edit, Yes/No, choices), unfiled notes, undo and edit confirmations.
import type { Button, Reply, ReplySection } from '../../chat/types.ts';
import { amountKindLabels, noteTexts, roleLabels, signalLabels, typeLabels } from '../../../prompts/notes.ts';
import { notePipelineTexts } from '../../../prompts/notes-pipeline.ts';
import { STAGE, label } from '../../../prompts/conversation/labels.ts';
import { t, type Lang } from '../../../prompts/index.ts';
import { formatAmount, joinList } from '../../tools/format.ts';
import type { NoteAmount } from './schema.ts';
import type { AccountRef, NoteQuestion } from './state.ts';
import type { NoteView } from './view.ts';

export const NOTE_UNDO = 'note.undo';
export const NOTE_EDIT = 'note.edit';
export const NOTE_ANSWER = 'note.answer';
/** "建个商机?": creates the opportunity the note offers. */
export const NOTE_OPPORTUNITY = 'note.opportunity';

const sep = (lang: Lang) => (lang === 'zh' ? ';' : '; ');

function moneyText(a: NoteAmount, lang: Lang): string {
  const kind = t(amountKindLabels, a.kind, lang);
  const full = a.currency === 'USD' ? `$${a.value.toLocaleString('en-US')}` : `¥${a.value.toLocaleString('en-US')}`;
  if (a.currency === 'USD') return `${kind} ${full}`;
  const short = formatAmount(a.value, 'zh');
  return lang === 'zh' ? `${kind} ${short}(${full})` : `${kind} ${full} (${short})`;
}

function whenText(occurredAt: string): string {
  return `${occurredAt.slice(0, 10)} ${occurredAt.slice(11, 16)}`;
}

export function questionText(q: NoteQuestion, lang: Lang, accountName?: string): string {
  switch (q.kind) {
    case 'confirm_role':
      return t(noteTexts, 'qConfirmRole', lang, { name: q.name, role: t(roleLabels, q.role, lang) });
    case 'choose_contact':
      return [t(noteTexts, 'qChooseContact', lang, { label: q.label }), ...q.candidates.map((c, i) => `${i + 1}. ${c.name}${c.title ? ` (${c.title})` : ''}`)].join('\n');
    case 'name_person':
      return t(noteTexts, 'qNamePerson', lang, { label: q.label, account: accountName ?? '' });
    case 'choose_account':
      return [t(noteTexts, 'qChooseAccount', lang), ...q.candidates.map((c, i) => `${i + 1}. ${c.name}`)].join('\n');
  }
}

export function questionButtons(q: NoteQuestion, noteId: number, lang: Lang): Button[] {
  const answer = (label: string, value: string, style: Button['style'] = 'default'): Button => ({
    label,
    action: NOTE_ANSWER,
    value: { noteId: String(noteId), questionId: String(q.id), answer: value },
    style,
  });
  switch (q.kind) {
    case 'confirm_role':
      return [answer(t(noteTexts, 'yesButton', lang), 'yes', 'primary'), answer(t(noteTexts, 'noButton', lang), 'no')];
    case 'choose_contact':
      return [...q.candidates.map((c) => answer(c.title ? `${c.name} (${c.title})` : c.name, c.id)), answer(t(noteTexts, 'noneOfThem', lang), 'none')];
    case 'choose_account':
      return q.candidates.map((c, i) => answer(c.name, c.id, i === 0 ? 'primary' : 'default'));
    case 'name_person':
      return [];
  }
}

function noteButtons(view: NoteView, lang: Lang): Button[] {
  if (view.status === 'undone') return [];
  const id = String(view.noteId);
  const buttons: Button[] = [];
  if (view.question) buttons.push(...questionButtons(view.question, view.noteId, lang));
  buttons.push({ label: t(noteTexts, 'undoButton', lang), action: NOTE_UNDO, value: { noteId: id }, style: 'danger' });
  if (view.status === 'filed') buttons.push({ label: t(noteTexts, 'editButton', lang), action: NOTE_EDIT, value: { noteId: id } });
  if (view.status === 'filed' && view.pipeline.offer) buttons.push({ label: t(notePipelineTexts, 'offerButton', lang), action: NOTE_OPPORTUNITY, value: { noteId: id }, style: 'primary' });
  return buttons;
}

/** The lines describing a filed note, as saved. */
function savedLines(view: NoteView, lang: Lang): string[] {
  const i = view.interaction!;
  const lines: string[] = [t(noteTexts, 'lineWhen', lang, { when: whenText(i.occurredAt) }) + (view.dateGiven ? '' : t(noteTexts, 'dateDefaulted', lang))];
  if (i.contacts.length) {
    const list = i.contacts.map((c) => {
      const parts = [c.title, c.created ? t(noteTexts, 'contactNew', lang) : null, c.decisionRole ? t(roleLabels, c.decisionRole, lang) : null].filter(Boolean);
      return parts.length ? `${c.name}${lang === 'zh' ? `(${parts.join(',')})` : ` (${parts.join(', ')})`}` : c.name;
    });
    lines.push(t(noteTexts, 'lineContacts', lang, { list: joinList(list, lang) }));
  } else {
    lines.push(t(noteTexts, 'noContacts', lang));
  }
  if (i.nextStep) lines.push(t(noteTexts, 'lineNextStep', lang, { step: i.nextStep + (i.nextStepDue ? t(noteTexts, 'due', lang, { due: i.nextStepDue }) : '') }));
  if (view.amounts.length) lines.push(t(noteTexts, 'lineMoney', lang, { list: view.amounts.map((a) => moneyText(a, lang)).join(sep(lang)) }));
  if (view.competitors.length) lines.push(t(noteTexts, 'lineCompetitors', lang, { list: joinList(view.competitors, lang) }));
  if (view.signals.length) {
    const list = view.signals.map((s) => `${s.person ? `${s.person} ` : ''}${s.text}${lang === 'zh' ? `(${t(signalLabels, s.kind, lang)})` : ` (${t(signalLabels, s.kind, lang)})`}`);
    lines.push(t(noteTexts, 'lineSignals', lang, { list: list.join(sep(lang)) }));
  }
  lines.push(...pipelineLines(view, lang));
  lines.push(t(noteTexts, 'lineSummary', lang, { summary: i.summary }));
  lines.push(t(noteTexts, 'lineRecord', lang, { id: i.id }));
  return lines;
}

const money = (v: number | null, lang: Lang) => (v === null ? '–' : formatAmount(v, lang));

/** The opportunities the note created or updated, and the one it offers to create. */
function pipelineLines(view: NoteView, lang: Lang): string[] {
  const p = view.pipeline;
  const lines: string[] = [];
  for (const c of p.created) lines.push(t(notePipelineTexts, 'createdLine', lang, { id: c.id, name: c.name, stage: label(STAGE, c.stage, lang), amount: money(c.amount, lang) }));
  for (const u of p.updated) {
    const changes: string[] = [];
    if (u.before.stage !== u.after.stage) changes.push(t(notePipelineTexts, 'stageChange', lang, { from: label(STAGE, u.before.stage, lang), to: label(STAGE, u.after.stage, lang) }));
    if (u.before.amount !== u.after.amount) changes.push(t(notePipelineTexts, 'amountChange', lang, { from: money(u.before.amount, lang), to: money(u.after.amount, lang) }));
    lines.push(t(notePipelineTexts, 'updatedLine', lang, { id: u.id, name: u.name, changes: changes.join(sep(lang)) }));
  }
  if (p.offer) lines.push(t(notePipelineTexts, 'offerLine', lang, { name: p.offer.name, amount: money(p.offer.amount, lang) }));
  return lines;
}

function viewData(view: NoteView, extra: Record<string, unknown> = {}) {
  return { kind: 'note', ...extra, note: view };
}

/**
 * A note's state as a reply. `head` is what just happened (saved, date changed, ...); the saved
 * fields follow, then the open question.
 */
export function noteReply(view: NoteView, lang: Lang, opts: { head?: string; event: string; extra?: string[] }): Reply {
  const sections: ReplySection[] = [];
  const textParts: string[] = [];
  if (view.status === 'filed' && view.interaction && view.account) {
    const title = opts.head ?? t(noteTexts, 'savedTitle', lang, { type: t(typeLabels, view.interaction.type, lang), account: view.account.name });
    const lines = savedLines(view, lang);
    sections.push({ title, lines });
    textParts.push(title, ...lines);
  } else if (opts.head) {
    textParts.push(opts.head);
  }
  for (const e of opts.extra ?? []) textParts.push(e);
  if (view.question) {
    const q = questionText(view.question, lang, view.account?.name);
    sections.push({ lines: [q] });
    textParts.push(q);
  }
  return {
    lang,
    title: sections[0]?.title,
    text: textParts.join('\n'),
    sections,
    buttons: noteButtons(view, lang),
    data: viewData(view, { event: opts.event }),
  };
}

/** A note that could not be filed: kept as unfiled, with the question which account. */
export function unfiledReply(view: NoteView, lang: Lang, reason: 'not_found' | 'ambiguous', example?: AccountRef): Reply {
  // A note naming no account and one naming an account the user may not see read the same.
  const why = t(noteTexts, reason === 'ambiguous' ? 'unfiledAmbiguous' : 'unfiledNotFound', lang);
  const lines = [why, t(noteTexts, 'unfiledSaved', lang)];
  if (example && view.question?.kind === 'choose_account' && reason !== 'ambiguous') lines.push(t(noteTexts, 'fileHint', lang, { example: example.name }));
  const reply = noteReply(view, lang, { head: lines.join(lang === 'zh' ? '' : ' '), event: 'unfiled' });
  reply.data = viewData(view, { event: 'unfiled', reason });
  return reply;
}

export function plainReply(lang: Lang, text: string, data: Record<string, unknown>): Reply {
  return { lang, text, data: { kind: 'note', ...data } };
}
