// DNS rebinding guard: without KAM_API_TOKEN the console and /api/chat trust loopback clients,
// and a page on a foreign site whose name is rebound to 127.0.0.1 is such a client. Browsers keep
// sending that site's name in Host, so in token-less mode only loopback host names (and the ones
// an operator lists in KAM_ALLOWED_HOSTS) are served.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../app.ts';
import { t } from '../../prompts/index.ts';
import { securityTexts } from '../../prompts/security.ts';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

/** The host name of a Host header, lower-cased, without port or IPv6 brackets. */
export function hostName(header: string | undefined): string {
  const h = (header ?? '').trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') < 0 ? undefined : h.indexOf(']'));
  const colon = h.indexOf(':');
  return (colon < 0 ? h : h.slice(0, colon)).replace(/\.$/, '');
}

export function hostAllowed(header: string | undefined, allowed: readonly string[]): boolean {
  const name = hostName(header);
  return LOOPBACK_NAMES.has(name) || allowed.includes(name);
}

/** An onRequest hook for the routes that trust loopback clients when no token is set. */
export function hostGuard(app: AppContext) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (app.config.apiToken || hostAllowed(req.headers.host, app.config.allowedHosts)) return;
    const host = hostName(req.headers.host);
    req.log.warn({ event: 'host_refused', host }, 'request refused: host name not allowed without KAM_API_TOKEN');
    return reply.code(421).send({ error: 'misdirected_request', message: t(securityTexts, 'hostNotAllowed', app.config.lang, { host }) });
  };
}
