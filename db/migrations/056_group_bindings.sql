-- Group chats bound to an account or to a manager's team (issue 19): the account's alerts, the
-- weekly briefing and escalations are also posted there, and questions asked there are answered
-- within what every member of the binding may see. One binding per chat.
CREATE TABLE group_bindings (
  platform   text NOT NULL CHECK (platform IN ('feishu', 'wecom', 'slack', 'dingtalk')),
  chat_id    text NOT NULL,
  account_id text REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  manager_id text REFERENCES users(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  bound_by   text REFERENCES users(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
  bound_at   timestamptz,
  PRIMARY KEY (platform, chat_id)
);
CREATE INDEX group_bindings_account_idx ON group_bindings(account_id) WHERE account_id IS NOT NULL;
CREATE INDEX group_bindings_manager_idx ON group_bindings(manager_id) WHERE manager_id IS NOT NULL;
