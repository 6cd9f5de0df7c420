// The answer to "which account do you mean?": a button press, or a short reply naming one of the
// offered accounts ("1", "第二个", "华东一公司"). The original question is then answered for it.
import type { Reply } from '../chat/types.ts';
import { normalize } from '../nlu/normalize.ts';
import { parseNumber } from '../nlu/numbers.ts';
import { CHOOSE_ACCOUNT, type PendingAccountChoice } from './clarify.ts';
import { answerOffline } from './offline.ts';
import { getVisibleAccounts } from '../store/accounts.ts';
import { matchAccounts } from '../nlu/account-match.ts';
import type { TurnContext } from './types.ts';

/** "2", "第2个", "第二个", "the second one", "#2" → 2. */
function ordinal(norm: string): number | undefined {
  const m = /^(?:第|#|no\.?\s*)?\s*([0-9]+|[一二两三四五六七八九十]+)\s*(?:个|家|项)?[.。!]?$/.exec(norm);
  if (m) return parseNumber(m[1]);
  const en = ['first', 'second', 'third', 'fourth', 'fifth'].findIndex((w) => new RegExp(`^(the )?${w}( one)?[.!]?$`).test(norm));
  return en >= 0 ? en + 1 : undefined;
}

/** Short replies only: a longer message is a new question, not an answer to ours. */
const MAX_CHOICE_LENGTH = 30;

async function chosenFromText(turn: TurnContext, pending: PendingAccountChoice): Promise<string | undefined> {
  const norm = normalize(turn.msg.text);
  if (!norm || norm.length > MAX_CHOICE_LENGTH) return undefined;
  const n = ordinal(norm);
  if (n !== undefined) return pending.candidates[n - 1];
  const names = await getVisibleAccounts(turn.app.db, turn.user.id, pending.candidates);
  const hits = matchAccounts(names, norm);
  if (hits.length && (hits.length === 1 || hits[0].score > hits[1].score) && hits[0].end - hits[0].start >= norm.replace(/[.。!！?？]$/, '').length - 1) {
    return hits[0].account.id;
  }
  return undefined;
}

export async function handleAccountChoice(turn: TurnContext): Promise<Reply | null> {
  const pending = turn.context.pending as unknown as PendingAccountChoice | undefined;
  const action = turn.msg.action;
  if (action?.action === CHOOSE_ACCOUNT) {
    const accountId = action.value?.accountId;
    if (!accountId) return null;
    const question = pending?.kind === CHOOSE_ACCOUNT && pending.candidates.includes(accountId) ? pending : undefined;
    delete turn.context.pending;
    // Without the remembered question (expired context), the chosen account's overview answers.
    return answerOffline(turn, question?.text ?? '', { accountId, toolName: question?.tool ?? 'account_overview' });
  }
  if (pending?.kind !== CHOOSE_ACCOUNT) return null;
  const accountId = await chosenFromText(turn, pending);
  if (!accountId) {
    // Anything else is a new message; the old question lapses.
    delete turn.context.pending;
    return null;
  }
  delete turn.context.pending;
  return answerOffline(turn, pending.text, { accountId, toolName: pending.tool });
}
