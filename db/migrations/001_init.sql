-- Core CRM data (CONTRACT.md §4) plus the tables the rest of the product stands on.
-- Migrations are numbered by area: 001-009 foundation, 010-019 conversation, 020-029 notes,
-- 030-039 insights, 040-049 retrieval, 050-059 platforms, 060-069 console.

CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE users (
  id                 text PRIMARY KEY,
  name               text NOT NULL,
  role               text NOT NULL CHECK (role IN ('sales', 'manager', 'admin')),
  manager_id         text REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  email              text,
  feishu_open_id     text,
  wecom_userid       text,
  slack_user_id      text
);
CREATE INDEX users_manager_idx ON users(manager_id);

CREATE TABLE accounts (
  id              text PRIMARY KEY,
  name            text NOT NULL,
  aliases         text[] NOT NULL DEFAULT '{}',
  parent_id       text REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  industry        text,
  region          text,
  tier            text CHECK (tier IN ('S', 'A', 'B', 'C')),
  strategic_value text CHECK (strategic_value IN ('high', 'low')),
  owner_id        text NOT NULL REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  created_at      date
);
CREATE INDEX accounts_parent_idx ON accounts(parent_id);

-- Inbound messages, kept verbatim before anything else happens to them.
CREATE TABLE raw_messages (
  id               bigserial PRIMARY KEY,
  platform         text NOT NULL,
  platform_user_id text,
  user_id          text,
  chat_id          text,
  text             text NOT NULL,
  payload          jsonb,
  received_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE contacts (
  id             text PRIMARY KEY,
  account_id     text NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  name           text NOT NULL,
  title          text,
  department     text,
  decision_role  text CHECK (decision_role IN ('decision_maker', 'influencer', 'evaluator', 'user', 'gatekeeper')),
  level          text CHECK (level IN ('executive', 'manager', 'staff')),
  attitude       text CHECK (attitude IN ('supporter', 'neutral', 'opponent')),
  phone          text,
  email          text,
  active         boolean NOT NULL DEFAULT true,
  source         text NOT NULL DEFAULT 'import' CHECK (source IN ('import', 'chat')),
  raw_message_id bigint REFERENCES raw_messages(id) ON DELETE SET NULL
);
CREATE INDEX contacts_account_idx ON contacts(account_id);

CREATE TABLE account_team (
  account_id text NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  user_id    text NOT NULL REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  team_role  text NOT NULL CHECK (team_role IN ('AR', 'SR', 'FR')),
  PRIMARY KEY (account_id, user_id, team_role)
);
CREATE INDEX account_team_user_idx ON account_team(user_id);

CREATE TABLE interactions (
  id             text PRIMARY KEY,
  account_id     text NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  user_id        text NOT NULL REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  occurred_at    timestamptz NOT NULL,
  type           text NOT NULL CHECK (type IN ('visit', 'call', 'meeting', 'email', 'dinner', 'event', 'im')),
  contact_ids    text[] NOT NULL DEFAULT '{}',
  summary        text NOT NULL,
  next_step      text,
  next_step_due  date,
  -- provenance: imported from the CRM, or captured from a chat message
  source         text NOT NULL DEFAULT 'import' CHECK (source IN ('import', 'chat')),
  raw_message_id bigint REFERENCES raw_messages(id) ON DELETE SET NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interactions_account_idx ON interactions(account_id, occurred_at DESC);
CREATE INDEX interactions_user_idx ON interactions(user_id, occurred_at DESC);
CREATE INDEX interactions_contacts_idx ON interactions USING gin (contact_ids);

CREATE TABLE orders (
  id         text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  order_date date NOT NULL,
  amount     numeric(18, 2) NOT NULL,
  product    text
);
CREATE INDEX orders_account_idx ON orders(account_id, order_date);

CREATE TABLE contracts (
  id         text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  kind       text NOT NULL CHECK (kind IN ('purchase', 'framework', 'service', 'strategic_agreement')),
  signed_at  date,
  start_date date,
  end_date   date NOT NULL,
  amount     numeric(18, 2),
  status     text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'expired', 'terminated'))
);
CREATE INDEX contracts_account_idx ON contracts(account_id);

CREATE TABLE tickets (
  id          text PRIMARY KEY,
  account_id  text NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  kind        text NOT NULL CHECK (kind IN ('complaint', 'repair', 'inquiry')),
  severity    text CHECK (severity IN ('high', 'medium', 'low')),
  opened_at   timestamptz NOT NULL,
  resolved_at timestamptz,
  summary     text
);
CREATE INDEX tickets_account_idx ON tickets(account_id);

