// Builds two migrated database templates once per test run (initdb costs seconds; cloning a
// dump costs a fraction): an empty schema, and the schema with ../shared/sample-data imported.
// On PGlite they are data-dir dumps; with KAM_TEST_DATABASE_URL, template databases on that server.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPg, migrate, pgliteOf, type Db } from '../../db/index.ts';
import { importDir } from '../../src/importing/import-dir.ts';
import { SAMPLE_DIR, TEST_TZ } from './paths.ts';
import { createEmptyDatabase, dropRun, serverUrl, templateName, testEngine } from './server-db.ts';

export default async function setup() {
  return testEngine() === 'server' ? serverSetup() : pgliteSetup();
}

async function pgliteSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'kam-test-templates-'));
  const db = await openPglite(undefined);
  await migrate(db);
  const empty = await pgliteOf(db).dumpDataDir('none');
  writeFileSync(join(dir, 'empty.tar'), Buffer.from(await empty.arrayBuffer()));
  await importDir(db, SAMPLE_DIR, TEST_TZ);
  const sample = await pgliteOf(db).dumpDataDir('none');
  writeFileSync(join(dir, 'sample.tar'), Buffer.from(await sample.arrayBuffer()));
  await db.close();
  process.env.KAM_TEST_TEMPLATES = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

async function serverSetup() {
  const run = `kamtest_${Date.now().toString(36)}_${process.pid}`;
  const build = async (name: 'empty' | 'sample', fill: (db: Db) => Promise<unknown>) => {
    await createEmptyDatabase(templateName(run, name));
    const db = await openPg(serverUrl(templateName(run, name)));
    try {
      await migrate(db);
      await fill(db);
    } finally {
      await db.close();
    }
  };
  await build('empty', async () => {});
  await build('sample', (db) => importDir(db, SAMPLE_DIR, TEST_TZ));
  process.env.KAM_TEST_SERVER_RUN = run;
  return () => dropRun(run);
}
