// Which accounts a query covers: everything (system sweeps), what a user may see (CONTRACT.md §4,
// via visible_account_ids), or an explicit id list. Appends its parameters to `params`.
export interface AccountScope {
  /** Only the accounts this user may see. */
  viewerId?: string;
  /** Only these accounts. */
  accountIds?: string[];
}

export function scopeSql(column: string, scope: AccountScope | undefined, params: unknown[]): string {
  const parts: string[] = [];
  if (scope?.viewerId !== undefined) {
    params.push(scope.viewerId);
    parts.push(`${column} IN (SELECT account_id FROM visible_account_ids($${params.length}))`);
  }
  if (scope?.accountIds) {
    params.push(scope.accountIds);
    parts.push(`${column} = ANY($${params.length}::text[])`);
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}
