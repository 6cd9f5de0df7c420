// Shared benchmark helpers: machine facts, percentiles, peak RSS of a child process, command-line
// options, and the report lines a benchmark prints and may write into bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export function machine() {
  return `${cpus().length} cores (${cpus()[0]?.model?.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs a command, sampling its peak resident set (VmHWM) from /proc; returns wall time and peak RSS. */
export function runMeasured(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    let err = '';
    let peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // the process has ended
      }
    };
    const timer = setInterval(sample, 50);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, out, err, seconds: Number(process.hrtime.bigint() - t0) / 1e9, peakMb: Math.round(peakKb / 1024) });
    });
    sample();
  });
}

/** The value after `--name` on the command line, or the fallback. */
export function option(name, fallback) {
  const argv = process.argv.slice(2);
  return argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback;
}

/** A report: `say` prints a line and keeps it in `lines` (for writeResultsSection). */
export function report() {
  const lines = [];
  return {
    lines,
    say(s) {
      console.log(s);
      lines.push(s);
    },
  };
}

/** Replaces the section that starts with `head` in bench/RESULTS.md (or appends it) with `body` lines. */
export function writeResultsSection(head, body) {
  const file = join(import.meta.dirname, 'RESULTS.md');
  const section = [head, '', ...body].join('\n');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\n';
  const start = current.indexOf(head);
  const next = start >= 0 ? current.indexOf('\n## ', start + head.length) : -1;
  const updated = start < 0 ? current.trimEnd() + '\n\n' + section : current.slice(0, start) + section + (next >= 0 ? current.slice(next + 1) : '');
  writeFileSync(file, updated);
  console.log(`wrote ${file}`);
}

/**
 * The database a benchmark runs on: the PostgreSQL server of DATABASE_URL when it is set (a
 * database of its own, `kam_bench_NAME`, created beside the URL's; its role needs CREATEDB and the
 * server pgvector in template1 or the right to create it), else the embedded one in `dir` (a new
 * temporary directory when none is given). `fresh` tells whether it was just created (nothing
 * imported yet); `env` is the environment a `./bin/kam` child needs to use the same database;
 * `open()` opens it migrated; `drop()` removes it. `keep`: reuse an existing one of that name.
 */
export async function benchDatabase(name, { dir, keep = false } = {}) {
  const { migrate, openDatabase, openPglite } = await import('../db/index.ts');
  const url = process.env.DATABASE_URL;
  if (!url) {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = dir ?? mkdtempSync(join(tmpdir(), `kam-bench-${name}-`));
    const fresh = !existsSync(join(path, 'PG_VERSION'));
    const env = { ...process.env, KAM_DATA_DIR: path, KAM_DEMO: 'false' };
    delete env.DATABASE_URL;
    return {
      kind: 'embedded',
      label: `embedded PGlite (${path})`,
      dir: path,
      fresh,
      env,
      open: async () => {
        const db = await openPglite(path);
        await migrate(db);
        return db;
      },
      drop: async () => rmSync(path, { recursive: true, force: true }),
    };
  }
  const pg = (await import('pg')).default;
  const dbName = `kam_bench_${name}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  let fresh;
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount > 0;
    if (exists && !keep) await admin.query(`DROP DATABASE ${dbName}`);
    fresh = !exists || !keep;
    if (fresh) await admin.query(`CREATE DATABASE ${dbName}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  const env = { ...process.env, DATABASE_URL: u.href, KAM_DEMO: 'false' };
  return {
    kind: 'server',
    label: `PostgreSQL server (${u.host}/${dbName})`,
    url: u.href,
    fresh,
    env,
    open: () => openDatabase({ databaseUrl: u.href, dataDir: '' }),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${dbName}`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The server's version, or 'embedded PGlite': for a report's first line. */
export async function engineLabel(db) {
  if (db.kind === 'pglite') return 'embedded PGlite';
  const r = await db.query("SELECT current_setting('server_version') AS v, (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS vec");
  return `PostgreSQL ${r.rows[0].v} + pgvector ${r.rows[0].vec}`;
}

/**
 * A new migrated database for one benchmark run: on the server of DATABASE_URL when set (database
 * kam_bench_NAME, dropped by `done`), else embedded — in `dir` when given, in memory otherwise.
 */
export async function openBenchDb(name, { dir } = {}) {
  if (process.env.DATABASE_URL) {
    const target = await benchDatabase(name);
    const db = await target.open();
    const done = async () => {
      await db.close();
      await target.drop();
    };
    return { db, kind: 'server', done };
  }
  const { migrate, openPglite } = await import('../db/index.ts');
  // BENCH_DB_WORKER=1: the embedded database in a worker thread, as `kam start` runs it.
  const worker = process.env.BENCH_DB_WORKER === '1';
  const db = await openPglite(dir, { worker });
  await migrate(db);
  return { db, kind: worker ? 'embedded (worker thread)' : 'embedded', done: () => db.close() };
}
