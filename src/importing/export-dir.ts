// `kam export DIR`: every table of CONTRACT.md §4 as CSV in the import format, rows sorted by id,
// formula-like cells neutralised for spreadsheets (neutraliseFormula; import reads them back).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/index.ts';
import { FORMATS, neutraliseFormula } from '../domain/csv-format.ts';
import { exportRows } from '../store/import-export.ts';

export async function exportDir(db: Db, dir: string, tz: string): Promise<{ file: string; rows: number }[]> {
  mkdirSync(dir, { recursive: true });
  const out: { file: string; rows: number }[] = [];
  for (const f of FORMATS) {
    const rows = await exportRows(db, f, tz);
    writeFileSync(join(dir, f.file), stringify([f.columns.map((c) => c.name), ...rows.map((r) => r.map(neutraliseFormula))], { record_delimiter: '\n' }));
    out.push({ file: f.file, rows: rows.length });
  }
  return out;
}
