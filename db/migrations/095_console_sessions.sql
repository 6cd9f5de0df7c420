-- Console sign-ins (issue 18). A signed-in browser's cookie names a row here; sign-out deletes
-- it, so a copied cookie stops working, on every instance.
CREATE TABLE console_sessions (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL
);
CREATE INDEX console_sessions_created_idx ON console_sessions(created_at);

-- Failed console sign-ins by client address, for the throttle (10 a minute per address).
CREATE TABLE signin_failures (
  address text NOT NULL,
  failed_at timestamptz NOT NULL
);
CREATE INDEX signin_failures_address_idx ON signin_failures(address, failed_at);
