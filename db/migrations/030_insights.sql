-- Insights (alerts, health, briefings, outbox, scheduler): columns and indexes the sweeps query by.

-- The parts of an alert's key, kept as columns so escalation and briefings can find related alerts.
ALTER TABLE alerts ADD COLUMN subject text NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN period text NOT NULL DEFAULT '';
CREATE INDEX alerts_open_idx ON alerts(rule, fired_at) WHERE acknowledged_at IS NULL;
CREATE INDEX alerts_recipients_idx ON alerts USING gin (recipients);

-- The alert an outbox row carries (for acknowledgement from a pushed card), if any.
ALTER TABLE outbox ADD COLUMN alert_id bigint REFERENCES alerts(id) ON DELETE SET NULL;
-- Per-recipient rate limit looks at what was sent to a recipient recently.
CREATE INDEX outbox_recipient_sent_idx ON outbox(recipient_id, sent_at) WHERE status = 'sent';

CREATE INDEX health_snapshots_as_of_idx ON health_snapshots(as_of);
CREATE INDEX tickets_open_complaints_idx ON tickets(account_id) WHERE kind = 'complaint' AND resolved_at IS NULL;
CREATE INDEX interactions_next_step_due_idx ON interactions(next_step_due) WHERE next_step_due IS NOT NULL;
