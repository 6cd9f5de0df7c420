#!/usr/bin/env node
// `npm run bench [-- NAME ... [OPTIONS]]`: runs bench/NAME.mjs for each name given, or every benchmark.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ALL = ['import', 'ask', 'notes', 'alerts', 'webhooks', 'acks', 'retrieval', 'console'];
// Names come first; everything from the first option on is passed to each script (`-- import --sizes 1000`).
const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('-'));
const names = firstOption < 0 ? args : args.slice(0, firstOption);
const extra = firstOption < 0 ? [] : args.slice(firstOption);
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