CREATE TABLE opportunities (
  id             text PRIMARY KEY,
  account_id     text NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  name           text NOT NULL,
  stage          text NOT NULL CHECK (stage IN ('lead', 'qualify', 'proposal', 'negotiation', 'won', 'lost')),
  amount         numeric(18, 2),
  expected_close date,
  owner_id       text REFERENCES users(id) DEFERRABLE INITIALLY DEFERRED,
  updated_at     date
);
CREATE INDEX opportunities_account_idx ON opportunities(account_id);

CREATE TABLE budgets (
  account_id text NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  year       integer NOT NULL,
  amount     numeric(18, 2) NOT NULL,
  PRIMARY KEY (account_id, year)
);

CREATE TABLE projects (
  id         text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  name       text NOT NULL,
  started_at date,
  status     text CHECK (status IN ('active', 'done'))
);
CREATE INDEX projects_account_idx ON projects(account_id);

-- Daily explainable health score per account.
CREATE TABLE health_snapshots (
  account_id text NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  as_of      date NOT NULL,
  score      integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  components jsonb NOT NULL,
  PRIMARY KEY (account_id, as_of)
);

-- Every alert ever recorded; `key` = rule, account, subject and period, so one alert is pushed once.
CREATE TABLE alerts (
  id               bigserial PRIMARY KEY,
  key              text NOT NULL UNIQUE,
  rule             text NOT NULL,
  account_id       text NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY DEFERRED,
  severity         text NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
  recipients       text[] NOT NULL,
  facts            jsonb NOT NULL DEFAULT '{}',
  message          text NOT NULL,
  action           text,
  fired_at         timestamptz NOT NULL,
  acknowledged_at  timestamptz,
  acknowledged_by  text,
  escalation_level integer NOT NULL DEFAULT 0,
  escalated_at     timestamptz
);
CREATE INDEX alerts_account_idx ON alerts(account_id, fired_at DESC);

-- Pending and past pushes (alerts, briefings, escalations); a worker drains it.
CREATE TABLE outbox (
  id              bigserial PRIMARY KEY,
  recipient_id    text NOT NULL,
  platform        text,
  kind            text NOT NULL,
  payload         jsonb NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'undeliverable')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  dedup_key       text UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);
CREATE INDEX outbox_due_idx ON outbox(status, next_attempt_at);

-- Webhook deliveries already handled (platform retries are processed once).
CREATE TABLE processed_events (
  platform    text NOT NULL,
  event_id    text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, event_id)
);

-- Retrieval passages. The vector column has no fixed dimension: each row records its embedder.
CREATE TABLE chunks (
  id           bigserial PRIMARY KEY,
  account_id   text NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  source_table text NOT NULL,
  source_id    text NOT NULL,
  chunk_index  integer NOT NULL DEFAULT 0,
  content      text NOT NULL,
  occurred_at  timestamptz,
  author_id    text,
  embedder     text,
  dim          integer,
  embedding    vector,
  UNIQUE (source_table, source_id, chunk_index)
);
CREATE INDEX chunks_account_idx ON chunks(account_id);

-- Operator-tunable settings: rule thresholds, schedules, weights, lists.
CREATE TABLE settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Per-chat short-term context (last account, last note) for follow-ups.
CREATE TABLE chat_context (
  chat_key   text PRIMARY KEY,
  user_id    text NOT NULL,
  data       jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL
);

-- Scheduler job bookkeeping: last run (for catch-up) and a lease so one instance runs a job.
CREATE TABLE job_runs (
  job          text PRIMARY KEY,
  last_run_at  timestamptz,
  lease_owner  text,
  lease_until  timestamptz
);

-- The visibility rule of CONTRACT.md §4 in one place: the account ids a user may see.
-- Sales: accounts whose team they are on; managers: also everything their reports see,
-- recursively; admins: everything; plus the child accounts of each, recursively.
-- UNION (not UNION ALL) makes cycles in manager or parent links terminate.
CREATE FUNCTION visible_account_ids(p_user text) RETURNS TABLE (account_id text)
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE staff(id) AS (
    SELECT id FROM users WHERE id = p_user
    UNION
    SELECT u.id FROM users u JOIN staff s ON u.manager_id = s.id
  ),
  base(id) AS (
    SELECT a.id FROM accounts a WHERE EXISTS (SELECT 1 FROM users WHERE id = p_user AND role = 'admin')
    UNION
    SELECT t.account_id FROM account_team t JOIN staff s ON t.user_id = s.id
  ),
  tree(id) AS (
    SELECT id FROM base
    UNION
    SELECT a.id FROM accounts a JOIN tree t ON a.parent_id = t.id
  )
  SELECT id FROM tree
$$;
