// `./bin/kam ask` as a process on a freshly imported database: every EXPECTED.md question,
// --json, exit codes, and follow-up context across processes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KAM_BIN, ROOT, SAMPLE_DIR } from '../helpers/paths.ts';

const AT = '2026-11-24T10:00:00+08:00';
let dataDir: string;

function kam(args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, KAM_DATA_DIR: dataDir, KAM_DEMO: 'false', TZ: 'Asia/Shanghai' };
  for (const k of ['DATABASE_URL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'KAM_LANG']) delete env[k];
  const r = spawnSync(KAM_BIN, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 120000 });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '' };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kam-ask-'));
  const r = kam(['import', SAMPLE_DIR]);
  if (r.code !== 0) throw new Error(`import failed: ${r.err}`);
}, 180000);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const questions: { user: string; text: string; must: string[][]; must_not: string[] }[] = JSON.parse(readFileSync(join(SAMPLE_DIR, '..', 'checks', 'questions.json'), 'utf8')).questions;

describe('kam ask', () => {
  for (const q of questions) {
    it(`[${q.user}] ${q.text}`, () => {
      const r = kam(['ask', '--user', q.user, '--at', AT, '--json', q.text]);
      expect(r.code, r.err).toBe(0);
      const json = JSON.parse(r.out);
      expect(Object.keys(json).sort()).toEqual(['data', 'text']);
      for (const alts of q.must) expect(alts.some((a) => json.text.includes(a)), json.text).toBe(true);
      for (const bad of q.must_not) expect(r.out).not.toContain(bad);
    }, 120000);
  }

  it('prints the plain reply text without --json, and takes an unquoted message', () => {
    const r = kam(['ask', '--user', 'u_li', '--at', AT, 'Jiangnan', 'Port', 'contracts']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2027-01-10');
    expect(() => JSON.parse(r.out)).toThrow();
  }, 120000);

  it('keeps follow-up context between processes (same --at clock)', () => {
    kam(['ask', '--user', 'u_li', '--at', AT, '江南港务的合同什么时候到期?']);
    const r = kam(['ask', '--user', 'u_li', '--at', '2026-11-24T10:03:00+08:00', '那他们的工单呢?']);
    expect(r.out).toContain('T004');
  }, 120000);

  it('exits 1 with a one-line reason for an unknown user or a bad --at', () => {
    const u = kam(['ask', '--user', 'u_ghost', '--at', AT, '中建华东的合同']);
    expect(u.code).toBe(1);
    expect(u.err.trim().split('\n')).toHaveLength(1);
    expect(u.err).toContain('u_ghost');
    expect(u.out).toBe('');
    const a = kam(['ask', '--user', 'u_li', '--at', 'next tuesday', 'help']);
    expect(a.code).toBe(1);
    expect(a.err).toContain('ISO 8601');
  }, 120000);
});
