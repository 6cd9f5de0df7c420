// Helpers for note tests: a chat that keeps its context across turns, and reads of what a note saved.
import type { Db } from '../../db/index.ts';
import type { Reply } from '../../src/chat/types.ts';
import type { AppContext } from '../../src/app.ts';
import { ask } from '../conversation/helpers.ts';

export { testApp } from '../conversation/helpers.ts';

let chats = 0;

/** A conversation of one user on one chat: follow-ups see the notes sent before. */
export function chat(app: AppContext, user: string, at: Date | string = '2026-11-24T18:00:00+08:00') {
  const chatId = `notes-${++chats}`;
  let now = typeof at === 'string' ? new Date(at) : at;
  return {
    say: (text: string, when?: string) => {
      if (when) now = new Date(when);
      return ask(app, user, text, { chatId, at: now });
    },
    press: (button: { action: string; value?: Record<string, string> }) => ask(app, user, '', { chatId, at: now, action: { action: button.action, value: button.value } }),
  };
}

export function noteData(r: Reply): any {
  return r.data as any;
}

export async function interaction(db: Db, id: string) {
  const r = await db.query<any>('SELECT * FROM interactions WHERE id = $1', [id]);
  return r.rows[0];
}

export async function contactsOf(db: Db, accountId: string) {
  return (await db.query<any>('SELECT * FROM contacts WHERE account_id = $1 ORDER BY id', [accountId])).rows;
}

export async function counts(db: Db) {
  const r = await db.query<{ i: number; c: number }>('SELECT (SELECT count(*)::int FROM interactions) AS i, (SELECT count(*)::int FROM contacts) AS c');
  return r.rows[0];
}

/** The counts, and a digest of the pipeline tables a note may change (Undo must put them back exactly). */
export async function dataState(db: Db) {
  const r = await db.query<{ pipeline: string }>(
    `SELECT md5(coalesce((SELECT string_agg(concat_ws('|', id, account_id, name, stage, amount::text, updated_at::text), ';' ORDER BY id) FROM opportunities), '') || '#' ||
       coalesce((SELECT string_agg(concat_ws('|', account_id, name, first_seen::text, last_seen::text, mentions::text), ';' ORDER BY account_id, name) FROM account_competitors), '')) AS pipeline`,
  );
  return { ...(await counts(db)), pipeline: r.rows[0].pipeline };
}

export async function capture(db: Db, id: number) {
  return (await db.query<any>('SELECT * FROM note_captures WHERE id = $1', [id])).rows[0];
}
