// The one database seam: a small `Db` interface with two implementations, embedded PGlite
// (default) and a `pg` Pool for a PostgreSQL + pgvector server. Parameterized SQL only.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync, mkdirSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectPath } from '../src/paths.ts';
import { DataDirBusyError, lockDataDir } from './data-dir-lock.ts';
import { startPgliteWorker } from './pglite-worker-client.ts';
import { StatementQueue } from './statement-queue.ts';

export interface QueryResult<T> {
  rows: T[];
  affectedRows?: number;
}

export interface Db {
  readonly kind: 'pglite' | 'pg';
  query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs fn in one transaction; nested calls join the outer transaction. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Multi-statement SQL without parameters (migrations, scripts). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export class DbUnavailableError extends Error {}

// Type parsers shared by both drivers so rows look the same whichever runs underneath:
// `date` stays 'YYYY-MM-DD' (no time-zone shifts), numerics and bigints become numbers.
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const toNumber = (v: string) => (v === null ? null : Number(v));
const identity = (v: string) => v;

const migrationsDir = projectPath('db', 'migrations');

export function listMigrations(): { version: string; sql: string }[] {
  return readdirSync(migrationsDir)
    .filter((f) => /^\d+_.*\.sql$/.test(f))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b))
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(join(migrationsDir, f), 'utf8') }));
}

