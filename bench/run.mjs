#!/usr/bin/env node
// `npm run bench [-- NAME ...]`: runs bench/NAME.mjs for each name given, or every benchmark.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ALL = ['import', 'ask', 'notes', 'alerts', 'webhooks', 'retrieval', 'console'];
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const extra = process.argv.slice(2).filter((a) => a.startsWith('-'));
let failed = false;
for (const name of names.length ? names : ALL) {
  const script = join(here, `${name}.mjs`);
  if (!existsSync(script)) {
    console.error(`bench: no ${name}.mjs`);
    failed = true;
    continue;
  }
  console.log(`\n== bench ${name} ==`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...extra], { stdio: 'inherit', cwd: join(here, '..') });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
