-- Per-user tokens for the MCP endpoint (POST /mcp): `kam tokens create --user ID` prints a token once;
-- only its SHA-256 is kept. A revoked token stays listed with its revocation time.
CREATE TABLE api_tokens (
  id           text PRIMARY KEY,
  user_id      text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_sha256 text NOT NULL UNIQUE,
  label        text,
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens(user_id);
