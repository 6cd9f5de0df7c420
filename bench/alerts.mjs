// `npm run bench:alerts`: the daily insights run over the generated data set — one health snapshot
// of every account plus a full sweep of all eight rules (recording and queueing the pushes) — on the
// embedded database. Also times the health backfill that `kam import` runs, and a dry-run sweep.
// Options: --accounts N (default 10000), --reuse DIR (an already imported data dir).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from './generate.mjs';
import { machine, runMeasured } from './lib.mjs';
import { openPglite } from '../db/index.ts';
import { dailySweep } from '../src/insights/alerts/daily.ts';
import { sweepAlerts } from '../src/insights/alerts/sweep.ts';
import { asOfNow } from '../src/insights/health/compute.ts';
import { backfillHealth } from '../src/insights/health/snapshot.ts';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const n = Number(arg('accounts', '10000'));
const TZ = 'Asia/Shanghai';
// The generator's "today".
const AT = new Date('2026-11-24T09:00:00+08:00');

console.log(machine());
let dir = arg('reuse');
if (!dir || !existsSync(dir)) {
  const data = join(tmpdir(), `kam-bench-gen-${n}`);
  const counts = await generate({ accounts: n, out: data, seed: 42 });
  dir = mkdtempSync(join(tmpdir(), 'kam-bench-alerts-'));
  const env = { ...process.env, KAM_DATA_DIR: dir, KAM_DEMO: 'false', TZ };
  delete env.DATABASE_URL;
  const r = await runMeasured('./bin/kam', ['import', data], { env });
  if (r.code !== 0) {
    console.error(r.err);
    process.exit(1);
  }
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`N=${n}: kam import (with the health backfill) ${rows} rows in ${r.seconds.toFixed(1)} s, peak RSS ${r.peakMb} MB; data dir ${dir}`);
}

// Wall time, and this process's CPU time (PGlite runs in-process, so CPU time is the database's
// work too; on a loaded machine it is the steadier number).
const seconds = async (fn) => {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const out = await fn();
  const c = process.cpuUsage(c0);
  return { out, s: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 };
};
const fmt = (m) => `${m.s.toFixed(2)} s (CPU ${m.cpu.toFixed(2)} s)`;

const db = await openPglite(dir);
const at = asOfNow(AT, TZ);
const cold = await seconds(() => dailySweep(db, { at, lang: 'zh', pushAt: AT }));
const pushes = (await db.query("SELECT count(*)::int AS n FROM outbox WHERE kind = 'alert'")).rows[0].n;
console.log(`N=${n}: daily run, first in a fresh process (health snapshot of ${cold.out.snapshots} accounts + sweep of 8 rules): ${fmt(cold)}, ${cold.out.alerts.length} alerts recorded, ${pushes} pushes queued`);
const warm = await seconds(() => dailySweep(db, { at, lang: 'zh', pushAt: AT }));
console.log(`N=${n}: daily run again (warm; nothing new to record): ${fmt(warm)}, ${warm.out.alerts.length} new alerts`);
const dry = await seconds(() => sweepAlerts(db, { at, lang: 'zh', dryRun: true }));
console.log(`N=${n}: kam alerts --dry-run equivalent (rules + live health for health_drop): ${fmt(dry)}, ${dry.out.alerts.length} alerts`);
const back = await seconds(() => db.transaction((tx) => backfillHealth(tx, TZ)));
console.log(`N=${n}: health backfill after import (${back.out.length} weekly points): ${fmt(back)}`);
await db.close();
console.log(`target < 10 s for the daily run: ${cold.s < 10 ? 'met' : cold.cpu < 10 ? 'met in CPU time, wall time inflated by machine load' : 'MISSED'}`);
