// `npm run bench:import`: generates N accounts (seeded) and times `kam import` into a new database
// at N = 1,000 and 10,000, then a re-import of the same (unchanged) files. Prints rows/s, peak RSS
// and the machine's load average (1 min) before and after each run. With DATABASE_URL set it runs
// on that PostgreSQL server (a database of its own, see benchDatabase in bench/lib.mjs), else on a
// new embedded database. It also measures the floor on the same engine: COPY of the same rows into
// the same tables with their primary keys only (what `\copy` of each file would cost), so the
// import can be read against it.
// Options: --sizes 1000,10000   --reimport 1000 (sizes to re-import; default all)
//          --reindex            also time `kam reindex` after the first import (the vectors a big
//                               import leaves to re-embedding)
//          --no-floor           skip the COPY floor
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from './generate.mjs';
import { copyFloor } from './copy-floor.mjs';
import { benchDatabase, machine, runMeasured } from './lib.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const sizes = arg('sizes', '1000,10000').split(',').map(Number);
const reimport = new Set(arg('reimport', sizes.join(',')).split(',').map(Number));
const reindex = process.argv.includes('--reindex');
const floor = !process.argv.includes('--no-floor');
const load = () => loadavg()[0].toFixed(1);

async function timed(label, rows, args, env) {
  const before = load();
  const r = await runMeasured('./bin/kam', args, { env });
  if (r.code !== 0) {
    console.error(r.err);
    process.exit(1);
  }
  const rate = rows ? `, ${Math.round(rows / r.seconds)} rows/s` : '';
  console.log(`${label}: ${r.seconds.toFixed(1)} s${rate}, peak RSS ${r.peakMb} MB, load ${before} → ${load()}`);
  return r;
}

console.log(machine());
for (const n of sizes) {
  const data = join(tmpdir(), `kam-bench-gen-${n}`);
  const counts = await generate({ accounts: n, out: data, seed: 42 });
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  const target = await benchDatabase(`import_${n}`);
  console.log(`N=${n}: database ${target.label}`);
  const env = { ...target.env, TZ: 'Asia/Shanghai' };
  const first = await timed(`N=${n}: import ${rows} rows`, rows, ['import', data], env);
  console.log(first.out.trim());
  if (reindex) await timed(`N=${n}: kam reindex (vectors left for re-embedding)`, 0, ['reindex'], env);
  if (reimport.has(n)) await timed(`N=${n}: re-import, all unchanged`, rows, ['import', data], env);
  await target.drop();
  if (floor) {
    const before = load();
    const f = await copyFloor(data, `import_floor_${n}`);
    console.log(
      `N=${n}: COPY floor (the same ${f.rows} rows into the same tables with primary keys only): ${f.seconds.toFixed(1)} s, ` +
        `${Math.round(f.rows / f.seconds)} rows/s; import/floor ${(first.seconds / f.seconds).toFixed(1)}×, load ${before} → ${load()}`,
    );
  }
}
