// `npm run bench:import`: generates N accounts (seeded) and times `kam import` into a new embedded
// database at N = 1,000 and 10,000 (override: --sizes 1000,10000). Prints rows/s and peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from './generate.mjs';
import { machine, runMeasured } from './lib.mjs';

const i = process.argv.indexOf('--sizes');
const sizes = (i >= 0 ? process.argv[i + 1] : '1000,10000').split(',').map(Number);
console.log(machine());
for (const n of sizes) {
  const data = join(tmpdir(), `kam-bench-gen-${n}`);
  const counts = await generate({ accounts: n, out: data, seed: 42 });
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  const dir = mkdtempSync(join(tmpdir(), 'kam-bench-db-'));
  const env = { ...process.env, KAM_DATA_DIR: dir, KAM_DEMO: 'false', TZ: 'Asia/Shanghai' };
  delete env.DATABASE_URL;
  const r = await runMeasured('./bin/kam', ['import', data], { env });
  if (r.code !== 0) {
    console.error(r.err);
    process.exit(1);
  }
  console.log(`N=${n}: ${rows} rows in ${r.seconds.toFixed(1)} s = ${Math.round(rows / r.seconds)} rows/s, peak RSS ${r.peakMb} MB`);
  const again = await runMeasured('./bin/kam', ['import', data], { env });
  console.log(`N=${n}: re-import (all unchanged) ${again.seconds.toFixed(1)} s = ${Math.round(rows / again.seconds)} rows/s, peak RSS ${again.peakMb} MB`);
  rmSync(dir, { recursive: true, force: true });
}
