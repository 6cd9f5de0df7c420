// Who hears about a finding (CONTRACT.md §5): the account's AR (its owner when the team has no AR),
// FR, the AR's manager, and named users. Nothing is addressed to nobody: an empty list falls back
// to the AR.
import type { Audience } from './types.ts';

export interface AccountPeople {
  ownerId: string;
  arIds: string[];
  frIds: string[];
}

export function resolveRecipients(audience: Audience, people: AccountPeople, managerOf: (userId: string) => string | null): string[] {
  const ars = people.arIds.length ? people.arIds : [people.ownerId];
  const out: string[] = [];
  const add = (id: string | null | undefined) => {
    if (id && !out.includes(id)) out.push(id);
  };
  for (const role of audience.roles) {
    if (role === 'AR') for (const ar of ars) add(ar);
    if (role === 'FR') for (const fr of people.frIds) add(fr);
    if (role === 'AR_MANAGER') for (const ar of ars) add(managerOf(ar));
  }
  for (const id of audience.users ?? []) add(id);
  if (!out.length) for (const ar of ars) add(ar);
  return out;
}

/**
 * The escalation target one level above the alert's current recipients, along the AR's manager
 * chain: the manager of the highest person of that chain already informed. Null at the top.
 */
export function escalationTarget(ars: string[], recipients: string[], managerOf: (userId: string) => string | null): string | null {
  let best: string | null = null;
  for (const ar of ars) {
    const chain: string[] = [ar];
    for (let m = managerOf(ar); m && !chain.includes(m); m = managerOf(m)) chain.push(m);
    let top = -1;
    chain.forEach((u, i) => {
      if (recipients.includes(u)) top = i;
    });
    const next = chain[top + 1];
    if (top >= 0 && next && !recipients.includes(next)) best ??= next;
  }
  return best;
}
