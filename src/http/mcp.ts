// POST /mcp: the MCP server over Streamable HTTP (stateless: one server and transport per request,
// JSON responses). Every request carries `Authorization: Bearer <token>` from `kam tokens create
// --user ID` and acts as that user; a missing, unknown or revoked token is a 401.
import type { FastifyInstance } from 'fastify';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { AppContext } from '../app.ts';
import { createMcpServer } from '../mcp/server.ts';
import { tokenDigest } from '../mcp/tokens.ts';
import { useApiToken } from '../store/api-tokens.ts';
import { getUser } from '../store/users.ts';

const bearer = (header: string | undefined) => /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];

export async function mcpRoutes(server: FastifyInstance, app: AppContext) {
  server.post('/mcp', async (req, reply) => {
    const token = bearer(req.headers.authorization);
    const userId = token ? await useApiToken(app.db, tokenDigest(token), new Date()) : undefined;
    const user = userId ? await getUser(app.db, userId) : undefined;
    if (!user) {
      req.log.warn({ route: '/mcp', reason: token ? 'unknown or revoked token' : 'no bearer token' }, 'refused');
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="kam", error="invalid_token"')
        .send({ error: 'unauthorized', message: 'Authorization: Bearer <token> is required; issue one with `kam tokens create --user ID`' });
    }
    const mcp = createMcpServer({ app, user, now: () => new Date() });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    reply.hijack();
    reply.raw.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(req.raw, reply.raw, req.body);
  });
  // Stateless: no server-initiated stream to open and no session to end.
  const notAllowed = async (_req: unknown, reply: any) =>
    reply.code(405).header('allow', 'POST').send({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this MCP endpoint is stateless; send requests with POST' }, id: null });
  server.get('/mcp', notAllowed);
  server.delete('/mcp', notAllowed);
}
