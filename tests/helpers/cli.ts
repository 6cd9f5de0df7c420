// Runs ./bin/kam as a process, the way users do.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KAM_BIN, ROOT } from './paths.ts';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'Asia/Shanghai', KAM_DEMO: 'false', LOG_LEVEL: 'warn', ...extra };
  for (const k of Object.keys(env)) {
    if (/^(DATABASE_URL|OPENAI_|FEISHU_|WECOM_|SLACK_|DINGTALK_|KAM_API_TOKEN|PORT|HOST)/.test(k) && !(k in extra)) delete env[k];
  }
  return env;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'kam-cli-'));
}

export function kam(args: string[], env: Record<string, string>, input?: string): RunResult {
  const r = spawnSync(KAM_BIN, args, { cwd: ROOT, env: cleanEnv(env), encoding: 'utf8', timeout: 120000, input });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Starts a long-running `kam start`; resolves once the log says it is listening. */
export function kamStart(args: string[], env: Record<string, string>): Promise<{ stop(): Promise<number | null>; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(KAM_BIN, ['start', ...args], { cwd: ROOT, env: cleanEnv({ LOG_LEVEL: 'info', ...env }) });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`kam start did not come up: ${out}`)), 60000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('KAM Assistant is running')) {
        clearTimeout(timer);
        resolve({
          output: () => out,
          stop: () =>
            new Promise((res) => {
              child.once('exit', (code) => res(code));
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kam start exited with ${code}: ${out}`));
    });
  });
}
