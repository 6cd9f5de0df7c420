// The insights commands as users run them: kam alerts, kam rules, kam briefing, kam outbox.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// Each test spawns several `kam` processes.
vi.setConfig({ testTimeout: 180000 });
import { kam, tempDataDir } from '../helpers/cli.ts';
import { ROOT, SAMPLE_DIR } from '../helpers/paths.ts';

const AT = '2026-11-24T10:00:00+08:00';
let env: Record<string, string>;

beforeAll(() => {
  env = { KAM_DATA_DIR: tempDataDir() };
  const r = kam(['import', SAMPLE_DIR], env);
  expect(r.code, r.stderr).toBe(0);
}, 120000);

const key = (a: { rule: string; account_id: string; recipients: string[] }) => `${a.rule}/${a.account_id}:${[...a.recipients].sort().join(',')}`;

describe('kam alerts', () => {
  it('--dry-run --json prints exactly the pairs and recipients of checks/alerts.json', () => {
    const want = JSON.parse(readFileSync(join(ROOT, '..', 'shared', 'checks', 'alerts.json'), 'utf8'));
    const r = kam(['alerts', '--at', AT, '--dry-run', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as { rule: string; account_id: string; severity: string; recipients: string[]; message: string }[];
    for (const a of got) expect(Object.keys(a).sort()).toEqual(['account_id', 'message', 'recipients', 'rule', 'severity']);
    expect(got.filter((a) => a.rule !== 'health_drop').map(key).sort()).toEqual(want.alerts.map(key).sort());
  });

  it('records and pushes once: the second run prints nothing new', () => {
    const first = kam(['alerts', '--at', AT, '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).length).toBeGreaterThanOrEqual(8);
    const second = kam(['alerts', '--at', AT, '--json'], env);
    expect(JSON.parse(second.stdout)).toEqual([]);
    const text = kam(['alerts', '--at', AT], env);
    expect(text.stdout).toContain('没有新的预警');
  });

  it('rejects a bad --at with exit 1', () => {
    expect(kam(['alerts', '--at', 'yesterday-ish', '--dry-run'], env).code).toBe(1);
  });
});

describe('kam rules', () => {
  it('lists thresholds, validates changes, and a change applies: exec_silence.days 60 drops A300', () => {
    expect(kam(['rules'], env).stdout).toContain('exec_silence.days');
    expect(kam(['rules', 'set', 'no_such.rule', '1'], env).code).toBe(1);
    expect(kam(['rules', 'set', 'exec_silence.days', 'sixty'], env).code).toBe(1);
    expect(kam(['rules', 'set', 'exec_silence.days', '60'], env).code).toBe(0);
    const got = JSON.parse(kam(['alerts', '--at', AT, '--dry-run', '--json'], env).stdout) as { rule: string; account_id: string }[];
    expect(got.some((a) => a.rule === 'exec_silence' && a.account_id === 'A300')).toBe(false);
    expect(kam(['rules', 'reset', 'exec_silence.days'], env).code).toBe(0);
  });
});

describe('kam briefing', () => {
  it('--team u_chen names every team account with activity, alerts and what is due; --json gives the same as data', () => {
    const text = kam(['briefing', '--team', 'u_chen', '--week', '2026-11-24', '--at', AT], env);
    expect(text.code, text.stderr).toBe(0);
    for (const name of ['中建华东工程集团', '中建华东第一工程公司', '中建华东第二工程公司', '西山矿业集团', '江南港务集团', '北方路桥建设有限公司', '蓝海新能源科技有限公司', '兴业建材有限公司']) {
      expect(text.stdout).toContain(name);
    }
    expect(text.stdout).toContain('准备三年期服务合同方案');
    const json = JSON.parse(kam(['briefing', '--team', 'u_chen', '--week', '2026-11-24', '--at', AT, '--json'], env).stdout);
    expect(json.accounts).toHaveLength(8);
    expect(json.week).toEqual({ start: '2026-11-23', end: '2026-11-29' });
  });
  it('needs exactly one of --user / --team, and a known user', () => {
    expect(kam(['briefing'], env).code).toBe(1);
    expect(kam(['briefing', '--user', 'nobody'], env).code).toBe(1);
  });
});

describe('kam outbox', () => {
  it('lists what is not delivered, and nothing is lost', () => {
    const r = kam(['outbox', '--status', 'sent', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { recipient: string; platform: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((x) => x.platform === 'console')).toBe(true);
    expect(kam(['outbox'], env).code).toBe(0);
    expect(kam(['outbox', '--status', 'bogus'], env).code).toBe(1);
  });
});
