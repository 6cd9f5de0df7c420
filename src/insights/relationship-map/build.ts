// The relationship map of one account as of a moment: its active contacts and when each was last
// met (store, scoped by the user's visibility), laid out in the domain with the decision-chain
// window of the alert rules, drawn as SVG. Undefined when the user may not see the account.
import type { Db } from '../../../db/index.ts';
import type { Lang } from '../../../prompts/index.ts';
import type { RuleThresholds } from '../../domain/alerts/thresholds.ts';
import { relationshipMap, type RelationshipMap } from '../../domain/relationship-map.ts';
import type { Contact } from '../../domain/types.ts';
import { toIsoDate } from '../../domain/time.ts';
import { getVisibleAccount } from '../../store/accounts.ts';
import { accountContacts } from '../../store/contacts.ts';
import { lastContactTouch } from '../../store/interactions.ts';
import { loadTunables } from '../settings.ts';
import { relationshipMapSvg } from './svg.ts';

export interface AccountMap {
  account: { id: string; name: string };
  asOf: string;
  map: RelationshipMap;
  /** Days that count as recent (the executive-silence threshold). */
  recentDays: number;
  svg: string;
}

export async function buildRelationshipMap(db: Db, userId: string, accountId: string, now: Date, tz: string, lang: Lang): Promise<AccountMap | undefined> {
  const account = await getVisibleAccount(db, userId, accountId);
  if (!account) return undefined;
  const [contacts, tunables] = await Promise.all([accountContacts(db, userId, account.id, { activeOnly: true }), loadTunables(db)]);
  const touched = await lastContactTouch(db, userId, contacts.map((c) => c.id), now, account.id);
  return drawRelationshipMap(account, contacts, touched, { now, tz, lang, rules: tunables.rules });
}

/** The map of contacts already loaded (the console's account page has them): active ones only. */
export function drawRelationshipMap(
  account: { id: string; name: string },
  contacts: Contact[],
  lastTouch: Map<string, Date>,
  opts: { now: Date; tz: string; lang: Lang; rules: RuleThresholds },
): AccountMap {
  const today = toIsoDate(opts.now, opts.tz);
  const recentDays = opts.rules.exec_silence.days;
  const map = relationshipMap(
    contacts
      .filter((c) => c.active)
      .map((c) => ({
        id: c.id,
        name: c.name,
        title: c.title,
        department: c.department,
        level: c.level,
        role: c.decision_role,
        attitude: c.attitude,
        lastMetOn: lastTouch.has(c.id) ? toIsoDate(lastTouch.get(c.id)!, opts.tz) : null,
      })),
    { today, windowDays: opts.rules.decision_chain_gap.days, recentDays },
  );
  return { account: { id: account.id, name: account.name }, asOf: today, map, recentDays, svg: relationshipMapSvg(map, { account: account.name, date: today, lang: opts.lang, recentDays }) };
}
