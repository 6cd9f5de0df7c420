// Stream Mode through the official SDK (dingtalk-stream's DWClient: the WebSocket, its acks,
// pings and reconnects). The SDK asks a fixed api.dingtalk.com for the connection endpoint; this
// subclass asks DINGTALK_API_URL instead (same call, POST /v1.0/gateway/connections/open), so an
// emulator or a proxy can stand in.
import { DWClient } from 'dingtalk-stream';

export class StreamClient extends DWClient {
  constructor(
    opts: { clientId: string; clientSecret: string },
    private readonly apiUrl: string,
  ) {
    super({ ...opts, keepAlive: true });
  }

  override async getEndpoint(): Promise<this> {
    const res = await fetch(`${this.apiUrl.replace(/\/+$/, '')}/v1.0/gateway/connections/open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ clientId: this.config.clientId, clientSecret: this.config.clientSecret, ua: 'kam-assistant', subscriptions: this.config.subscriptions }),
      signal: AbortSignal.timeout(10_000),
    });
    const data = (await res.json().catch(() => ({}))) as { endpoint?: string; ticket?: string };
    if (!res.ok || !data.endpoint || !data.ticket) throw new Error(`dingtalk gateway refused the connection (HTTP ${res.status})`);
    // The SDK's own field for the WebSocket address (what its getEndpoint sets).
    (this as unknown as { dw_url: string }).dw_url = `${data.endpoint}?ticket=${encodeURIComponent(data.ticket)}`;
    return this;
  }
}
