-- Retrieval (issue 8): what a chunk needs beyond 001's columns.
--  occurred_on   business date of the passage (citation date, date-range filter)
--  source_hash   hash of everything a source's chunks were built from: unchanged sources are
--                not re-embedded when a file is imported again
--  grams         hashed character bigrams and Latin words of the content, for the keyword ranker.
--                pg_trgm was measured and not used: a run of Chinese text is one "word" to it, so
--                word_similarity('发动机', '矿用自卸车发动机故障') is 0.25, and LIKE with a two-character
--                Chinese term cannot use a trigram index. Bigrams in an int[] with GIN work the same
--                on every PostgreSQL, with or without extensions.
-- Vector indexes are created by the application (src/retrieval/vector-index.ts), per embedder and
-- dimension, once a table is big enough to need one and after bulk loads, never row by row.
ALTER TABLE chunks
  ADD COLUMN occurred_on date,
  ADD COLUMN source_hash text,
  ADD COLUMN grams integer[] NOT NULL DEFAULT '{}';

CREATE INDEX chunks_grams_idx ON chunks USING gin (grams);
CREATE INDEX chunks_account_date_idx ON chunks (account_id, occurred_on);
