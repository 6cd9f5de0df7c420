-- Conversation (issue 4): a fast single-account visibility check for the many per-account reads of
-- a chat turn. Same rule as visible_account_ids (CONTRACT.md §4), asked the other way round:
-- a user sees an account when they are an admin, or when the account or one of its ancestors has
-- a team member who is the user or reports to the user (directly or not). It walks up the account's
-- parents and up the members' manager chains, so it costs a few index lookups, not the whole tree.
-- tests/conversation/can-see-account.test.ts holds it equal to visible_account_ids.
CREATE FUNCTION can_see_account(p_user text, p_account text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE ancestors(id) AS (
    SELECT id FROM accounts WHERE id = p_account
    UNION
    SELECT a.parent_id FROM accounts a JOIN ancestors x ON a.id = x.id WHERE a.parent_id IS NOT NULL
  ),
  bosses(id) AS (
    SELECT t.user_id FROM account_team t WHERE t.account_id IN (SELECT id FROM ancestors)
    UNION
    SELECT u.manager_id FROM users u JOIN bosses b ON u.id = b.id WHERE u.manager_id IS NOT NULL
  )
  SELECT EXISTS (SELECT 1 FROM accounts WHERE id = p_account)
     AND (EXISTS (SELECT 1 FROM users WHERE id = p_user AND role = 'admin') OR EXISTS (SELECT 1 FROM bosses WHERE id = p_user))
$$;

-- The visible ones among given accounts: the same rule again, set-based, starting from the
-- accounts (walking up their parents to their teams) instead of from the user's whole book, so
-- its cost grows with the list, not with the database.
CREATE FUNCTION visible_among(p_user text, p_ids text[]) RETURNS TABLE (account_id text)
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE given(id) AS (
    SELECT a.id FROM accounts a WHERE a.id = ANY(p_ids)
  ),
  ancestors(acc, id) AS (
    SELECT id, id FROM given
    UNION
    SELECT x.acc, a.parent_id FROM ancestors x JOIN accounts a ON a.id = x.id WHERE a.parent_id IS NOT NULL
  ),
  staff(id) AS (
    SELECT id FROM users WHERE id = p_user
    UNION
    SELECT u.id FROM users u JOIN staff s ON u.manager_id = s.id
  )
  SELECT g.id FROM given g WHERE EXISTS (SELECT 1 FROM users WHERE id = p_user AND role = 'admin')
  UNION
  SELECT x.acc FROM ancestors x JOIN account_team t ON t.account_id = x.id JOIN staff s ON s.id = t.user_id
$$;

-- Contact names found in a message: a name of two or more characters occurs in the text only if
-- its first two characters do, so candidates come from this index, not from every contact.
CREATE INDEX contacts_name_prefix2_idx ON contacts (left(lower(name), 2));
-- Surname lookups ("王总" → contacts named 王…).
CREATE INDEX contacts_name_pattern_idx ON contacts (name text_pattern_ops);
