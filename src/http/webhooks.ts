// POST /webhooks/feishu, GET+POST /webhooks/wecom, POST /webhooks/slack, POST /webhooks/dingtalk: the raw request goes to
// the platform's adapter untouched (signatures are checked over the exact bytes received).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebhookAdapter, WebhookRequest } from '../chat/webhook.ts';

/** The webhook adapters of the configured platforms (the composition root builds them). */
export interface WebhookTargets {
  feishu?: WebhookAdapter;
  wecom?: WebhookAdapter;
  slack?: WebhookAdapter;
  dingtalk?: WebhookAdapter;
}

/** Decodes %XX but keeps '+' (WeCom's base64 echostr may carry it unescaped). */
export function parseQuery(url: string): Record<string, string> {
  const i = url.indexOf('?');
  const out: Record<string, string> = {};
  if (i < 0) return out;
  for (const pair of url.slice(i + 1).split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const k = eq < 0 ? pair : pair.slice(0, eq);
    const v = eq < 0 ? '' : pair.slice(eq + 1);
    try {
      const key = decodeURIComponent(k);
      if (!(key in out)) out[key] = decodeURIComponent(v);
    } catch {
      // A malformed escape: leave the parameter out; the signature check then refuses the call.
    }
  }
  return out;
}

function toWebhookRequest(req: FastifyRequest): WebhookRequest {
  return {
    method: req.method,
    query: parseQuery(req.url),
    headers: req.headers,
    rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  };
}

function route(name: string, adapter: () => WebhookAdapter | undefined, envHint: string) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const target = adapter();
    if (!target) {
      return reply.code(404).type('text/plain; charset=utf-8').send(`${name} is not configured on this server (set ${envHint})`);
    }
    const res = await target.handleWebhook(toWebhookRequest(req));
    return reply.code(res.status).headers(res.headers ?? {}).send(res.body);
  };
}

/**
 * Largest body each platform may send, well above what it does send: a WeCom packet is one
 * encrypted message (text ≤ 2,048 bytes); Feishu events and Slack interactivity payloads (which
 * carry the whole message's blocks) stay below a few hundred KB. Past it Fastify answers 413
 * before reading the rest.
 */
export const WEBHOOK_BODY_LIMITS = { feishu: 512 * 1024, wecom: 64 * 1024, slack: 1024 * 1024, dingtalk: 512 * 1024 } as const;

/** Mounts the three webhook routes for a given set of adapters (tests pass their own). */
export async function mountWebhooks(server: FastifyInstance, adapters: () => WebhookTargets): Promise<void> {
  await server.register(async (scope) => {
    // Keep bodies as raw bytes for this scope only; the rest of the server parses JSON as usual.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post('/webhooks/feishu', { bodyLimit: WEBHOOK_BODY_LIMITS.feishu }, route('Feishu', () => adapters().feishu, 'FEISHU_APP_ID and FEISHU_APP_SECRET'));
    const wecom = route('WeCom', () => adapters().wecom, 'WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN and WECOM_ENCODING_AES_KEY');
    scope.get('/webhooks/wecom', wecom);
    scope.post('/webhooks/wecom', { bodyLimit: WEBHOOK_BODY_LIMITS.wecom }, wecom);
    scope.post('/webhooks/slack', { bodyLimit: WEBHOOK_BODY_LIMITS.slack }, route('Slack', () => adapters().slack, 'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET'));
    scope.post('/webhooks/dingtalk', { bodyLimit: WEBHOOK_BODY_LIMITS.dingtalk }, route('DingTalk', () => adapters().dingtalk, 'DINGTALK_CLIENT_ID, DINGTALK_CLIENT_SECRET and DINGTALK_MODE=webhook'));
  });
}
