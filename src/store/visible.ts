// The one SQL fragment every customer-data read goes through: the ids a user may see (CONTRACT.md §4).
/** `<column> IN (visible accounts of the user in parameter $n)`. */
export function visibleTo(column: string, param: number): string {
  return `${column} IN (SELECT account_id FROM visible_account_ids($${param}))`;
}
