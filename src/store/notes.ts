// All SQL of visit-note capture: the note_captures rows, the interactions and contacts a note
// creates (ids in their own namespace, so they never collide with imported ids), and the reads a
// note needs. Reads of customer data are scoped by the user's visibility.
import type { Db } from '../../db/index.ts';
import type { Contact, ContactLevel, DecisionRole, InteractionType, Attitude, Stage } from '../domain/types.ts';
import { visibleTo } from './visible.ts';

export type NoteStatus = 'filed' | 'unfiled' | 'undone';

export interface ContactUpdate {
  contactId: string;
  field: 'decision_role';
  before: string | null;
  after: string | null;
}

/** What a note did to the pipeline (store/pipeline.ts writes and reverts these). */
export type PipelineChange =
  | { kind: 'competitor'; accountId: string; name: string; created: boolean; before?: { first_seen: string | null; last_seen: string | null; mentions: number } }
  | { kind: 'opportunity_created'; id: string; accountId: string }
  | { kind: 'opportunity_updated'; id: string; before: { stage: Stage; amount: number | null; updated_at: string | null }; after: { stage: Stage; amount: number | null } };

export interface NoteCaptureRow<E = unknown, Q = unknown> {
  id: number;
  raw_message_id: number | null;
  user_id: string;
  chat_key: string | null;
  text: string;
  status: NoteStatus;
  account_id: string | null;
  interaction_id: string | null;
  created_contact_ids: string[];
  contact_updates: ContactUpdate[];
  /** What the note did to the pipeline (competitors, opportunities), for Undo; see store/pipeline.ts. */
  pipeline_changes: PipelineChange[];
  extraction: E;
  questions: Q[];
  engine: 'offline' | 'llm';
  created_at: Date;
  updated_at: Date;
}

const CAPTURE_COLS =
  'id, raw_message_id, user_id, chat_key, text, status, account_id, interaction_id, created_contact_ids, contact_updates, pipeline_changes, extraction, questions, engine, created_at, updated_at';

export async function insertCapture(
  db: Db,
  c: { rawMessageId: number | null; userId: string; chatKey: string | null; text: string; extraction: unknown; engine: 'offline' | 'llm'; now: Date },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO note_captures (raw_message_id, user_id, chat_key, text, status, extraction, engine, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'unfiled', $5::jsonb, $6, $7, $7) RETURNING id`,
    [c.rawMessageId, c.userId, c.chatKey, c.text, JSON.stringify(c.extraction), c.engine, c.now],
  );
  return r.rows[0].id;
}

export interface CapturePatch {
  status?: NoteStatus;
  accountId?: string | null;
  interactionId?: string | null;
  createdContactIds?: string[];
  contactUpdates?: ContactUpdate[];
  pipelineChanges?: PipelineChange[];
  extraction?: unknown;
  questions?: unknown[];
  chatKey?: string | null;
}

export async function updateCapture(db: Db, id: number, patch: CapturePatch, now: Date): Promise<void> {
  const sets: string[] = ['updated_at = $2'];
  const params: unknown[] = [id, now];
  const set = (col: string, value: unknown, cast = '') => {
    params.push(value);
    sets.push(`${col} = $${params.length}${cast}`);
  };
  if (patch.status !== undefined) set('status', patch.status);
  if (patch.accountId !== undefined) set('account_id', patch.accountId);
  if (patch.interactionId !== undefined) set('interaction_id', patch.interactionId);
  if (patch.createdContactIds !== undefined) set('created_contact_ids', patch.createdContactIds, '::text[]');
  if (patch.contactUpdates !== undefined) set('contact_updates', JSON.stringify(patch.contactUpdates), '::jsonb');
  if (patch.pipelineChanges !== undefined) set('pipeline_changes', JSON.stringify(patch.pipelineChanges), '::jsonb');
  if (patch.extraction !== undefined) set('extraction', JSON.stringify(patch.extraction), '::jsonb');
  if (patch.questions !== undefined) set('questions', JSON.stringify(patch.questions), '::jsonb');
  if (patch.chatKey !== undefined) set('chat_key', patch.chatKey);
  await db.query(`UPDATE note_captures SET ${sets.join(', ')} WHERE id = $1`, params);
}

/** One of the user's notes (never another user's). */
export async function getCapture<E, Q>(db: Db, userId: string, id: number): Promise<NoteCaptureRow<E, Q> | undefined> {
  const r = await db.query<NoteCaptureRow<E, Q>>(`SELECT ${CAPTURE_COLS} FROM note_captures WHERE id = $1 AND user_id = $2`, [id, userId]);
  return r.rows[0];
}

/** The user's most recently touched note in this chat since `since` (the follow-up window). */
export async function latestCaptureInChat<E, Q>(db: Db, userId: string, chatKey: string, since: Date): Promise<NoteCaptureRow<E, Q> | undefined> {
  const r = await db.query<NoteCaptureRow<E, Q>>(
    `SELECT ${CAPTURE_COLS} FROM note_captures WHERE user_id = $1 AND chat_key = $2 AND updated_at >= $3 ORDER BY updated_at DESC, id DESC LIMIT 1`,
    [userId, chatKey, since],
  );
  return r.rows[0];
}

export async function unfiledCaptures<E, Q>(db: Db, userId: string, limit: number): Promise<NoteCaptureRow<E, Q>[]> {
  const r = await db.query<NoteCaptureRow<E, Q>>(
    `SELECT ${CAPTURE_COLS} FROM note_captures WHERE user_id = $1 AND status = 'unfiled' ORDER BY created_at DESC, id DESC LIMIT $2`,
    [userId, limit],
  );
  return r.rows;
}

export async function countUnfiled(db: Db, userId: string): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM note_captures WHERE user_id = $1 AND status = 'unfiled'`, [userId]);
  return r.rows[0].n;
}

