-- Leases on background work that must run once across several `kam start` instances on one
-- server (re-embedding batches and vector index builds; `kam reindex` takes the same one): the
-- holder renews its lease while it works; an expired lease (a crashed holder) may be taken over.
CREATE TABLE work_leases (
  name text PRIMARY KEY,
  owner text NOT NULL,
  lease_until timestamptz NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now()
);
