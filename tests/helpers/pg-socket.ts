// Serves an embedded PGlite over the PostgreSQL wire protocol on a loopback port, so the `pg`
// driver path (DATABASE_URL) is tested against the same database engine.
import { createServer } from 'node:net';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { openPg, pgliteOf, type Db } from '../../db/index.ts';
import { serverUrlOf } from './db.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Returns a `pg`-driver Db talking to the given PGlite database through a socket server; given a
 * database on a test server (KAM_TEST_DATABASE_URL), a second pool on that same database.
 */
export async function overPg(embedded: Db): Promise<{ db: Db; url: string; stop(): Promise<void> }> {
  const onServer = serverUrlOf(embedded);
  if (onServer) {
    const db = await openPg(onServer);
    return { db, url: onServer, stop: () => db.close() };
  }
  const port = await freePort();
  const server = new PGLiteSocketServer({ db: pgliteOf(embedded), port, host: '127.0.0.1', maxConnections: 10 });
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  const db = await openPg(url);
  return {
    db,
    url,
    async stop() {
      await db.close();
      await server.stop();
    },
  };
}
