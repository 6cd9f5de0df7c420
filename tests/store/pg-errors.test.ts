import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DbUnavailableError, openPg } from '../../db/index.ts';

describe('DATABASE_URL problems', () => {
  it('names an unreachable server', async () => {
    await expect(openPg('postgres://127.0.0.1:1/x')).rejects.toThrow(DbUnavailableError);
    await expect(openPg('postgres://127.0.0.1:1/x')).rejects.toThrow(/cannot reach the database at DATABASE_URL/);
  });

  it('names a server without pgvector', async () => {
    const plain = await PGlite.create();
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const server = new PGLiteSocketServer({ db: plain, port, host: '127.0.0.1', maxConnections: 4 });
    await server.start();
    try {
      const err = await openPg(`postgres://postgres@127.0.0.1:${port}/postgres`).catch((e: Error) => e);
      expect(err).toBeInstanceOf(DbUnavailableError);
      // Names what to install without a package name some distributions lack (Debian 12 has none).
      expect((err as Error).message).toMatch(/has no pgvector extension; install pgvector 0\.8 or newer .*postgresql-NN-pgvector.*README "PostgreSQL server"/);
    } finally {
      await server.stop();
      await plain.close();
    }
  });
});
