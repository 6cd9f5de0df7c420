-- Who holds an outbox row claimed for sending (a token per drain): of several `kam start`
-- instances, a drain that lost a row to another one after its lease ran out (a long batch on a
-- slow platform) sees that before sending it, and leaves it to the new holder.
ALTER TABLE outbox ADD COLUMN claimed_by text;
