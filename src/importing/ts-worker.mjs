// Starts a worker thread's TypeScript script from the sources (tests, KAM_NO_BUNDLE=1) through
// tsx's tsImport: on Node 20 loader hooks passed to a worker with --import do not reach it. The
// bundled CLI starts its bundled worker scripts directly. workerData.boot: { tsxApi, script } (URLs).
import { workerData } from 'node:worker_threads';

const { tsImport } = await import(workerData.boot.tsxApi);
await tsImport(workerData.boot.script, import.meta.url);
