// `npm run bench:alerts`: the daily insights run over the generated data set — one health snapshot
// of every account plus a full sweep of all eight rules (recording and queueing the pushes) — on the
// embedded database, or on the PostgreSQL server of DATABASE_URL. Also times the health backfill that `kam import` runs, and a dry-run sweep.
// Options: --accounts N (default 10000), --reuse DIR (an already imported data dir).
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from './generate.mjs';
import { benchDatabase, engineLabel, machine, runMeasured } from './lib.mjs';
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
// --reuse DIR: an already imported embedded data dir; on a server (DATABASE_URL) the database
// kam_bench_alerts_N is kept between runs and reused when --reuse is given.
const reuse = arg('reuse');
const target = await benchDatabase(`alerts_${n}`, { dir: reuse && existsSync(reuse) ? reuse : undefined, keep: Boolean(reuse) });
console.log(`N=${n}: database ${target.label}${target.fresh ? '' : ' (reused)'}`);
if (target.fresh) {
  const data = join(tmpdir(), `kam-bench-gen-${n}`);
  const counts = await generate({ accounts: n, out: data, seed: 42 });
  const env = { ...target.env, TZ };
  const r = await runMeasured('./bin/kam', ['import', data], { env });
  if (r.code !== 0) {
    console.error(r.err);
    process.exit(1);
  }
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`N=${n}: kam import (with the health backfill) ${rows} rows in ${r.seconds.toFixed(1)} s, peak RSS ${r.peakMb} MB`);
}

// Wall time, and this process's CPU time (PGlite runs in-process, so CPU time is the database's
// work too; on a loaded machine it is the steadier number). On a server the database's work is in
// the server's processes, not in this CPU time.
const seconds = async (fn) => {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const out = await fn();
  const c = process.cpuUsage(c0);
  return { out, s: Number(process.hrtime.bigint() - t0) / 1e9, cpu: (c.user + c.system) / 1e6 };
};
const fmt = (m) => `${m.s.toFixed(2)} s (CPU ${m.cpu.toFixed(2)} s)`;

const db = await target.open();
console.log(`engine: ${await engineLabel(db)}`);
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
