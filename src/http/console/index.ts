// The web console (CONTRACT.md §2 `GET /`): server-rendered pages over the same store, insights
// and conversation engine as the bots, as the acting user. Registered in src/http/routes.ts.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.ts';
import { NotFoundError } from '../../errors.ts';
import { page, type ConsoleDeps } from './context.ts';
import { accountRoutes } from './routes/account.ts';
import { accountsRoutes } from './routes/accounts.ts';
import { alertsRoutes } from './routes/alerts.ts';
import { assetRoutes } from './routes/assets.ts';
import { authRoutes } from './routes/auth.ts';
import { briefingsRoutes } from './routes/briefings.ts';
import { chatRoutes } from './routes/chat.ts';
import { groupsRoutes } from './routes/groups.ts';
import { outboxRoutes } from './routes/outbox.ts';
import { roadmapRoutes } from './routes/roadmap.ts';
import { rulesRoutes } from './routes/rules.ts';
import { sessionKey } from './session.ts';
import { hostGuard } from '../host-guard.ts';

export async function consoleRoutes(server: FastifyInstance, app: AppContext) {
  const deps: ConsoleDeps = { app, key: sessionKey(app.config.apiToken) };
  await server.register(async (scope) => {
    scope.addHook('onRequest', hostGuard(app));
    // Forms post urlencoded bodies; only inside the console's routes.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    assetRoutes(scope);
    authRoutes(scope, deps);
    chatRoutes(scope, deps);
    accountsRoutes(scope, deps);
    accountRoutes(scope, deps);
    roadmapRoutes(scope, deps);
    alertsRoutes(scope, deps);
    briefingsRoutes(scope, deps);
    outboxRoutes(scope, deps);
    groupsRoutes(scope, deps);
    rulesRoutes(scope, deps);
    scope.get('/console', (_req, reply) => reply.redirect('/'));
    scope.get('/console/', (_req, reply) => reply.redirect('/'));
    scope.get(
      '/console/*',
      page(deps, async () => {
        throw new NotFoundError('page');
      }),
    );
  });
}
