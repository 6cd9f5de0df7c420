// Questions the bot asks back instead of guessing: which account (ambiguous or missing), and
// "not found" with the closest names the user may see. Choices come back as button presses or
// short replies and are handled by choose-account.ts.
import { placeholderTexts } from '../../prompts/conversation/facts.ts';
import { engineTexts } from '../../prompts/conversation.ts';
import { t } from '../../prompts/index.ts';
import type { Button, Reply } from '../chat/types.ts';
import type { Lang } from '../../prompts/index.ts';
import { someTopLevelAccounts } from '../store/accounts.ts';
import { joinList } from '../tools/format.ts';
import type { AccountMention, AccountName } from '../nlu/accounts.ts';
import type { TurnContext } from './types.ts';

export const CHOOSE_ACCOUNT = 'ask.choose_account';

/** What the bot is waiting for after asking which account: the question to answer once chosen. */
export interface PendingAccountChoice {
  kind: typeof CHOOSE_ACCOUNT;
  text: string;
  candidates: string[];
  /** Tool the question was recognised as, so a bare choice answers the same question. */
  tool?: string;
}

function choiceButtons(accounts: AccountName[]): Button[] {
  return accounts.map((a, i) => ({ label: a.name, action: CHOOSE_ACCOUNT, value: { accountId: a.id }, style: i === 0 ? 'primary' : 'default' }));
}

function remember(turn: TurnContext, text: string, accounts: AccountName[], tool?: string) {
  const pending: PendingAccountChoice = { kind: CHOOSE_ACCOUNT, text, candidates: accounts.map((a) => a.id), tool };
  turn.context.pending = { ...pending };
}

const ref = (a: AccountName) => ({ id: a.id, name: a.name });

export function ambiguousReply(turn: TurnContext, text: string, mention: Extract<AccountMention, { kind: 'ambiguous' }>, tool?: string): Reply {
  const lang = turn.lang;
  remember(turn, text, mention.candidates, tool);
  const head = t(engineTexts, 'ambiguous', lang, { span: mention.span });
  const lines = mention.candidates.map((a, i) => `${i + 1}. ${a.name}`);
  return {
    lang,
    text: [head, ...lines].join('\n'),
    sections: [{ title: head, lines }],
    buttons: choiceButtons(mention.candidates),
    data: { problem: 'ambiguous_account', span: mention.span, candidates: mention.candidates.map(ref) },
  };
}

export function notFoundReply(turn: TurnContext, text: string, mention: Extract<AccountMention, { kind: 'not_found' }>, tool?: string): Reply {
  const lang = turn.lang;
  const head = t(engineTexts, 'notFound', lang, { span: mention.span });
  const names = mention.suggestions;
  const tail = names.length ? t(engineTexts, 'notFoundSuggest', lang, { names: joinList(names.map((a) => a.name), lang) }) : t(engineTexts, 'notFoundNone', lang);
  if (names.length) remember(turn, text, names, tool);
  return {
    lang,
    text: `${head}${lang === 'en' ? ' ' : ''}${tail}`,
    buttons: names.length ? choiceButtons(names) : undefined,
    data: { problem: 'account_not_found', span: mention.span, suggestions: names.map(ref) },
  };
}

const MAX_BUTTONS = 5;

/** The question needs an account and the message names none (and nothing was asked about before). */
export async function whichAccountReply(turn: TurnContext, text: string, tool?: string, lang: Lang = turn.lang): Promise<Reply> {
  const names = await someTopLevelAccounts(turn.app.db, turn.user.id, MAX_BUTTONS * 2 + 1);
  // Buttons only make sense for a short book; a long one gets the hint alone.
  const offer = names.length <= MAX_BUTTONS * 2 ? names.slice(0, MAX_BUTTONS) : [];
  const example = names[0]
    ? t(placeholderTexts, 'contractsExample', lang, { account: names[0].aliases[0] ?? names[0].name })
    : t(placeholderTexts, 'contractsExampleNoAccount', lang);
  if (offer.length) remember(turn, text, offer, tool);
  const head = t(engineTexts, 'whichAccount', lang);
  return {
    lang,
    text: `${head}${lang === 'en' ? ' ' : ''}${t(engineTexts, 'whichAccountHint', lang, { example })}`,
    buttons: offer.length ? choiceButtons(offer) : undefined,
    data: { problem: 'account_missing', candidates: offer.map(ref) },
  };
}
