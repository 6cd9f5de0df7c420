-- Conversation (issue 4): the Latin readings of account names (toneless pinyin, e.g.
-- "xishankuangyejituan"), so "Xishan Mining" finds its candidates in SQL instead of reading and
-- romanising every visible name per message. Written after each import; a row whose name no
-- longer matches the account's (or a missing row) makes that account a candidate anyway, so a
-- stale key costs speed, never an answer.
CREATE TABLE account_latin_keys (
  account_id text PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  -- the name and aliases the keys were computed from
  source     text NOT NULL,
  -- pinyin of the name and of each alias, without spaces, separated by '|'
  keys       text NOT NULL
);
