// Transport-neutral webhook shapes: the HTTP layer hands an adapter the raw request and sends
// back what it answers, so signature checks always see the exact bytes the platform signed.
import type { InboundMessage, Reply } from '../types.ts';

export interface WebhookRequest {
  method: string;
  /** Decoded query-string parameters (first value of each). */
  query: Record<string, string | undefined>;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as received. */
  rawBody: Buffer;
}

export interface WebhookResponse {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** The conversation engine as an adapter sees it (injected, so tests can use a fake). */
export type MessageHandler = (msg: InboundMessage) => Promise<Reply>;

/** A platform whose callbacks arrive over HTTP. */
export interface WebhookAdapter {
  handleWebhook(req: WebhookRequest): Promise<WebhookResponse>;
}

export function header(req: WebhookRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export const json = (status: number, body: unknown): WebhookResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

export const text = (status: number, body: string): WebhookResponse => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body,
});
