// Every HTTP route module, registered by buildServer. Each feature appends its own.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app.ts';
import { healthRoutes } from './health.ts';
import { webhookRoutes } from './webhooks.ts';

export type RouteModule = (server: FastifyInstance, app: AppContext) => void | Promise<void>;

export const routeModules: RouteModule[] = [healthRoutes, webhookRoutes];
import { consoleRoutes } from './console/index.ts';
routeModules.push(consoleRoutes);
import { chatRoutes } from './chat.ts';
routeModules.push(chatRoutes);
import { mcpRoutes } from './mcp.ts';
routeModules.push(mcpRoutes);
