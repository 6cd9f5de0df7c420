-- Notes feed the pipeline (issue 22, item 15): competitors named in notes are kept per account,
-- and what a note did to opportunities and competitors is recorded on the note so Undo restores it.
CREATE TABLE account_competitors (
  account_id text NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  name       text NOT NULL,
  first_seen date,
  last_seen  date,
  mentions   integer NOT NULL DEFAULT 1 CHECK (mentions >= 0),
  PRIMARY KEY (account_id, name)
);

-- [{kind: 'competitor', accountId, name, created, before?} | {kind: 'opportunity_created', id}
--  | {kind: 'opportunity_updated', id, before: {stage, amount, updated_at}}], applied in order.
ALTER TABLE note_captures ADD COLUMN pipeline_changes jsonb NOT NULL DEFAULT '[]';
