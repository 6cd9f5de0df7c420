// The acceptance commands as processes: kam roadmap (text, --json, admin view, refusals), the
// retrieval question through kam ask for a user who may and one who may not see the account, and
// kam reindex. Every id the roadmap cites exists in `kam export`.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kam, tempDataDir } from '../helpers/cli.ts';
import { SAMPLE_DIR } from '../helpers/paths.ts';

const AT = '2026-11-24T10:00:00+08:00';
const env = { KAM_DATA_DIR: tempDataDir() };

beforeAll(() => {
  expect(kam(['import', SAMPLE_DIR], env).code).toBe(0);
});

describe('kam roadmap', () => {
  it('prints a cited 30/60/90-day plan naming the gaps of 西山矿业 for u_li', () => {
    const r = kam(['roadmap', '--account', '西山矿业', '--user', 'u_li', '--at', AT], env);
    expect(r.code).toBe(0);
    for (const s of ['西山矿业集团 关系优化路线图(2026-11-24)', '高层沉默 55 天', '预算执行落后', 'P200', '【30天内】', '【60天内】', '【90天内】', 'I010(2026-09-30)']) expect(r.stdout).toContain(s);
  });

  it('--json cites only ids that exist in kam export', () => {
    const r = kam(['roadmap', '--account', '西山矿业', '--user', 'u_li', '--at', AT, '--json'], env);
    expect(r.code).toBe(0);
    const roadmap = JSON.parse(r.stdout);
    expect(roadmap.account).toEqual({ id: 'A200', name: '西山矿业集团' });
    expect(roadmap.gaps.map((g: { kind: string }) => g.kind)).toEqual(expect.arrayContaining(['executive_silence', 'budget_lag', 'stalled_opportunity']));
    const dir = mkdtempSync(join(tmpdir(), 'kam-export-'));
    expect(kam(['export', dir], env).code).toBe(0);
    const exported = new Set(
      readdirSync(dir).flatMap((f) =>
        readFileSync(join(dir, f), 'utf8')
          .split('\n')
          .slice(1)
          .map((line) => line.split(',')[0]),
      ),
    );
    const cited = roadmap.plan.flatMap((a: { citations: { id: string }[] }) => a.citations.map((c) => c.id));
    expect(cited.length).toBeGreaterThan(5);
    for (const id of cited) expect(exported.has(id), id).toBe(true);
  });

  it('is "not found" (exit 1) for an account the user may not see or that does not exist', () => {
    const hidden = kam(['roadmap', '--account', '西山矿业', '--user', 'u_zhang', '--at', AT], env);
    expect(hidden.code).toBe(1);
    expect(hidden.stderr).toContain('not found');
    expect(hidden.stdout).toBe('');
  });

  it('without --user shows the admin view, by id or name', () => {
    const r = kam(['roadmap', '--account', 'A400', '--at', AT, '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).gaps.map((g: { kind: string }) => g.kind)).toContain('missing_decision_maker');
  });
});

describe('kam ask: retrieval over the history', () => {
  it('cites the engine ticket with its date for u_li', () => {
    const r = kam(['ask', '--user', 'u_li', '--at', AT, '--json', '上次和西山矿业谈到发动机问题是什么时候?'], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.text).toContain('2026-11-20');
    expect(out.text).toContain('T003');
    expect(out.data.tool).toBe('search_history');
    expect(out.data.passages[0]).toMatchObject({ source: 'ticket', id: 'T003', date: '2026-11-20', accountId: 'A200' });
  });

  it('reveals nothing of 西山矿业 to u_zhang', () => {
    const r = kam(['ask', '--user', 'u_zhang', '--at', AT, '--json', '上次和西山矿业谈到发动机问题是什么时候?'], env);
    expect(r.code).toBe(0);
    for (const s of ['西山矿业集团', 'T003', '2026-11-20', '自卸车', 'A200']) expect(r.stdout).not.toContain(s);
  });

  it('says so when nothing matches', () => {
    // An English question around a Chinese name is answered in English (prompts/index.ts detectLang).
    const r = kam(['ask', '--user', 'u_li', '--at', AT, 'what did 江南港务 say about pricing?'], env);
    expect(r.stdout.trim()).toBe('I found nothing about "pricing" in 江南港务集团\'s records.');
    const zh = kam(['ask', '--user', 'u_li', '--at', AT, '江南港务有没有提到过pricing?'], env);
    expect(zh.stdout.trim()).toBe('在江南港务集团的记录里没有找到关于「pricing」的内容。');
  });
});

describe('kam reindex', () => {
  it('reports chunking, embedding progress and the result', () => {
    const r = kam(['reindex', '--rechunk'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('chunked: 33 records, 33 changed, 33 passages written');
    expect(r.stdout).toMatch(/done in [\d.]+ s: 33 passages, 0 re-embedded with hash-ngram-v1/);
  });
});
