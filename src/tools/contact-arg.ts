// A contact argument: id, full name, 王总-style form or pinyin, among visible contacts.
import { z } from 'zod';
import type { Contact } from '../domain/types.ts';
import { contactsByIds, contactsByNamePrefix } from '../store/contacts.ts';
import { findContactMentions } from '../nlu/contacts.ts';
import type { ToolContext } from './types.ts';

export const contactArg = z.string().min(1).max(100).describe('A person: contact id, full name (刘建国), surname with title (王总, 刘总工) or pinyin (Liu Jianguo)');

/** Contacts the argument may mean, best first; empty when none is visible. */
export async function contactsFor(ctx: ToolContext, value: string, accountId?: string): Promise<Contact[]> {
  const v = value.trim();
  const byId = (await contactsByIds(ctx.app.db, ctx.user.id, [v])).filter((c) => !accountId || c.account_id === accountId);
  if (byId.length) return byId;
  const refs = await findContactMentions(ctx.app.db, ctx.user.id, v, accountId);
  const found = refs.flatMap((r) => r.contacts);
  if (found.length) return [...new Map(found.map((c) => [c.id, c])).values()];
  // A bare surname or the start of a name ("刘").
  if (/^[\u4e00-\u9fff]{1,2}$/.test(v)) return contactsByNamePrefix(ctx.app.db, ctx.user.id, v, accountId);
  return [];
}
