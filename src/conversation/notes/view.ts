// What a note amounts to right now, read back from the database (so a reply shows exactly what
// was saved, not what was meant to be saved).
import type { Db } from '../../../db/index.ts';
import type { ContactLevel, DecisionRole, InteractionType } from '../../domain/types.ts';
import { formatDateTime, toIsoDate } from '../../domain/time.ts';
import { accountName, contactsOfIds, getChatInteraction } from '../../store/notes.ts';
import { getOpportunity } from '../../store/pipeline.ts';
import type { Stage } from '../../domain/types.ts';
import { opportunityOffer, type OpportunityOffer } from './pipeline.ts';
import type { NoteAmount, NoteSignal } from './schema.ts';
import { openQuestion, type Capture, type NoteQuestion } from './state.ts';

export interface NoteContactView {
  id: string;
  name: string;
  title: string | null;
  level: ContactLevel | null;
  decisionRole: DecisionRole | null;
  created: boolean;
}

export interface NoteView {
  noteId: number;
  status: Capture['status'];
  engine: Capture['engine'];
  account?: { id: string; name: string };
  interaction?: {
    id: string;
    type: InteractionType;
    occurredAt: string;
    date: string;
    summary: string;
    nextStep: string | null;
    nextStepDue: string | null;
    contacts: NoteContactView[];
  };
  dateGiven: boolean;
  amounts: NoteAmount[];
  competitors: string[];
  signals: NoteSignal[];
  question?: NoteQuestion;
  /** What the note did to the pipeline, and what it offers to do. */
  pipeline: {
    created: { id: string; name: string; stage: Stage; amount: number | null }[];
    updated: { id: string; name: string; before: { stage: Stage; amount: number | null }; after: { stage: Stage; amount: number | null } }[];
    competitorsKept: boolean;
    offer?: OpportunityOffer;
  };
}

export async function loadNoteView(db: Db, userId: string, capture: Capture, tz: string): Promise<NoteView> {
  const draft = capture.extraction.draft;
  const view: NoteView = {
    noteId: capture.id,
    status: capture.status,
    engine: capture.engine,
    dateGiven: draft.dateGiven,
    amounts: draft.amounts,
    competitors: draft.competitors,
    signals: draft.signals,
    question: capture.status === 'undone' ? undefined : openQuestion(capture),
    pipeline: { created: [], updated: [], competitorsKept: false },
  };
  if (capture.status === 'filed') {
    for (const c of capture.pipeline_changes) {
      if (c.kind === 'competitor') {
        view.pipeline.competitorsKept = true;
        continue;
      }
      const o = await getOpportunity(db, userId, c.id);
      if (!o) continue;
      const amount = o.amount === null ? null : Number(o.amount);
      if (c.kind === 'opportunity_created') view.pipeline.created.push({ id: o.id, name: o.name, stage: o.stage, amount });
      else view.pipeline.updated.push({ id: o.id, name: o.name, before: { stage: c.before.stage, amount: c.before.amount }, after: c.after });
    }
    view.pipeline.offer = await opportunityOffer(db, userId, capture);
  }
  if (capture.account_id) {
    const name = await accountName(db, userId, capture.account_id);
    if (name) view.account = { id: capture.account_id, name };
  }
  if (capture.status === 'filed' && capture.interaction_id) {
    const i = await getChatInteraction(db, userId, capture.interaction_id);
    if (i) {
      const contacts = await contactsOfIds(db, userId, i.contact_ids);
      view.interaction = {
        id: i.id,
        type: i.type,
        occurredAt: formatDateTime(i.occurred_at, tz),
        date: toIsoDate(i.occurred_at, tz),
        summary: i.summary,
        nextStep: i.next_step,
        nextStepDue: i.next_step_due,
        contacts: contacts.map((c) => ({
          id: c.id,
          name: c.name,
          title: c.title,
          level: c.level,
          decisionRole: c.decision_role,
          created: capture.created_contact_ids.includes(c.id),
        })),
      };
    }
  }
  return view;
}
