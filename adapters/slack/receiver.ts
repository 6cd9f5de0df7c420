// A Bolt receiver that lives inside our Fastify route: the route hands it a verified, parsed,
// deduplicated body; the HTTP answer is whatever the listener acks (or an empty 200 before
// Slack's 3-second deadline), and the listener keeps working after the answer is sent.
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import type { WebhookResponse } from '../shared/webhook.ts';
import type { BackgroundWork } from '../shared/background.ts';

export class RouteReceiver implements Receiver {
  private app?: App;

  constructor(
    private readonly work: BackgroundWork,
    private readonly log: Logger,
    private readonly ackDeadlineMs = 2500,
  ) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /**
   * Events API deliveries need no answer but a 200 (Bolt acks them before any listener runs), so
   * they are answered at once and handed to Bolt afterwards, off the request's path.
   */
  dispatchEvent(body: Record<string, unknown>, retryNum?: number, retryReason?: string): WebhookResponse {
    const app = this.app;
    if (!app) throw new Error('RouteReceiver used before App construction');
    this.work.run('slack event', () => app.processEvent({ body, retryNum, retryReason, ack: async () => {} }));
    return { status: 200, body: '' };
  }

  /** Runs the body through Bolt; resolves with the HTTP answer as soon as it is known. */
  dispatch(body: Record<string, unknown>, retryNum?: number, retryReason?: string): Promise<WebhookResponse> {
    const app = this.app;
    if (!app) throw new Error('RouteReceiver used before App construction');
    return new Promise((resolve) => {
      let answered = false;
      const answer = (res: WebhookResponse) => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        resolve(res);
      };
      // A listener that never acks must not make Slack retry: answer empty before the deadline.
      const timer = setTimeout(() => answer({ status: 200, body: '' }), this.ackDeadlineMs);
      const event: ReceiverEvent = {
        body,
        retryNum,
        retryReason,
        ack: async (response?: unknown) => answer(ackResponse(response)),
      };
      this.work.run('slack event', async () => {
        try {
          await app.processEvent(event);
        } finally {
          answer({ status: 200, body: '' });
        }
      });
    });
  }
}

function ackResponse(response: unknown): WebhookResponse {
  if (response === undefined || response === null || response === '') return { status: 200, body: '' };
  if (typeof response === 'string') return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: response };
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(response) };
}
