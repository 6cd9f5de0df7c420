// Test databases on a PostgreSQL server (KAM_TEST_DATABASE_URL, a role with CREATEDB): templates
// are built once per run, each test database is a `CREATE DATABASE ... TEMPLATE` clone of one.
import pg from 'pg';

export type TestEngine = 'pglite' | 'server';

export function testEngine(): TestEngine {
  return process.env.KAM_TEST_DATABASE_URL ? 'server' : 'pglite';
}

function adminUrl(): string {
  const url = process.env.KAM_TEST_DATABASE_URL;
  if (!url) throw new Error('KAM_TEST_DATABASE_URL is unset');
  return url;
}

/** The URL of database `name` on the test server, with the test role's credentials. */
export function serverUrl(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** This run's database-name prefix, set by global-setup.ts. */
function runPrefix(): string {
  const p = process.env.KAM_TEST_SERVER_RUN;
  if (!p) throw new Error('KAM_TEST_SERVER_RUN is unset: run tests through vitest (globalSetup)');
  return p;
}

export const templateName = (run: string, name: 'empty' | 'sample') => `${run}_tpl_${name}`;

let seq = 0;
export async function createDatabase(from: 'empty' | 'sample'): Promise<string> {
  const run = runPrefix();
  const name = `${run}_${process.pid}_${++seq}`;
  await admin(`CREATE DATABASE "${name}" TEMPLATE "${templateName(run, from)}"`);
  return name;
}

export async function createEmptyDatabase(name: string): Promise<void> {
  await admin(`CREATE DATABASE "${name}"`);
}

export async function dropDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Drops every database of a run (tests that failed before closing theirs included). */
export async function dropRun(run: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    const r = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1 || '\\_%'", [run]);
    for (const { datname } of r.rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}
