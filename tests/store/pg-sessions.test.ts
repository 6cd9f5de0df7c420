// Every connection the `pg` pool hands out is set up before the caller's first query: jit off,
// pgvector's types registered, and no query of ours running beside the caller's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { emptyDb } from '../helpers/db.ts';
import { overPg } from '../helpers/pg-socket.ts';

let base: Db;
let served: Awaited<ReturnType<typeof overPg>>;
const warnings: Error[] = [];
const onWarning = (w: Error) => warnings.push(w);

beforeAll(async () => {
  process.on('warning', onWarning);
  base = await emptyDb();
  served = await overPg(base);
});
afterAll(async () => {
  process.off('warning', onWarning);
  await served.stop();
  await base.close();
});

describe('pg pool sessions', () => {
  it('sets jit off and parses vectors on every new connection, without overlapping queries', async () => {
    // Ten at once make the pool open new connections, each racing the hook of its own connect.
    const rows = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        served.db.query<{ jit: string; v: number[] }>(`SELECT current_setting('jit') AS jit, ('[' || $1::int || ',2,3]')::vector AS v`, [i]),
      ),
    );
    expect(rows.map((r) => r.rows[0])).toEqual(Array.from({ length: 10 }, (_, i) => ({ jit: 'off', v: [i, 2, 3] })));
    await new Promise((r) => setTimeout(r, 50));
    expect(warnings.filter((w) => w.name === 'DeprecationWarning').map((w) => w.message)).toEqual([]);
  });
});
