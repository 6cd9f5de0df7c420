// The embedded database in a worker thread, so its WASM execution never blocks the main event
// loop (an HTTP ack waits for nothing but its own small statement). Plain JavaScript so it loads
// the same from the sources, through tsx, and beside the CLI bundle.
//
// Protocol (the main side is db/pglite-worker-client.ts):
//   workerData: { dataDir?: string, loadDataDir?: Uint8Array }
//   worker → main, once: { ready: true } or { ready: false, error }
//   main → worker: { id, op: 'query', sql, params } | { id, op: 'exec', sql } | { id, op: 'close' }
//   worker → main: { id, result: { rows, affectedRows } } | { id, error: { message, ...fields } }
// Requests run in arrival order, one at a time; the main side decides that order (its statement
// queue and transactions), the worker only executes.
import { parentPort, workerData } from 'node:worker_threads';

// Same parsers as the in-process driver (db/index.ts): int8 and numeric as numbers, date as text.
const toNumber = (v) => (v === null ? null : Number(v));
const identity = (v) => v;
const PARSERS = { 20: toNumber, 1700: toNumber, 1082: identity };

/** A DatabaseError's fields (code, detail, constraint, ...) survive the trip; the query text stays here. */
function serializeError(e) {
  const out = { message: String(e?.message ?? e), name: e?.name ?? 'Error', stack: e?.stack };
  if (e && typeof e === 'object') {
    for (const [k, v] of Object.entries(e)) {
      if (k === 'query' || k === 'params' || typeof v === 'function') continue;
      if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
    }
  }
  return out;
}

let pg;
try {
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const load = workerData?.loadDataDir;
  pg = await PGlite.create({
    dataDir: workerData?.dataDir,
    extensions: { vector },
    parsers: PARSERS,
    loadDataDir: load ? new Blob([load]) : undefined,
  });
  parentPort.postMessage({ ready: true });
} catch (e) {
  parentPort.postMessage({ ready: false, error: serializeError(e) });
}

let chain = Promise.resolve();
parentPort.on('message', (msg) => {
  chain = chain.then(async () => {
    try {
      if (msg.op === 'query') {
        const r = await pg.query(msg.sql, msg.params);
        parentPort.postMessage({ id: msg.id, result: { rows: r.rows, affectedRows: r.affectedRows } });
      } else if (msg.op === 'exec') {
        await pg.exec(msg.sql);
        parentPort.postMessage({ id: msg.id, result: { rows: [] } });
      } else if (msg.op === 'close') {
        await pg.close();
        parentPort.postMessage({ id: msg.id, result: { rows: [] } });
        parentPort.close();
      } else {
        parentPort.postMessage({ id: msg.id, error: { message: `unknown operation ${msg.op}` } });
      }
    } catch (e) {
      parentPort.postMessage({ id: msg.id, error: serializeError(e) });
    }
  });
});
