// Builds two migrated database templates once per test run (initdb costs seconds; cloning a
// dump costs a fraction): an empty schema, and the schema with ../shared/sample-data imported.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, migrate, pgliteOf } from '../../db/index.ts';
import { importDir } from '../../src/importing/import-dir.ts';
import { SAMPLE_DIR, TEST_TZ } from './paths.ts';

export default async function setup() {
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
