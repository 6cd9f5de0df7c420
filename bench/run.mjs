#!/usr/bin/env node
// `npm run bench [-- NAME ... [OPTIONS]]`: runs bench/NAME.mjs for each name given, or every benchmark.
// Engines: embedded PGlite alone by default; with DATABASE_URL set, each benchmark runs on PGlite and
// then on that PostgreSQL server, and one table per benchmark puts the two runs' figures side by
// side. `--engines pglite,server` (or `pglite`, `server`) chooses explicitly; `server` needs DATABASE_URL.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sideBySide } from './side-by-side.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ALL = ['import', 'ask', 'notes', 'alerts', 'webhooks', 'acks', 'retrieval', 'console'];
// Names come first; everything from the first option on is passed to each script (`-- import --sizes 1000`),
// except --engines, which is this runner's.
const argv = process.argv.slice(2);
let engineArg = null;
const args = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--engines') engineArg = argv[++i] ?? '';
  else if (argv[i].startsWith('--engines=')) engineArg = argv[i].slice('--engines='.length);
  else args.push(argv[i]);
}
const url = process.env.DATABASE_URL;
const engines = (engineArg ?? (url ? 'pglite,server' : 'pglite')).split(',').map((e) => e.trim()).filter(Boolean);
for (const e of engines) {
  if (e !== 'pglite' && e !== 'server') {
    console.error(`bench: unknown engine ${e} (pglite, server)`);
    process.exit(2);
  }
}
if (engines.includes('server') && !url) {
  console.error('bench: --engines server needs DATABASE_URL (postgres://user:pass@host:port/db; its role needs CREATEDB)');
  process.exit(2);
}
const firstOption = args.findIndex((a) => a.startsWith('-'));
const names = firstOption < 0 ? args : args.slice(0, firstOption);
const extra = firstOption < 0 ? [] : args.slice(firstOption);

function envFor(engine) {
  const env = { ...process.env };
  if (engine === 'server') env.DATABASE_URL = url;
  else delete env.DATABASE_URL;
  return env;
}

/** Runs one script on one engine; alone, its output goes straight through, else it is also kept (each line prefixed while it runs). */
function runScript(script, engine, capture) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...extra], {
      cwd: join(here, '..'),
      env: envFor(engine),
      stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    });
    let out = '';
    let pending = '';
    child.stdout?.on('data', (d) => {
      out += d;
      pending += d;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) console.log(`[${engine}] ${line}`);
    });
    child.on('exit', (code) => {
      if (pending) console.log(`[${engine}] ${pending}`);
      resolve({ code, out });
    });
  });
}

let failed = false;
for (const name of names.length ? names : ALL) {
  const script = join(here, `${name}.mjs`);
  if (!existsSync(script)) {
    console.error(`bench: no ${name}.mjs`);
    failed = true;
    continue;
  }
  const outputs = [];
  for (const engine of engines) {
    console.log(`\n== bench ${name}${engines.length > 1 ? ` on ${engine}` : ''} ==`);
    const r = await runScript(script, engine, engines.length > 1);
    if (r.code !== 0) failed = true;
    outputs.push({ engine, out: r.out, code: r.code });
  }
  if (engines.length > 1) {
    console.log(`\n== bench ${name}: ${engines.join(' | ')} side by side ==`);
    console.log(sideBySide(outputs));
  }
}
process.exit(failed ? 1 : 0);
