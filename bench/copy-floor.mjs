// The floor an import is measured against: every CSV file of a generated data set sent unchanged
// with COPY (CSV, HEADER) into a table of the same columns and types with the file's key as its
// primary key and nothing else (no secondary indexes, foreign keys or checks), all in one
// transaction in a new database. On a PostgreSQL server (DATABASE_URL) the files are streamed with
// COPY ... FROM STDIN, what psql's `\copy` does; on PGlite each file is read and handed to
// COPY ... FROM '/dev/blob', PGlite's way in for COPY, in a new database on disk (as `kam import`'s).
// List columns (`a;b` in the files) are text here: COPY cannot split them, the importer does.
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { benchDatabase } from './lib.mjs';
import { FORMATS } from '../src/domain/csv-format.ts';

const SQL_TYPE = { text: 'text', enum: 'text', date: 'date', datetime: 'timestamptz', number: 'numeric', int: 'integer', bool: 'boolean', list: 'text' };

function floorTables(dataDir) {
  return FORMATS.filter((f) => existsSync(join(dataDir, f.file))).map((f) => {
    const cols = f.columns.map((c) => `${c.name} ${SQL_TYPE[c.type.kind]}${f.key.includes(c.name) ? ' NOT NULL' : ''}`);
    return { ...f, ddl: `CREATE TABLE ${f.table} (${cols.join(', ')}, PRIMARY KEY (${f.key.join(', ')}))` };
  });
}

/** Seconds to COPY every file of dataDir into a new database named after `name` (server) or a new PGlite; dropped afterwards. */
export async function copyFloor(dataDir, name) {
  return process.env.DATABASE_URL ? serverFloor(dataDir, name) : pgliteFloor(dataDir, name);
}

async function pgliteFloor(dataDir, name) {
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = mkdtempSync(join(tmpdir(), `kam-bench-${name}-`));
  const db = new PGlite(dir);
  let rows = 0;
  let seconds = 0;
  try {
    await db.exec("SET TIME ZONE 'Asia/Shanghai'");
    const tables = floorTables(dataDir);
    for (const t of tables) await db.exec(t.ddl);
    const t0 = process.hrtime.bigint();
    await db.exec('BEGIN');
    for (const t of tables) {
      const path = join(dataDir, t.file);
      const header = (await firstLine(path)).replace(/^\uFEFF/, '');
      const blob = new Blob([await readFile(path)]);
      const r = await db.query(`COPY ${t.table} (${header}) FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob });
      rows += r.affectedRows ?? 0;
    }
    await db.exec('COMMIT');
    seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows, seconds };
}

async function serverFloor(dataDir, name) {
  const pg = (await import('pg')).default;
  const { from } = (await import('pg-copy-streams')).default;
  const target = await benchDatabase(name);
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  let rows = 0;
  let seconds = 0;
  try {
    await client.query("SET TIME ZONE 'Asia/Shanghai'");
    const formats = floorTables(dataDir);
    for (const f of formats) await client.query(f.ddl);
    const t0 = process.hrtime.bigint();
    await client.query('BEGIN');
    for (const f of formats) {
      const header = (await firstLine(join(dataDir, f.file))).replace(/^\uFEFF/, '');
      const stream = client.query(from(`COPY ${f.table} (${header}) FROM STDIN WITH (FORMAT csv, HEADER true)`));
      await pipeline(createReadStream(join(dataDir, f.file)), stream);
      rows += Number(stream.rowCount);
    }
    await client.query('COMMIT');
    seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  } finally {
    await client.end();
    await target.drop();
  }
  return { rows, seconds };
}

async function firstLine(path) {
  const s = createReadStream(path, { encoding: 'utf8', end: 64 * 1024 });
  let buf = '';
  for await (const chunk of s) {
    buf += chunk;
    if (buf.includes('\n')) break;
  }
  s.destroy();
  return buf.split(/\r?\n/)[0];
}
