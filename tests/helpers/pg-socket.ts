// Serves an embedded PGlite over the PostgreSQL wire protocol on a loopback port, so the `pg`
// driver path (DATABASE_URL) is tested against the same database engine.
import { createServer } from 'node:net';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { openPg, pgliteOf, type Db } from '../../db/index.ts';

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

/** Returns a `pg`-driver Db talking to the given PGlite database through a socket server. */
export async function overPg(embedded: Db): Promise<{ db: Db; url: string; stop(): Promise<void> }> {
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
