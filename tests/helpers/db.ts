// A fresh, migrated in-memory database per call, cloned from the templates of global-setup.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite, type Db } from '../../db/index.ts';

function template(name: 'empty' | 'sample'): Blob {
  const dir = process.env.KAM_TEST_TEMPLATES;
  if (!dir) throw new Error('KAM_TEST_TEMPLATES is unset: run tests through vitest (globalSetup)');
  return new Blob([readFileSync(join(dir, `${name}.tar`))]);
}

/** An empty migrated database. Close it in afterAll/afterEach. */
export function emptyDb(): Promise<Db> {
  return openPglite(undefined, { loadDataDir: template('empty') });
}

/** A migrated database holding ../shared/sample-data. */
export function sampleDb(): Promise<Db> {
  return openPglite(undefined, { loadDataDir: template('sample') });
}
