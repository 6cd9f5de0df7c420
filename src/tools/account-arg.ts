// The account argument every account tool takes: an id or a name, resolved among the accounts
// the acting user may see. Problems (ambiguous, not found) are thrown as AccountProblem so the
// offline engine can ask back with buttons and the LLM engine can tell the model.
import { z } from 'zod';
import { getVisibleAccount } from '../store/accounts.ts';
import type { Account } from '../domain/types.ts';
import { resolveAccountArg, type AccountMention } from '../nlu/accounts.ts';
import type { ToolContext } from './types.ts';

export const accountArg = z.string().min(1).max(200).describe('The account: its id (e.g. "A100") or its name / alias / partial name as the user wrote it');

export class AccountProblem extends Error {
  constructor(readonly mention: Exclude<AccountMention, { kind: 'found' }>) {
    super(`account ${mention.kind}`);
  }
}

/** The visible account the argument names; throws AccountProblem otherwise. */
export async function accountFor(ctx: ToolContext, value: string): Promise<Account> {
  const mention = await resolveAccountArg(ctx.app.db, ctx.user.id, value);
  if (mention.kind !== 'found') throw new AccountProblem(mention);
  const account = await getVisibleAccount(ctx.app.db, ctx.user.id, mention.account.id);
  if (!account) throw new AccountProblem({ kind: 'not_found', span: value, suggestions: [] });
  return account;
}

/** A small account reference for outputs. */
export interface AccountRef {
  id: string;
  name: string;
}

export const ref = (a: { id: string; name: string }): AccountRef => ({ id: a.id, name: a.name });
