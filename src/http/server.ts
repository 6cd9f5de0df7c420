// The Fastify server of `kam start`: /healthz, /api/chat, the console (and the platform webhooks
// the composition root mounts).
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../app.ts';
import { routeModules, type RouteModule } from './routes.ts';

/** The core routes plus `extra` (the composition root adds the platform webhooks). */
export async function buildServer(app: AppContext, extra: RouteModule[] = []): Promise<FastifyInstance> {
  // pino's Logger and Fastify's logger type differ only in typing (msgPrefix); the instance is the same.
  const server = Fastify({ loggerInstance: app.log, bodyLimit: 1024 * 1024, trustProxy: app.config.trustProxy }) as unknown as FastifyInstance;
  for (const mod of [...routeModules, ...extra]) await mod(server, app);
  return server;
}
