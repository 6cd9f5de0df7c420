// Cell parsing of the import format, without a database.
import { describe, expect, it } from 'vitest';
import { FORMATS, neutraliseFormula, parseCell, readNeutralised, type Column } from '../../src/domain/csv-format.ts';

const TZ = 'Asia/Shanghai';
const column = (file: string, name: string): Column => FORMATS.find((f) => f.file === file)!.columns.find((c) => c.name === name)!;
const orderDate = column('orders.csv', 'order_date');
const occurredAt = column('interactions.csv', 'occurred_at');

describe('date and date-time cells', () => {
  it('take ISO 8601, naive values in the business time zone', () => {
    expect(parseCell(orderDate, '2026-11-20', TZ)).toEqual({ value: '2026-11-20' });
    expect(parseCell(occurredAt, '2026-11-20T09:05:00', TZ)).toEqual({ value: new Date('2026-11-20T01:05:00Z') });
    expect(parseCell(occurredAt, '2026-11-20T09:05:00+00:00', TZ)).toEqual({ value: new Date('2026-11-20T09:05:00Z') });
  });

  it("take the short forms Excel on Chinese Windows saves (2026/11/20, 2026/11/20 9:05)", () => {
    expect(parseCell(orderDate, '2026/11/20', TZ)).toEqual({ value: '2026-11-20' });
    expect(parseCell(orderDate, '2026/1/5', TZ)).toEqual({ value: '2026-01-05' });
    expect(parseCell(orderDate, '2026/1/5 0:00', TZ)).toEqual({ value: '2026-01-05' });
    expect(parseCell(occurredAt, '2026/11/20 9:05', TZ)).toEqual({ value: new Date('2026-11-20T01:05:00Z') });
    expect(parseCell(occurredAt, '2026/11/20 18:30:15', TZ)).toEqual({ value: new Date('2026-11-20T10:30:15Z') });
    expect(parseCell(occurredAt, '2026/11/20', TZ)).toEqual({ value: new Date('2026-11-19T16:00:00Z') });
  });

  it('refuse impossible and ambiguous dates, quoting the cell as written', () => {
    expect(parseCell(orderDate, '2026/2/30', TZ)).toEqual({ error: '"order_date": "2026/2/30" is not an ISO 8601 date (YYYY-MM-DD)' });
    expect(parseCell(orderDate, '11/20/2026', TZ)).toEqual({ error: '"order_date": "11/20/2026" is not an ISO 8601 date (YYYY-MM-DD)' });
    expect(parseCell(orderDate, '2026年11月20日', TZ)).toEqual({ error: '"order_date": "2026年11月20日" is not an ISO 8601 date (YYYY-MM-DD)' });
    expect(parseCell(occurredAt, '2026/11/20 25:00', TZ)).toEqual({ error: '"occurred_at": "2026/11/20 25:00" is not an ISO 8601 date or date-time' });
  });
});

describe('amount cells', () => {
  const amount = column('orders.csv', 'amount');
  it('take plain numbers, and thousands separators as Excel saves formatted amounts', () => {
    expect(parseCell(amount, '9000000', TZ)).toEqual({ value: 9000000 });
    expect(parseCell(amount, '9,000,000', TZ)).toEqual({ value: 9000000 });
    expect(parseCell(amount, '1,234.50', TZ)).toEqual({ value: 1234.5 });
    expect(parseCell(amount, '-12,000', TZ)).toEqual({ value: -12000 });
  });

  it('refuse separators in the wrong places, currency signs and units', () => {
    for (const bad of ['9,00,000', '9000,000', ',900', '¥9000000', '120万', '1.234,50'])
      expect(parseCell(amount, bad, TZ), bad).toEqual({ error: `"amount": "${bad}" is not a plain number (yuan, e.g. 1200000)` });
    expect(parseCell(amount, '1,000,000,000,000,000', TZ)).toEqual({ error: '"amount": "1,000,000,000,000,000" is too large (at most 15 digits before the decimal point)' });
  });
});

describe('list cells', () => {
  const aliases = column('accounts.csv', 'aliases');
  it('split on ; and on the full-width ； a Chinese keyboard types', () => {
    expect(parseCell(aliases, '中建华东;华东工程', TZ)).toEqual({ value: ['中建华东', '华东工程'] });
    expect(parseCell(aliases, '中建华东；华东工程； ', TZ)).toEqual({ value: ['中建华东', '华东工程'] });
    expect(parseCell(aliases, '', TZ)).toEqual({ value: [] });
  });
});

describe('formula neutralisation', () => {
  it("prefixes = + - @ tab CR starts with one ', leaves numbers and other text, and reads every value back", () => {
    expect(['=1+1', '+86 138', '-x', '@a', '\tx', '\rx', "'=x", '-5', '-2.5', 'abc', "'abc", ''].map(neutraliseFormula)).toEqual([
      "'=1+1", "'+86 138", "'-x", "'@a", "'\tx", "'\rx", "''=x", '-5', '-2.5', 'abc', "'abc", '',
    ]);
    for (const v of ['=1', "'=1", "''@x", "'", "'a", '-5', "'-5", '']) expect(readNeutralised(neutraliseFormula(v))).toBe(v);
  });
});
