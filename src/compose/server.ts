// The HTTP server of `kam start`: the core routes plus the webhooks of the configured platforms.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.ts';
import { adaptersFor } from '../../adapters/index.ts';
import { buildServer } from '../http/server.ts';
import { mountWebhooks } from '../http/webhooks.ts';

export function buildKamServer(app: AppContext): Promise<FastifyInstance> {
  return buildServer(app, [(server) => mountWebhooks(server, () => adaptersFor(app))]);
}
