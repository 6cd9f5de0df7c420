// The shape of an extracted note, shared by the offline extractor and the LLM engine (which must
// return exactly this, validated here before anything is saved).
import { z } from 'zod';

export const INTERACTION_TYPES = ['visit', 'call', 'meeting', 'email', 'dinner', 'event', 'im'] as const;
export const DECISION_ROLES = ['decision_maker', 'influencer', 'evaluator', 'user', 'gatekeeper'] as const;
export const SIGNAL_KINDS = ['positive', 'negative', 'concern'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const NotePerson = z.object({
  /** Full name when the note gives one (高远, Gao Yuan). */
  name: z.string().min(1).nullable(),
  /** Surname of a reference without a full name (高总 → 高). */
  surname: z.string().min(1).nullable(),
  /** The short form after the surname (总, 董, 院长, mr). */
  honorific: z.string().nullable(),
  title: z.string().nullable(),
  decisionRole: z.enum(DECISION_ROLES).nullable(),
  newInRole: z.boolean(),
  attitude: z.enum(SIGNAL_KINDS).nullable(),
  /** How the note refers to the person (何军总工, 高总). */
  mention: z.string(),
});
export type NotePerson = z.infer<typeof NotePerson>;

export const NoteAmount = z.object({
  value: z.number().positive(),
  currency: z.enum(['CNY', 'USD']),
  kind: z.enum(['budget', 'deal', 'other']),
  text: z.string(),
  approximate: z.boolean(),
});
export type NoteAmount = z.infer<typeof NoteAmount>;

export const NoteSignal = z.object({
  kind: z.enum(SIGNAL_KINDS),
  text: z.string(),
  /** The person it is about, as in NotePerson.name or mention; null for the customer as a whole. */
  person: z.string().nullable(),
});
export type NoteSignal = z.infer<typeof NoteSignal>;

export const NoteDraft = z.object({
  type: z.enum(INTERACTION_TYPES),
  /** ISO 8601 date-time with offset. */
  occurredAt: z.string(),
  /** Whether the note said when (else occurredAt is the time it was sent). */
  dateGiven: z.boolean(),
  people: z.array(NotePerson),
  summary: z.string().min(1),
  nextStep: z.string().nullable(),
  nextStepDue: isoDate.nullable(),
  amounts: z.array(NoteAmount),
  competitors: z.array(z.string()),
  signals: z.array(NoteSignal),
});
export type NoteDraft = z.infer<typeof NoteDraft>;

/** What a person is called in replies and questions: the full name, else the reference (高总). */
export function personLabel(p: Pick<NotePerson, 'name' | 'mention' | 'surname' | 'honorific'>): string {
  return p.name ?? p.mention;
}
