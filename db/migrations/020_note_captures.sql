-- Visit notes captured from chat (issue 5). One row per note: what it created, so Undo removes
-- exactly that; the extraction, so an unfiled note can be filed later without re-typing; and the
-- questions still open ("高远是决策人吗?"). The note's text is kept here as well as in raw_messages.
CREATE TABLE note_captures (
  id                  bigserial PRIMARY KEY,
  raw_message_id      bigint REFERENCES raw_messages(id) ON DELETE SET NULL,
  user_id             text NOT NULL REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  chat_key            text,
  text                text NOT NULL,
  status              text NOT NULL CHECK (status IN ('filed', 'unfiled', 'undone')),
  account_id          text REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  -- No foreign key: the interaction is deleted on undo, the id stays as history.
  interaction_id      text,
  created_contact_ids text[] NOT NULL DEFAULT '{}',
  -- Changes to contacts that existed before the note: [{contactId, field, before, after}].
  contact_updates     jsonb NOT NULL DEFAULT '[]',
  extraction          jsonb NOT NULL,
  questions           jsonb NOT NULL DEFAULT '[]',
  engine              text NOT NULL DEFAULT 'offline' CHECK (engine IN ('offline', 'llm')),
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
CREATE INDEX note_captures_user_idx ON note_captures(user_id, status, created_at DESC);
CREATE INDEX note_captures_chat_idx ON note_captures(chat_key, updated_at DESC);
CREATE INDEX note_captures_interaction_idx ON note_captures(interaction_id);
