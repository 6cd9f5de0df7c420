// The ports between the platforms and the core: the HTTP layer hands a webhook adapter the raw
// request and sends back what it answers (so signature checks see the exact bytes the platform
// signed); an adapter hands the conversation engine an InboundMessage and gets a Reply.
import type { InboundMessage, Reply } from './types.ts';

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
