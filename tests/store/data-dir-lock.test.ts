// The lock that keeps a second process off an embedded database directory.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from '../../db/data-dir-lock.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'kam-lock-'));

describe('data dir lock', () => {
  it('is held while open, re-entrant within the process, and removed by the last release', () => {
    const d = dir();
    const a = lockDataDir(d);
    const b = lockDataDir(d);
    expect(readFileSync(join(d, 'kam.lock'), 'utf8').split('\n')[0]).toBe(String(process.pid));
    a();
    a(); // a second call of the same release changes nothing
    expect(existsSync(join(d, 'kam.lock'))).toBe(true);
    b();
    expect(existsSync(join(d, 'kam.lock'))).toBe(false);
  });

  it('refuses a directory locked by a live process, naming it', () => {
    const d = dir();
    writeFileSync(join(d, 'kam.lock'), `${process.ppid}\nstart\n`);
    expect(() => lockDataDir(d)).toThrow(DataDirBusyError);
    expect(() => lockDataDir(d)).toThrow(new RegExp(`pid ${process.ppid}, "kam start"`));
  });

  it('takes over a lock left by a process that is gone', () => {
    const d = dir();
    writeFileSync(join(d, 'kam.lock'), '2147483646\nimport x\n');
    const release = lockDataDir(d);
    expect(readFileSync(join(d, 'kam.lock'), 'utf8').split('\n')[0]).toBe(String(process.pid));
    release();
  });
});