/** Applies pending migrations, each in its own transaction, under an advisory lock. */
export async function migrate(db: Db): Promise<string[]> {
  const applied: string[] = [];
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await db.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
  const pending = listMigrations().filter((m) => !done.has(m.version));
  if (!pending.length) return applied;
  await db.transaction(async (tx) => {
    // Two processes starting at once on one server: the second waits here, then skips.
    await tx.query('SELECT pg_advisory_xact_lock(7346001)');
    const again = new Set((await tx.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const m of pending) {
      if (again.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
      applied.push(m.version);
    }
  });
  return applied;
}

// ---------- PGlite ----------

export interface PgliteOptions {
  /** A dump (dumpDataDir) to start a new data dir from. */
  loadDataDir?: Uint8Array;
  /**
   * Runs the database in a worker thread (db/pglite-worker.mjs), so its statements never block
   * this thread's event loop; for the long-running server. Costs a thread start (bench/RESULTS.md,
   * "Acks under chat load"), and pgliteOf(db) is then no PGlite instance (no dump, no socket serving).
   */
  worker?: boolean;
}

export async function openPglite(dataDir: string | undefined, opts: PgliteOptions = {}): Promise<Db> {
  if (dataDir && !existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
  let release: (() => void) | undefined;
  try {
    release = dataDir ? lockDataDir(dataDir) : undefined;
  } catch (e) {
    if (e instanceof DataDirBusyError) throw new DbUnavailableError(e.message);
    throw e;
  }
  try {
    const pg = opts.worker ? await startPgliteWorker({ dataDir, loadDataDir: opts.loadDataDir }) : await createPglite(dataDir, opts.loadDataDir);
    const db = wrapPglite(pg);
    const close = db.close;
    db.close = async () => {
      try {
        await close();
      } finally {
        release?.();
      }
    };
    return db;
  } catch (e) {
    release?.();
    throw e;
  }
}

async function createPglite(dataDir: string | undefined, loadDataDir: Uint8Array | undefined) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  return PGlite.create({
    dataDir,
    extensions: { vector },
    parsers: { [OID.int8]: toNumber, [OID.numeric]: toNumber, [OID.date]: identity },
    loadDataDir: loadDataDir ? new Blob([loadDataDir as Uint8Array<ArrayBuffer>]) : undefined,
  });
}

type PgliteLike = {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(fn: (tx: any) => Promise<T>): Promise<T>;
  close?(): Promise<void>;
};

function wrapPglite(pg: PgliteLike, inTx = false, root?: any, queue?: StatementQueue): Db {
  if (inTx) {
    // Inside a transaction the slot is already ours: statements go straight to it.
    const tx: Db & { raw: unknown } = {
      kind: 'pglite',
      raw: root,
      query: (sql, params) => pg.query(sql, params as unknown[]) as any,
      exec: async (sql) => {
        await pg.exec(sql);
      },
      transaction: (fn) => fn(tx),
      close: async () => {},
    };
    return tx;
  }
  const q = queue ?? new StatementQueue();
  const view = (urgent: boolean): Db & { raw: unknown; urgentView?: Db } => ({
    kind: 'pglite',
    raw: pg,
    query: (sql, params) => q.run(urgent, () => pg.query(sql, params as unknown[])) as any,
    exec: (sql) => q.run(urgent, async () => void (await pg.exec(sql))),
    transaction: (fn) => q.run(urgent, () => pg.transaction((t) => fn(wrapPglite(t, true, pg)))),
    close: async () => {
      await pg.close?.();
    },
  });
  const db = view(false);
  db.urgentView = view(true);
  return db;
}

/**
 * The same database, with statements that go before any ordinary one still waiting (the embedded
 * database runs one at a time); for the few short statements a request's answer waits on, such
 * as a webhook's dedup insert before its ack. On a PostgreSQL server statements run side by side
 * anyway: the database itself.
 */
export function urgent(db: Db): Db {
  return (db as { urgentView?: Db }).urgentView ?? db;
}

/** The underlying PGlite instance (for dumpDataDir, listen, socket serving), if any. */
export function pgliteOf(db: Db): any {
  return (db as any).raw;
}

// ---------- pg (node-postgres) ----------

export async function openPg(url: string): Promise<Db> {
  const pgMod = (await import('pg')).default;
  const pgvector = await import('pgvector/pg');
  const types = {
    getTypeParser(oid: number, format?: any) {
      if (oid === OID.int8 || oid === OID.numeric) return toNumber;
      if (oid === OID.date) return identity;
      return pgMod.types.getTypeParser(oid, format);
    },
  };
  let vectorReady = false;
  let copyCapable = false;
  const pool = new pgMod.Pool({
    connectionString: url,
    max: 10,
    types: types as any,
    connectionTimeoutMillis: 5000,
    // Awaited before the pool hands the connection out, so nothing runs beside the caller's query.
    onConnect: async (c: any) => {
      // JIT compiles our short OLTP queries for longer than they run (10-30x slower on a server).
      await c.query('SET jit = off');
      if (vectorReady) await pgvector.registerTypes(c);
    },
  } as any);
  pool.on('error', () => {
    // Idle client errors (server restart) surface on the next query instead of crashing.
  });
  let client;
  try {
    client = await pool.connect();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new DbUnavailableError(`cannot reach the database at DATABASE_URL (${(e as Error).message}); check that PostgreSQL is running and the URL is right`);
  }
  try {
    const ext = await client.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
    if (!ext.rowCount) {
      throw new DbUnavailableError('the PostgreSQL server at DATABASE_URL has no pgvector extension; install pgvector 0.8 or newer for the server PostgreSQL version (the PGDG package postgresql-NN-pgvector, or built from source as README "PostgreSQL server" shows) or unset DATABASE_URL to use the embedded database');
    }
    await client.query('CREATE EXTENSION IF NOT EXISTS vector').catch((e: Error) => {
      throw new DbUnavailableError(`the PostgreSQL server at DATABASE_URL cannot enable pgvector (${e.message}); install pgvector or connect as a role that may create extensions`);
    });
    await pgvector.registerTypes(client);
    vectorReady = true;
    // PGlite served over a socket (pglite-socket) speaks the wire protocol but not COPY FROM STDIN.
    const version = (await client.query('SELECT version() AS v')).rows[0].v as string;
    copyCapable = !/PGlite|emscripten/i.test(version);
  } finally {
    client.release();
  }
  return wrapPool(pool, copyCapable);
}

function wrapClient(client: any, copyCapable = false): Db {
  const db: Db & { client: unknown; copyCapable: boolean } = {
    kind: 'pg',
    client,
    copyCapable,
    query: async (sql, params) => {
      const r = await client.query(sql, params);
      return { rows: r.rows, affectedRows: r.rowCount ?? undefined };
    },
    exec: async (sql) => {
      await client.query(sql);
    },
    transaction: (fn) => fn(db),
    close: async () => {},
  };
  return db;
}

function wrapPool(pool: any, copyCapable: boolean): Db {
  const db: Db & { pool: unknown; copyCapable: boolean } = {
    kind: 'pg',
    pool,
    copyCapable,
    query: async (sql, params) => {
      const r = await pool.query(sql, params);
      return { rows: r.rows, affectedRows: r.rowCount ?? undefined };
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrapClient(client, copyCapable));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return db;
}

/**
 * Whether `copyIn` works on db: one connection (a transaction's) to a real PostgreSQL server; not
 * PGlite, in-process or behind a socket, and not a pool.
 */
export function canCopyIn(db: Db): boolean {
  const c = db as { client?: unknown; copyCapable?: boolean };
  return Boolean(c.client) && c.copyCapable === true;
}

/**
 * Runs `COPY ... FROM STDIN` on a server connection with these chunks of COPY text as its input;
 * returns the rows copied. Only where canCopyIn(db).
 */
export async function copyIn(db: Db, sql: string, chunks: Iterable<string>): Promise<number> {
  const client = (db as { client?: any }).client;
  if (!client) throw new Error('copyIn needs one server connection (inside a transaction on a PostgreSQL server)');
  const { from } = await import('pg-copy-streams');
  const { Readable } = await import('node:stream');
  const { pipeline } = await import('node:stream/promises');
  const stream = client.query(from(sql));
  await pipeline(Readable.from(chunks, { objectMode: false }), stream);
  return Number(stream.rowCount ?? 0);
}

/** Whether db is a server connection pool (not PGlite, not one connection inside a transaction). */
export function isPool(db: Db): boolean {
  return Boolean((db as { pool?: unknown }).pool);
}

/**
 * Runs independent reads: at once on a server pool (each on a connection of its own, so the
 * server works on them side by side), one after the other elsewhere — on one connection (a
 * transaction's) or on the embedded database, which runs one statement at a time anyway. Results
 * in the order of `fns`.
 */
export async function allReads<T extends readonly (() => Promise<unknown>)[]>(db: Db, fns: T): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (isPool(db)) return (await Promise.all(fns.map((f) => f()))) as never;
  const out: unknown[] = [];
  for (const f of fns) out.push(await f());
  return out as never;
}

/**
 * Runs fn on one connection of a server pool, outside any transaction: for what must not run in
 * one (CREATE INDEX CONCURRENTLY) or needs a session setting beside it. Elsewhere fn gets db itself.
 */
export async function onOneConnection<T>(db: Db, fn: (session: Db) => Promise<T>): Promise<T> {
  const pool = (db as { pool?: any }).pool;
  if (!pool) return fn(db);
  const client = await pool.connect();
  try {
    return await fn(wrapClient(client, (db as { copyCapable?: boolean }).copyCapable));
  } finally {
    client.release();
  }
}

// Creating an embedded database (initdb) costs seconds; loading a dump of a freshly migrated one
// costs a fraction. So the first new data dir leaves such a dump behind, keyed by the PGlite
// version and the migrations, and later new data dirs start from it.
function templatePath(): string {
  const pkg = JSON.parse(readFileSync(projectPath('node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')).version;
  const hash = createHash('sha256').update(pkg);
  for (const m of listMigrations()) hash.update(m.version).update(m.sql);
  return projectPath('node_modules', '.cache', 'kam', `template-${hash.digest('hex').slice(0, 16)}.tar`);
}

async function openNewPglite(dataDir: string, worker: boolean): Promise<Db> {
  let path: string | undefined;
  try {
    path = templatePath();
  } catch {
    // No node_modules beside us (an unusual install): create the database the slow way.
  }
  if (path && !existsSync(path)) await writeTemplate(path);
  if (path && existsSync(path)) return openPglite(dataDir, { loadDataDir: readFileSync(path), worker });
  const db = await openPglite(dataDir, { worker });
  await migrate(db);
  return db;
}

/** Migrates a database in memory (so no file of a data dir, like its lock, ends up in it) and keeps its dump. */
async function writeTemplate(path: string): Promise<void> {
  try {
    const db = await openPglite(undefined);
    try {
      await migrate(db);
      const dump = await pgliteOf(db).dumpDataDir('none');
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      renameSync(tmp, path);
    } finally {
      await db.close();
    }
    // Templates of earlier migrations or PGlite versions are 40 MB each and never used again.
    for (const old of readdirSync(dirname(path))) {
      if (/^template-[0-9a-f]{16}\.tar$/.test(old) && join(dirname(path), old) !== path) rmSync(join(dirname(path), old), { force: true });
    }
  } catch {
    // A read-only install: every new data dir pays initdb, nothing else changes.
  }
}

/**
 * Opens the configured database and brings its schema up to date. `worker`: an embedded database
 * runs in a worker thread (see PgliteOptions); no effect on a server.
 */
export async function openDatabase(cfg: { databaseUrl?: string; dataDir: string }, opts: { worker?: boolean } = {}): Promise<Db> {
  let db: Db;
  const worker = opts.worker ?? false;
  if (cfg.databaseUrl) db = await openPg(cfg.databaseUrl);
  else if (existsSync(join(cfg.dataDir, 'PG_VERSION'))) db = await openPglite(cfg.dataDir, { worker });
  else db = await openNewPglite(cfg.dataDir, worker);
  await migrate(db);
  return db;
}
