// A fresh, migrated database per call, cloned from the templates of global-setup.ts: in-memory
// PGlite by default, or a database on a PostgreSQL server when KAM_TEST_DATABASE_URL is set
// (.ci/run does that for its server pass).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite, openPg, type Db } from '../../db/index.ts';
import { createDatabase, dropDatabase, serverUrl, testEngine } from './server-db.ts';

export { testEngine };

function template(name: 'empty' | 'sample'): Uint8Array {
  const dir = process.env.KAM_TEST_TEMPLATES;
  if (!dir) throw new Error('KAM_TEST_TEMPLATES is unset: run tests through vitest (globalSetup)');
  return readFileSync(join(dir, `${name}.tar`));
}

/** KAM_TEST_DB_WORKER=1: the embedded test databases run in a worker thread, as under `kam start`. */
const inWorker = process.env.KAM_TEST_DB_WORKER === '1';

const urls = new WeakMap<Db, string>();

/** The connection URL of a server test database (undefined on PGlite). */
export function serverUrlOf(db: Db): string | undefined {
  return urls.get(db);
}

async function cloneOnServer(name: 'empty' | 'sample'): Promise<Db> {
  const clone = await createDatabase(name);
  const url = serverUrl(clone);
  const db = await openPg(url);
  urls.set(db, url);
  const close = db.close;
  db.close = async () => {
    await close();
    await dropDatabase(clone);
  };
  return db;
}

/** An empty migrated database. Close it in afterAll/afterEach. */
export function emptyDb(): Promise<Db> {
  if (testEngine() === 'server') return cloneOnServer('empty');
  return openPglite(undefined, { loadDataDir: template('empty'), worker: inWorker });
}

/** A migrated database holding ../shared/sample-data. */
export function sampleDb(): Promise<Db> {
  if (testEngine() === 'server') return cloneOnServer('sample');
  return openPglite(undefined, { loadDataDir: template('sample'), worker: inWorker });
}
