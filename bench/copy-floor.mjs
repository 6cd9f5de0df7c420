// The floor an import is measured against on a PostgreSQL server: every CSV file of a generated
// data set sent unchanged with COPY ... FROM STDIN (CSV, HEADER) — what psql's `\copy` does — into
// a table of the same columns and types with the file's key as its primary key and nothing else
// (no secondary indexes, foreign keys or checks), all in one transaction in a new database.
// List columns (`a;b` in the files) are text here: COPY cannot split them, the importer does.
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { benchDatabase } from './lib.mjs';
import { FORMATS } from '../src/domain/csv-format.ts';

const SQL_TYPE = { text: 'text', enum: 'text', date: 'date', datetime: 'timestamptz', number: 'numeric', int: 'integer', bool: 'boolean', list: 'text' };

/** Seconds to COPY every file of dataDir into a new database named after `name`; dropped afterwards. */
export async function copyFloor(dataDir, name) {
  const pg = (await import('pg')).default;
  const { from } = (await import('pg-copy-streams')).default;
  const target = await benchDatabase(name);
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  let rows = 0;
  let seconds = 0;
  try {
    await client.query("SET TIME ZONE 'Asia/Shanghai'");
    const formats = FORMATS.filter((f) => existsSync(join(dataDir, f.file)));
    for (const f of formats) {
      const cols = f.columns.map((c) => `${c.name} ${SQL_TYPE[c.type.kind]}${f.key.includes(c.name) ? ' NOT NULL' : ''}`);
      await client.query(`CREATE TABLE ${f.table} (${cols.join(', ')}, PRIMARY KEY (${f.key.join(', ')}))`);
    }
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
