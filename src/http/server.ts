// The Fastify server of `kam start`: /healthz, /api/chat, the console and the platform webhooks.
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../app.ts';
import { routeModules } from './routes.ts';

export async function buildServer(app: AppContext): Promise<FastifyInstance> {
  // pino's Logger and Fastify's logger type differ only in typing (msgPrefix); the instance is the same.
  const server = Fastify({ loggerInstance: app.log, bodyLimit: 1024 * 1024, trustProxy: app.config.trustProxy }) as unknown as FastifyInstance;
  for (const mod of routeModules) await mod(server, app);
  return server;
}
