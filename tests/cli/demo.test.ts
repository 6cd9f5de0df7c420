// The demo world from the command line: the first command on an empty embedded database loads it
// (saying so on stderr), KAM_DEMO=false starts empty, `kam demo --reset` rebuilds it.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kam, tempDataDir } from '../helpers/cli.ts';

vi.setConfig({ testTimeout: 180_000 });

describe('the demo world on the command line', () => {
  it('the first command on an empty database loads it, saying so on stderr; later ones do not', () => {
    const env = { KAM_DATA_DIR: tempDataDir(), KAM_DEMO: 'true' };
    const first = kam(['ask', '--user', 'u_li', '西山矿业的决策链'], env);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/empty database: loaded the bundled demo data — a demo world of 32 accounts dated to today/);
    expect(first.stdout).toContain('西山矿业集团的决策链');
    const second = kam(['ask', '--user', 'u_chen', '本周简报'], env);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toMatch(/demo/);
    expect(second.stdout).toMatch(/本周团队简报/);
    // Rebuilt on request, only then.
    expect(kam(['demo'], env)).toMatchObject({ code: 1, stderr: expect.stringMatching(/already holds data.*--reset/) });
    const reset = kam(['demo', '--reset'], env);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/loaded the demo world: 32 accounts/);
  });

  it('KAM_DEMO=false starts empty, and kam import never mixes the demo into imported data', () => {
    const env = { KAM_DATA_DIR: tempDataDir(), KAM_DEMO: 'false' };
    const r = kam(['ask', '--user', 'u_li', '西山矿业的决策链'], env);
    expect(r.stderr).not.toMatch(/demo/);
    expect(r.code).toBe(1);
    const out = mkdtempSync(join(tmpdir(), 'kam-demo-out-'));
    expect(kam(['demo', '--out', out], env).code).toBe(0);
    expect(readdirSync(out).sort()).toContain('interactions.csv');
    const dir = { KAM_DATA_DIR: tempDataDir(), KAM_DEMO: 'true' };
    const imported = kam(['import', out], dir);
    expect(imported.code).toBe(0);
    expect(imported.stderr).not.toMatch(/demo/);
    expect(readFileSync(join(out, 'accounts.csv'), 'utf8')).toContain('西山矿业集团');
  });
});
