// Every reply that states facts cites its records with id, date and who (issue 22): a tool names
// the records it used; the date and the person each record carries are filled in here, from the
// records themselves, where the tool did not give them.
import type { Citation } from '../chat/types.ts';
import { citedRecords } from '../store/citation-records.ts';
import type { TurnContext } from './types.ts';

export async function completeCitations(turn: Pick<TurnContext, 'app' | 'user' | 'tz'>, citations: Citation[] | undefined): Promise<Citation[] | undefined> {
  const missing = (citations ?? []).filter((c) => !c.date || !c.author);
  if (!citations || !missing.length) return citations;
  const found = await citedRecords(turn.app.db, turn.user.id, missing.map((c) => ({ source: c.source, id: c.id })), turn.tz);
  const byKey = new Map(found.map((r) => [`${r.source}\u0000${r.id}`, r]));
  return citations.map((c) => {
    const r = byKey.get(`${c.source}\u0000${c.id}`);
    if (!r) return c;
    return { ...c, date: c.date ?? r.date ?? undefined, author: c.author ?? r.who ?? undefined };
  });
}
