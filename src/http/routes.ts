// Every HTTP route module of the core, registered by buildServer. The platform webhooks are mounted
// by the composition root (src/compose/server.ts), which knows the adapters.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.ts';
import { healthRoutes } from './health.ts';

export type RouteModule = (server: FastifyInstance, app: AppContext) => void | Promise<void>;

export const routeModules: RouteModule[] = [healthRoutes];
import { consoleRoutes } from './console/index.ts';
routeModules.push(consoleRoutes);
import { chatRoutes } from './chat.ts';
routeModules.push(chatRoutes);
import { mcpRoutes } from './mcp.ts';
routeModules.push(mcpRoutes);
