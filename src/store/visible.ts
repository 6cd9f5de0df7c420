// The SQL fragments every customer-data read goes through (CONTRACT.md §4). One rule, three
// shapes: visible_account_ids (migration 001) for reads across everything a user sees;
// can_see_account (migration 010) for one account; visible_among (migration 010) for a list of
// accounts, which walks up from the list instead of down the user's whole book (that matters with
// 10,000 accounts and a manager or admin asking).

/** `<column> IN (accounts visible to the user in parameter $n)`: reads across all visible accounts. */
export function visibleTo(column: string, userParam: number): string {
  return `${column} IN (SELECT account_id FROM visible_account_ids($${userParam}))`;
}

/** Whether the user in $n may see one account given as a parameter (evaluated once per query). */
export function canSee(userParam: number, accountParam: string): string {
  return `can_see_account($${userParam}::text, ${accountParam}::text)`;
}

/** A subquery of the visible ids among the ids of a text[] SQL expression (a parameter or an ARRAY(...)). */
export function visibleAmong(userParam: number, ids: string): string {
  return `SELECT account_id FROM visible_among($${userParam}::text, ${ids})`;
}
