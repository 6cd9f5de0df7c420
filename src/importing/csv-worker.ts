// Worker thread of csv-rows.ts: reads one import file and posts its items in messages of
// `batch`, null after the last; waits for the reader to take one before it has `window` unread.
import { parentPort, workerData } from 'node:worker_threads';
import { FORMATS } from '../domain/csv-format.ts';
import { csvItems, type CsvItem, type CsvWorkerData } from './csv-rows.ts';

const data = workerData as CsvWorkerData;
const port = parentPort!;
const format = FORMATS.find((f) => f.table === data.table);
if (!format) throw new Error(`no import format for table ${data.table}`);

let room = data.window;
let wake: (() => void) | undefined;
port.on('message', () => {
  room++;
  wake?.();
  wake = undefined;
});

let items: CsvItem[] = [];
async function send(): Promise<void> {
  while (room <= 0) await new Promise<void>((resolve) => (wake = resolve));
  room--;
  port.postMessage(items);
  items = [];
}

for await (const item of csvItems(format, data.path, data.encoding, data.tz)) {
  items.push(item);
  if (items.length >= data.batch) await send();
}
if (items.length) await send();
port.postMessage(null);
// The reader's acknowledgements keep the port open; nothing more is coming.
port.close();
