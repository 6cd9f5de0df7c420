// A new visit note: find its account among those the user may see, extract it (LLM when
// configured, else or on any failure offline), and save it in one transaction: filed on the
// account, or kept unfiled with the question which account. The raw message is already stored.
import type { Reply } from '../../chat/types.ts';
import type { Db } from '../../../db/index.ts';
import { formatDateTime } from '../../domain/time.ts';
import { visibleAccountNames, type AccountName } from '../../store/accounts.ts';
import { accountsToOffer, getCapture, insertCapture, noteAccountContacts, updateCapture, visibleContactsNamedIn } from '../../store/notes.ts';
import { resolveAccountMention } from '../../nlu/accounts.ts';
import { findUserMentions } from '../../nlu/users.ts';
import type { TurnContext } from '../types.ts';
import { competitorList } from './competitor-list.ts';
import { extractNote } from './extract/index.ts';
import type { KnownName } from './extract/people.ts';
import { latinSpellings } from './latin-names.ts';
import { extractWithLlm } from './llm-extract.ts';
import { fileNote } from './materialize.ts';
import { unfiledReply } from './reply.ts';
import type { NoteDraft } from './schema.ts';
import { clockOf, replyFor } from './session.ts';
import { rememberNote, type AccountFinding, type AccountRef, type Capture, type NoteExtraction, type NoteQuestion } from './state.ts';

import { loadNoteView } from './view.ts';

/** How many of the user's accounts to offer as buttons when a note names none. */
const OFFER = 5;

const ref = (a: AccountName): AccountRef => ({ id: a.id, name: a.name });

/**
 * The account a note is about, among the accounts the user may see: the one it names (the most
 * specific, 华东一公司 over its group), else the one account whose contact it names by full name
 * (which also settles a name two accounts share).
 * An account the user may not see is never found, exactly like one that does not exist.
 */
export async function findNoteAccount(db: Db, userId: string, text: string): Promise<AccountFinding> {
  const names = await visibleAccountNames(db, userId);
  const organisations = names.flatMap((n) => [n.name, ...n.aliases]).filter((w) => w.length >= 2 && text.includes(w));
  return { ...(await accountOfNote(db, userId, text, names)), organisations };
}

async function accountOfNote(db: Db, userId: string, text: string, names: AccountName[]): Promise<AccountFinding> {
  const mention = await resolveAccountMention(db, userId, text, { names, detectUnknown: false });
  if (mention.kind === 'found') return { kind: 'found', account: ref(mention.account), how: 'mentioned' };
  const named = await visibleContactsNamedIn(db, userId, text);
  if (mention.kind === 'ambiguous') {
    // Two accounts answer to the name; a person the note names by full name may settle which.
    const ids = new Set(named.map((c) => c.account_id));
    const fitting = mention.candidates.filter((c) => ids.has(c.id));
    if (fitting.length === 1) return { kind: 'found', account: ref(fitting[0]), how: 'mentioned' };
    return { kind: 'ambiguous', candidates: mention.candidates.map(ref) };
  }
  const accountIds = [...new Set(named.map((c) => c.account_id))];
  if (accountIds.length === 1) {
    const account = names.find((n) => n.id === accountIds[0]);
    if (account) return { kind: 'found', account: ref(account), how: 'contact' };
  }
  return { kind: 'unknown' };
}

/** A note with nothing extracted: its text, now, no people. */
export function bareDraft(body: string, turn: Pick<TurnContext, 'now' | 'tz'>): NoteDraft {
  return {
    type: 'visit',
    occurredAt: formatDateTime(turn.now, turn.tz),
    dateGiven: false,
    people: [],
    summary: body.trim().slice(0, 1000),
    nextStep: null,
    nextStepDue: null,
    amounts: [],
    competitors: [],
    signals: [],
  };
}

/** Names on the account, with their Latin spellings, for the extractor. */
export async function knownNames(db: Db, userId: string, accountId: string | undefined): Promise<KnownName[]> {
  if (!accountId) return [];
  const contacts = await noteAccountContacts(db, userId, accountId);
  return contacts.map((c) => ({ name: c.name, latin: latinSpellings(c.name).forms }));
}

/**
 * The note's draft: the LLM's when configured and it checks out, the offline extractor's otherwise.
 * The LLM may also name the account when the resolver found none in the text (checked the same way).
 */
export async function draftNote(turn: TurnContext, body: string, account: AccountFinding): Promise<{ draft: NoteDraft; engine: 'offline' | 'llm'; account: AccountFinding }> {
  const db = turn.app.db;
  const accountId = account.kind === 'found' ? account.account.id : undefined;
  const known = await knownNames(db, turn.user.id, accountId);
  const competitors = await competitorList(db);
  const colleagues = (await findUserMentions(db, body)).map((u) => u.name);
  let offline: NoteDraft;
  try {
    offline = extractNote(body, { now: turn.now, tz: turn.tz, competitors, known, organisations: account.organisations, colleagues });
  } catch (e) {
    // The note is kept whatever goes wrong in extraction: as its text, at the time it was sent.
    turn.app.log.error({ err: e, noteExtraction: 'offline' }, 'note extraction failed; saving the text as it is');
    offline = bareDraft(body, turn);
  }
  if (!turn.app.config.llm) return { draft: offline, engine: 'offline', account };
  const llm = await extractWithLlm(turn, body, { account, known, competitors, offline });
  return llm ? { draft: llm.draft, engine: 'llm', account: llm.account ?? account } : { draft: offline, engine: 'offline', account };
}

export async function captureNote(turn: TurnContext, body: string): Promise<Reply> {
  const db = turn.app.db;
  const { draft, engine, account } = await draftNote(turn, body, await findNoteAccount(db, turn.user.id, body));
  const extraction: NoteExtraction = {
    draft,
    account: { how: account.kind === 'found' ? account.how : account.kind === 'ambiguous' ? 'ambiguous' : 'unknown' },
    choices: {},
  };
  const offer = account.kind === 'ambiguous' ? account.candidates : await accountsToOffer(db, turn.user.id, OFFER);
  const id = await db.transaction(async (tx) => {
    const noteId = await insertCapture(tx, { rawMessageId: turn.rawMessageId, userId: turn.user.id, chatKey: turn.chatKey, text: body, extraction, engine, now: turn.now });
    const capture = (await getCapture<NoteExtraction, NoteQuestion>(tx, turn.user.id, noteId)) as Capture;
    if (account.kind === 'found') {
      await fileNote(tx, capture, account.account.id, extraction, clockOf(turn));
    } else {
      const questions: NoteQuestion[] = offer.length ? [{ id: 1, status: 'open', kind: 'choose_account', candidates: offer }] : [];
      await updateCapture(tx, noteId, { questions }, turn.now);
    }
    return noteId;
  });
  if (account.kind === 'found') return replyFor(turn, id, { event: 'saved' });
  const capture = (await getCapture<NoteExtraction, NoteQuestion>(db, turn.user.id, id)) as Capture;
  rememberNote(turn.context, capture);
  const view = await loadNoteView(db, turn.user.id, capture, turn.tz);
  return unfiledReply(view, turn.lang, account.kind === 'ambiguous' ? 'ambiguous' : 'not_found', offer[0]);
}
