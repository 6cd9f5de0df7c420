// The main thread's side of db/pglite-worker.mjs: the embedded database in a worker thread, seen
// through the same small query/exec/transaction shape as an in-process PGlite, so db/index.ts
// wraps either the same way (statement queue with its urgent lane, nested transactions).
// Only messages cross: parameters and rows by structured clone (Uint8Array binary parameters,
// Dates and plain objects survive it), errors as their fields (code, constraint, detail, ...).
import { Worker } from 'node:worker_threads';
import { projectPath } from '../src/paths.ts';

type Reply = { id: number; result?: { rows: unknown[]; affectedRows?: number }; error?: Record<string, unknown> & { message: string } };
type Session = {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
};
export type WorkerPglite = Session & {
  transaction<T>(fn: (tx: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

function toError(e: Record<string, unknown> & { message: string }): Error {
  const { message, stack, ...fields } = e;
  const err = Object.assign(new Error(message), fields);
  if (typeof stack === 'string') err.stack = stack;
  return err;
}

export async function startPgliteWorker(opts: { dataDir?: string; loadDataDir?: Uint8Array }): Promise<WorkerPglite> {
  const worker = new Worker(projectPath('db', 'pglite-worker.mjs'), { workerData: opts });
  const pending = new Map<number, { resolve: (r: Reply['result']) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let dead: Error | undefined;
  const fail = (e: Error) => {
    dead ??= e;
    for (const p of pending.values()) p.reject(dead);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (m: { ready: boolean; error?: Reply['error'] }) => (m.ready ? resolve() : reject(toError(m.error ?? { message: 'the database worker did not start' }))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the database worker exited (${code}) before it was ready`)));
  }).catch(async (e) => {
    await worker.terminate();
    throw e;
  });
  worker.on('message', (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(toError(m.error));
    else p.resolve(m.result);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the database worker exited (${code})`)));

  const call = (msg: { op: 'query' | 'exec' | 'close'; sql?: string; params?: unknown[] }) =>
    new Promise<Reply['result']>((resolve, reject) => {
      if (dead) return reject(dead);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...msg });
    });
  const session: Session = {
    query: async <T>(sql: string, params?: unknown[]) => (await call({ op: 'query', sql, params })) as { rows: T[]; affectedRows?: number },
    exec: (sql) => call({ op: 'exec', sql }),
  };
  return {
    ...session,
    // The caller (db/index.ts's queue) holds the only slot while fn runs, so nothing else reaches
    // the worker between BEGIN and COMMIT: the transaction's statements are the session's, in order.
    async transaction(fn) {
      await session.exec('BEGIN');
      try {
        const out = await fn(session);
        await session.exec('COMMIT');
        return out;
      } catch (e) {
        await session.exec('ROLLBACK').catch(() => {});
        throw e;
      }
    },
    async close() {
      if (!dead) await call({ op: 'close' }).catch(() => {});
      await worker.terminate();
    },
  };
}
