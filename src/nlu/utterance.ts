// One message, analysed once for every tool's offline trigger: language, the account it names,
// dates, durations, the year, and whether it points back to the previous answer ("他们", "their").
import type { Lang } from '../../prompts/index.ts';
import { toIsoDate, type IsoDate } from '../domain/time.ts';
import type { AccountMention } from './accounts.ts';
import type { ContactRef } from './contacts.ts';
import type { UserRef } from './users.ts';
import { extractDateRange, type DateRange } from './dates.ts';
import { normalize } from './normalize.ts';
import { extractDuration, extractYear, type Duration } from './numbers.ts';

export interface Utterance {
  /** The message as sent (trimmed). */
  text: string;
  /** Normalised: NFKC, lower case, single spaces. */
  norm: string;
  /** `norm` without the account mention, so names never trigger keywords (华东工程 ≠ 工程). */
  rest: string;
  lang: Lang;
  now: Date;
  tz: string;
  today: IsoDate;
  mention: AccountMention;
  range?: DateRange;
  duration?: Duration;
  year: { year: number; explicit: boolean };
  /** A pronoun or ellipsis that refers to the account of the previous turn. */
  refersBack: boolean;
  /** People the message names (contacts of visible accounts). */
  people: ContactRef[];
  /** Colleagues the message names (users): "李娜负责哪些客户". */
  users: UserRef[];
  /** Regions the message filters by ("华东区的客户"). */
  regions: string[];
}

export interface Scopes {
  users?: UserRef[];
  regions?: string[];
}

const BACK_REFERENCE = /他们|她们|它们|他家|这家|那家|该客户|这个客户|那个客户|对方|那.{0,12}呢|^(还有|再看看|那么?)|\b(they|them|their|theirs|it|its|this account|that account|same account|the account)\b|^(and|what about|how about)\b/;

export function analyzeUtterance(text: string, lang: Lang, now: Date, tz: string, mention: AccountMention, people: ContactRef[] = [], scopes: Scopes = {}): Utterance {
  const norm = normalize(text);
  let rest = norm;
  const users = scopes.users ?? [];
  // An unmatched leftover is only a guess at a name: it stays in `rest`.
  const spans = [mention.kind === 'found' || mention.kind === 'ambiguous' ? mention.span : '', ...people.map((p) => p.text), ...users.map((x) => x.text)];
  for (const span of spans) if (span) rest = rest.split(span.toLowerCase()).join(' ');
  const today = toIsoDate(now, tz);
  return {
    text: text.trim(),
    norm,
    rest,
    lang,
    now,
    tz,
    today,
    mention,
    range: extractDateRange(text, norm, now, tz),
    duration: extractDuration(norm),
    year: extractYear(norm, Number(today.slice(0, 4))),
    refersBack: BACK_REFERENCE.test(norm),
    people,
    users,
    regions: scopes.regions ?? [],
  };
}
