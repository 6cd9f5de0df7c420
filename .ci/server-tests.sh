#!/usr/bin/env bash
# The database tests a second time, on a real PostgreSQL 15 + pgvector server: installs it when
# missing (.ci/postgres.sh), starts a throwaway cluster on 127.0.0.1, points tests/helpers/db.ts at
# it with KAM_TEST_DATABASE_URL (each test gets a CREATE DATABASE ... TEMPLATE clone), stops it.
# Usage: .ci/server-tests.sh RESULTS_DIR   (RESULTS_DIR/pglite.json: the first pass, for the summary)
set -euo pipefail
cd "$(dirname "$0")/.."
results=${1:?usage: server-tests.sh RESULTS_DIR}

.ci/postgres.sh install
cluster=$(mktemp -d /tmp/kam-ci-pg.XXXXXX)
trap '.ci/postgres.sh stop "$cluster"' EXIT
url=$(.ci/postgres.sh start "$cluster")

# Every test file that takes its database from tests/helpers/db.ts, except the platform and browser
# folders (their database use is the same as the chat tests'; what they test is the wire); and the
# tests that need a server (tests/helpers/server-db.ts: several `kam start` on one database).
mapfile -t files < <(grep -rlE "helpers/(server-)?db\.ts|helpers/pg-socket\.ts" tests --include='*.test.ts' | grep -vE '^tests/(adapters|console)/' | sort)
echo "ci: server pass on $("/usr/lib/postgresql/15/bin/postgres" --version), ${#files[@]} test files"
KAM_TEST_DATABASE_URL=$url npx vitest run "${files[@]}" --reporter=default --reporter=json --outputFile.json="$results/server.json"

node -e '
const fs = require("fs");
for (const [name, file] of [["PGlite (embedded)", "pglite.json"], ["PostgreSQL server", "server.json"]]) {
  const p = process.argv[1] + "/" + file;
  if (!fs.existsSync(p)) continue;
  const r = JSON.parse(fs.readFileSync(p, "utf8"));
  console.log(`ci: ${name}: ${r.numTotalTests} tests in ${r.testResults.length} files, ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
}' "$results"