// ---------- ids ----------

/**
 * The next free id of the form PREFIX-YYYYMMDD-N. Imported ids never have this form unless they
 * were exported from here, and then the counter continues after them. A transaction-level
 * advisory lock serialises concurrent notes on a PostgreSQL server.
 */
export async function nextId(tx: Db, table: 'interactions' | 'contacts' | 'opportunities', prefix: string, day: string): Promise<string> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${table}:${prefix}`]);
  const stem = `${prefix}-${day.replace(/-/g, '')}-`;
  const r = await tx.query<{ n: number | null }>(
    `SELECT max(substring(id FROM length($1) + 1)::int) AS n FROM (
       SELECT id FROM ${table} WHERE id LIKE $1 || '%'
       ${
         table === 'interactions'
           ? "UNION ALL SELECT interaction_id FROM note_captures WHERE interaction_id LIKE $1 || '%'"
           : table === 'contacts'
             ? 'UNION ALL SELECT unnest(created_contact_ids) FROM note_captures'
             : "UNION ALL SELECT c->>'id' FROM note_captures, jsonb_array_elements(pipeline_changes) c WHERE c->>'kind' = 'opportunity_created'"
       }
     ) ids WHERE id LIKE $1 || '%' AND substring(id FROM length($1) + 1) ~ '^[0-9]{1,9}$'`,
    [stem],
  );
  return `${stem}${(r.rows[0].n ?? 0) + 1}`;
}

/** Interaction ids of chat notes: CHAT-20261124-1. */
export function nextInteractionId(tx: Db, day: string): Promise<string> {
  return nextId(tx, 'interactions', 'CHAT', day);
}

/** Contact ids of people added from chat: CHAT-C-20261124-1. */
export function nextContactId(tx: Db, day: string): Promise<string> {
  return nextId(tx, 'contacts', 'CHAT-C', day);
}

// ---------- interactions and contacts written by notes ----------

export interface NewInteraction {
  id: string;
  accountId: string;
  userId: string;
  occurredAt: Date;
  type: InteractionType;
  contactIds: string[];
  summary: string;
  nextStep: string | null;
  nextStepDue: string | null;
  rawMessageId: number | null;
  now: Date;
}

export async function insertInteraction(tx: Db, i: NewInteraction): Promise<void> {
  await tx.query(
    `INSERT INTO interactions (id, account_id, user_id, occurred_at, type, contact_ids, summary, next_step, next_step_due, source, raw_message_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, 'chat', $10, $11)`,
    [i.id, i.accountId, i.userId, i.occurredAt, i.type, i.contactIds, i.summary, i.nextStep, i.nextStepDue, i.rawMessageId, i.now],
  );
}

export interface InteractionPatch {
  occurredAt?: Date;
  type?: InteractionType;
  contactIds?: string[];
  nextStep?: string | null;
  nextStepDue?: string | null;
}

/** Changes a chat note's interaction; only interactions that came from chat can change this way. */
export async function updateChatInteraction(tx: Db, id: string, patch: InteractionPatch): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  const set = (col: string, value: unknown, cast = '') => {
    params.push(value);
    sets.push(`${col} = $${params.length}${cast}`);
  };
  if (patch.occurredAt !== undefined) set('occurred_at', patch.occurredAt);
  if (patch.type !== undefined) set('type', patch.type);
  if (patch.contactIds !== undefined) set('contact_ids', patch.contactIds, '::text[]');
  if (patch.nextStep !== undefined) set('next_step', patch.nextStep);
  if (patch.nextStepDue !== undefined) set('next_step_due', patch.nextStepDue);
  if (!sets.length) return;
  await tx.query(`UPDATE interactions SET ${sets.join(', ')} WHERE id = $1 AND source = 'chat'`, params);
}

export async function deleteChatInteraction(tx: Db, id: string): Promise<void> {
  await tx.query(`DELETE FROM interactions WHERE id = $1 AND source = 'chat'`, [id]);
}

export interface NewContact {
  id: string;
  accountId: string;
  name: string;
  title: string | null;
  level: ContactLevel;
  decisionRole: DecisionRole | null;
  attitude: Attitude | null;
  rawMessageId: number | null;
}

export async function insertContact(tx: Db, c: NewContact): Promise<void> {
  await tx.query(
    `INSERT INTO contacts (id, account_id, name, title, level, decision_role, attitude, active, source, raw_message_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, true, 'chat', $8)`,
    [c.id, c.accountId, c.name, c.title, c.level, c.decisionRole, c.attitude, c.rawMessageId],
  );
}

/** Of these contacts, the ones some interaction other than `exceptInteraction` refers to. */
export async function contactsUsedElsewhere(tx: Db, ids: string[], exceptInteraction: string | null): Promise<string[]> {
  if (!ids.length) return [];
  const r = await tx.query<{ id: string }>(
    `SELECT DISTINCT c.id FROM unnest($1::text[]) AS c(id)
     WHERE EXISTS (SELECT 1 FROM interactions i WHERE c.id = ANY(i.contact_ids) AND i.id IS DISTINCT FROM $2)`,
    [ids, exceptInteraction],
  );
  return r.rows.map((x) => x.id);
}

/** Deletes contacts that were added from chat (imported contacts are never deleted here). */
export async function deleteChatContacts(tx: Db, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await tx.query(`DELETE FROM contacts WHERE id = ANY($1::text[]) AND source = 'chat'`, [ids]);
}

export async function setDecisionRole(tx: Db, contactId: string, role: DecisionRole | null): Promise<void> {
  await tx.query('UPDATE contacts SET decision_role = $2 WHERE id = $1', [contactId, role]);
}

/** Puts a value back only if nobody changed it since (undo never overwrites a later edit). */
export async function revertDecisionRole(tx: Db, contactId: string, expected: string | null, previous: string | null): Promise<void> {
  await tx.query('UPDATE contacts SET decision_role = $3 WHERE id = $1 AND decision_role IS NOT DISTINCT FROM $2', [contactId, expected, previous]);
}

// ---------- reads ----------

const CONTACT_COLS = 'c.id, c.account_id, c.name, c.title, c.department, c.decision_role, c.level, c.attitude, c.phone, c.email, c.active';

/** Contacts of one visible account (all of them: a note may mention someone marked inactive). */
export async function noteAccountContacts(db: Db, userId: string, accountId: string): Promise<Contact[]> {
  const r = await db.query<Contact>(
    `SELECT ${CONTACT_COLS} FROM contacts c WHERE c.account_id = $2 AND ${visibleTo('c.account_id', 1)} ORDER BY c.active DESC, c.id`,
    [userId, accountId],
  );
  return r.rows;
}

/** Visible contacts whose full name occurs in the text (to tell the account of a note that names none). */
export async function visibleContactsNamedIn(db: Db, userId: string, text: string): Promise<Contact[]> {
  const r = await db.query<Contact>(
    `SELECT ${CONTACT_COLS} FROM contacts c WHERE length(c.name) >= 2 AND strpos($2, c.name) > 0 AND ${visibleTo('c.account_id', 1)} ORDER BY c.id`,
    [userId, text],
  );
  return r.rows;
}

export interface InteractionRow {
  id: string;
  account_id: string;
  occurred_at: Date;
  type: InteractionType;
  contact_ids: string[];
  summary: string;
  next_step: string | null;
  next_step_due: string | null;
}

export async function getChatInteraction(db: Db, userId: string, id: string): Promise<InteractionRow | undefined> {
  const r = await db.query<InteractionRow>(
    `SELECT i.id, i.account_id, i.occurred_at, i.type, i.contact_ids, i.summary, i.next_step, i.next_step_due
     FROM interactions i WHERE i.id = $2 AND i.source = 'chat' AND ${visibleTo('i.account_id', 1)}`,
    [userId, id],
  );
  return r.rows[0];
}

/** The user's accounts to offer when a note names none: recently logged ones first, then the rest. */
export async function accountsToOffer(db: Db, userId: string, limit: number): Promise<{ id: string; name: string }[]> {
  const r = await db.query<{ id: string; name: string }>(
    `SELECT a.id, a.name FROM accounts a
     LEFT JOIN LATERAL (SELECT max(i.occurred_at) AS last FROM interactions i WHERE i.account_id = a.id AND i.user_id = $1) l ON true
     WHERE ${visibleTo('a.id', 1)} AND a.id IN (
       WITH RECURSIVE own(id) AS (
         SELECT account_id FROM account_team WHERE user_id = $1
         UNION SELECT c.id FROM accounts c JOIN own o ON c.parent_id = o.id)
       SELECT id FROM own)
     ORDER BY l.last DESC NULLS LAST, a.id LIMIT $2`,
    [userId, limit],
  );
  return r.rows;
}

// ---------- settings ----------

export async function storedSetting(db: Db, key: string): Promise<unknown> {
  const r = await db.query<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', [key]);
  return r.rows[0]?.value;
}

/** Visible contacts by id, in the order given. */
export async function contactsOfIds(db: Db, userId: string, ids: string[]): Promise<Contact[]> {
  if (!ids.length) return [];
  const r = await db.query<Contact>(`SELECT ${CONTACT_COLS} FROM contacts c WHERE c.id = ANY($2::text[]) AND ${visibleTo('c.account_id', 1)}`, [userId, ids]);
  const byId = new Map(r.rows.map((c) => [c.id, c]));
  return ids.map((id) => byId.get(id)).filter((c): c is Contact => !!c);
}

export async function accountName(db: Db, userId: string, accountId: string): Promise<string | undefined> {
  const r = await db.query<{ name: string }>(`SELECT a.name FROM accounts a WHERE a.id = $2 AND ${visibleTo('a.id', 1)}`, [userId, accountId]);
  return r.rows[0]?.name;
}
