import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.ts';

export function healthRoutes(server: FastifyInstance, app: AppContext) {
  server.get('/healthz', async (_req, reply) => {
    try {
      await app.db.query('SELECT 1');
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}
