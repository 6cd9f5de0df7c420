import { describe, expect, it, vi } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kam, kamStart, tempDataDir } from '../helpers/cli.ts';
import { SAMPLE_DIR } from '../helpers/paths.ts';

// Each test spawns ./bin/kam a few times; on a busy 2-core machine that takes a while.
vi.setConfig({ testTimeout: 180_000 });

const readDir = (d: string) => Object.fromEntries(readdirSync(d).map((f) => [f, readFileSync(join(d, f), 'utf8')]));

describe('kam import / export as a process', () => {
  const env = { KAM_DATA_DIR: tempDataDir() };

  it('imports the sample data with counts, and a second import changes nothing', () => {
    const first = kam(['import', SAMPLE_DIR], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/accounts\.csv\s+8 rows: 8 new, 0 changed, 0 unchanged/);
    const second = kam(['import', SAMPLE_DIR], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/interactions\.csv\s+20 rows: 0 new, 0 changed, 20 unchanged/);
  });

  it('refuses bad rows with exit 1, one FILE:LINE line each, and the data stays as it was', () => {
    const before = mkdtempSync(join(tmpdir(), 'kam-x-'));
    expect(kam(['export', before], env).code).toBe(0);
    const bad = mkdtempSync(join(tmpdir(), 'kam-bad-'));
    cpSync(SAMPLE_DIR, bad, { recursive: true });
    appendFileSync(join(bad, 'orders.csv'), 'O-X,A100,not-a-date,5,x\n');
    appendFileSync(join(bad, 'budgets.csv'), 'A100,2027,lots\n');
    appendFileSync(join(bad, 'projects.csv'), 'J9,A100,联合项目,2026-01-01,paused\n');
    const r = kam(['import', bad], env);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => /^\w+\.csv:\d+: /.test(l));
    expect(lines).toEqual([
      'orders.csv:15: "order_date": "not-a-date" is not an ISO 8601 date (YYYY-MM-DD)',
      'budgets.csv:6: "amount": "lots" is not a plain number (yuan, e.g. 1200000)',
      'projects.csv:4: "status" must be one of active, done, not "paused"',
    ]);
    const after = mkdtempSync(join(tmpdir(), 'kam-y-'));
    kam(['export', after], env);
    expect(readDir(after)).toEqual(readDir(before));
  });

  it('round-trips: export a/, import into an empty data dir, export b/ — identical', () => {
    const a = mkdtempSync(join(tmpdir(), 'kam-a-'));
    const b = mkdtempSync(join(tmpdir(), 'kam-b-'));
    expect(kam(['export', a], env).code).toBe(0);
    const env2 = { KAM_DATA_DIR: tempDataDir() };
    expect(kam(['import', a], env2).code).toBe(0);
    expect(kam(['export', b], env2).code).toBe(0);
    expect(readDir(b)).toEqual(readDir(a));
  });

  it('reads a GBK file with --encoding gbk and says so; refuses an unknown encoding', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-gbk-'));
    // A user named "王芳" in GBK (Excel's "CSV" on Chinese Windows).
    writeFileSync(join(dir, 'users.csv'), Buffer.concat([Buffer.from('id,name,role\nu_wang,'), Buffer.from('cdf5b7bc', 'hex'), Buffer.from(',sales\n')]));
    const r = kam(['import', dir, '--encoding', 'gbk'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/users\.csv\s+1 rows: .* \(read as GBK\)/);
    const out = mkdtempSync(join(tmpdir(), 'kam-gbk-out-'));
    expect(kam(['export', out], env).code).toBe(0);
    expect(readFileSync(join(out, 'users.csv'), 'utf8')).toMatch(/^u_wang,王芳,sales/m);
    const unknown = kam(['import', dir, '--encoding', 'big5'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown encoding "big5" \(expected utf-8 or gbk\)/);
  });

  it('exits 1 for a folder without import files', () => {
    const r = kam(['import', mkdtempSync(join(tmpdir(), 'kam-empty-'))], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no import files/);
  });

  it('exits 2 with a one-line reason when DATABASE_URL is unreachable', () => {
    const r = kam(['export', mkdtempSync(join(tmpdir(), 'kam-o-'))], { ...env, DATABASE_URL: 'postgres://127.0.0.1:1/x' });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/DATABASE_URL/);
  });
});

describe('kam start', () => {
  it('refuses a bad PORT naming the variable', () => {
    const r = kam(['start'], { KAM_DATA_DIR: tempDataDir(), PORT: 'abc' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PORT/);
  });

  it('refuses a partial platform configuration naming what is missing', () => {
    const r = kam(['start'], { KAM_DATA_DIR: tempDataDir(), SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/SLACK_SIGNING_SECRET/);
  });

  it('loads the demo data into an empty database, answers /healthz, keeps other processes off its data dir, and stops on SIGTERM', async () => {
    const dir = tempDataDir();
    const server = await kamStart(['--port', '0'], { KAM_DATA_DIR: dir, KAM_DEMO: 'true' });
    const url = /"url":"(http:[^"]+)"/.exec(server.output());
    expect(server.output()).toMatch(/loaded the bundled demo data/);
    const port = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(server.output())![1];
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(url).not.toBeNull();
    // One process at a time on an embedded database: a second one is refused, not let in to clobber it.
    const busy = kam(['export', mkdtempSync(join(tmpdir(), 'kam-busy-'))], { KAM_DATA_DIR: dir });
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/in use by another kam process \(pid \d+, "kam start/);
    expect(await server.stop()).toBe(0);
    const out = mkdtempSync(join(tmpdir(), 'kam-demo-'));
    kam(['export', out], { KAM_DATA_DIR: dir });
    expect(readFileSync(join(out, 'accounts.csv'), 'utf8')).toContain('西山矿业集团');
  });
});
