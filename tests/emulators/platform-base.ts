// Shared core of the platform emulators: a loopback HTTP server with a route table that records
// every request and can fail on demand, so adapters and SDKs are tested against real HTTP.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  raw: string;
  /** The body's bytes (uploads are binary). */
  rawBytes: Buffer;
  /** JSON body, or form fields (with JSON-looking values parsed) for form posts. */
  body: any;
  at: number;
  /** Answered with a failure injected by failNext (not the route's normal answer). */
  injected?: boolean;
  /** Held by hangNext: the client never got an answer. */
  unanswered?: boolean;
  /** The body the emulator answered with. */
  response?: unknown;
}

export interface EmulatorResponse {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
}

export type RouteHandler = (req: RecordedRequest) => EmulatorResponse | Promise<EmulatorResponse>;

interface Hang {
  match: (req: RecordedRequest) => boolean;
  remaining: number;
  /** The request is handled (the route's effect happens) and only its response never arrives. */
  afterHandling: boolean;
}

interface Failure {
  match: (req: RecordedRequest) => boolean;
  /** Matching requests still answered normally before the failures start. */
  skip: number;
  remaining: number;
  response: EmulatorResponse;
}

export class PlatformEmulator {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, RouteHandler>();
  private readonly patterns: { method: string; path: RegExp; handler: RouteHandler }[] = [];
  private readonly failures: Failure[] = [];
  private readonly hangs: Hang[] = [];
  private readonly held = new Set<() => void>();
  private server?: Server;
  private waiters: { pred: (r: RecordedRequest) => boolean; count: number; resolve: () => void }[] = [];

  route(method: string, path: string, handler: RouteHandler): this {
    this.routes.set(`${method} ${path}`, handler);
    return this;
  }

  /** A route whose path has parameters, e.g. /open-apis/im/v1/messages/([^/]+)/reply. */
  routeMatching(method: string, path: RegExp, handler: RouteHandler): this {
    this.patterns.push({ method, path, handler });
    return this;
  }

  /**
   * The next `times` requests to `path` get `response` instead of the normal answer; with `after`,
   * that many matching requests succeed first (a failure in the middle of a multi-part reply).
   */
  failNext(path: string | RegExp, response: EmulatorResponse, times = 1, after = 0): void {
    const match = (r: RecordedRequest) => (typeof path === 'string' ? r.path === path : path.test(r.path));
    this.failures.push({ match, skip: after, remaining: times, response });
  }

  /**
   * The next `times` requests to `path` never get an answer (until `releaseHangs` or `stop`), as a
   * platform that hangs. With `afterHandling`, the route still does its work first (the message
   * is delivered, only the response is lost on the way back).
   */
  hangNext(path: string | RegExp, times = 1, opts: { afterHandling?: boolean } = {}): void {
    const match = (r: RecordedRequest) => (typeof path === 'string' ? r.path === path : path.test(r.path));
    this.hangs.push({ match, remaining: times, afterHandling: opts.afterHandling ?? false });
  }

  /** Requests being held without an answer right now. */
  get hanging(): number {
    return this.held.size;
  }

  /** Drops the connections of every held request (the client sees a reset). */
  releaseHangs(): void {
    for (const drop of [...this.held]) drop();
  }

  /** Requests to a path that got the route's normal answer (not an injected failure). */
  answered(path: string | RegExp): RecordedRequest[] {
    return this.calls(path).filter((r) => !r.injected);
  }

  /** Requests to a path the platform accepted: its normal answer, and that answer a success. */
  accepted(path: string | RegExp): RecordedRequest[] {
    return this.answered(path).filter((r) => {
      const res = r.response as { code?: number; errcode?: number; ok?: boolean } | undefined;
      return typeof res === 'object' && res !== null && (res.code === 0 || res.errcode === 0 || res.ok === true);
    });
  }

  /** Recorded requests to a path (exact) or matching a pattern. */
  calls(path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => (typeof path === 'string' ? r.path === path : path.test(r.path)));
  }

  /** Resolves once `count` recorded requests match (rejects after `timeoutMs`). */
  waitFor(path: string | RegExp, count = 1, timeoutMs = 5000): Promise<RecordedRequest[]> {
    const pred = (r: RecordedRequest) => (typeof path === 'string' ? r.path === path : path.test(r.path));
    return new Promise((resolve, reject) => {
      const done = () => resolve(this.calls(path));
      if (this.requests.filter(pred).length >= count) return done();
      const timer = setTimeout(() => reject(new Error(`emulator: waited ${timeoutMs} ms for ${count} × ${path}, got ${this.calls(path).length}`)), timeoutMs);
      this.waiters.push({ pred, count, resolve: () => (clearTimeout(timer), done()) });
    });
  }

  reset(): void {
    this.requests.length = 0;
    this.failures.length = 0;
    this.hangs.length = 0;
    this.releaseHangs();
  }

  get url(): string {
    const addr = this.server?.address() as AddressInfo | undefined;
    if (!addr) throw new Error('emulator not started');
    return `http://127.0.0.1:${addr.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.releaseHangs();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBytes = Buffer.concat(chunks);
    const raw = rawBytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://emulator');
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      raw,
      rawBytes,
      body: parseBody(raw, String(req.headers['content-type'] ?? '')),
      at: Date.now(),
    };
    this.requests.push(rec);
    const hang = this.hangs.find((h) => h.remaining > 0 && h.match(rec));
    if (hang) hang.remaining--;
    if (hang && !hang.afterHandling) {
      rec.injected = true;
      return this.hold(rec, res);
    }
    let out: EmulatorResponse;
    let failure = this.failures.find((f) => f.remaining > 0 && f.match(rec));
    if (failure?.skip) {
      failure.skip--;
      failure = undefined;
    }
    if (failure) {
      failure.remaining--;
      rec.injected = true;
      out = failure.response;
    } else {
      const handler =
        this.routes.get(`${rec.method} ${rec.path}`) ?? this.patterns.find((p) => p.method === rec.method && p.path.test(rec.path))?.handler;
      out = handler ? await handler(rec) : { status: 404, body: { error: `emulator has no route ${rec.method} ${rec.path}` } };
    }
    rec.response = out.body;
    if (hang) return this.hold(rec, res);
    // A Buffer is a file download (media, audio); strings are text; anything else JSON.
    const binary = Buffer.isBuffer(out.body);
    const body = binary || typeof out.body === 'string' ? (out.body as Buffer | string) : JSON.stringify(out.body);
    const type = binary ? 'application/octet-stream' : typeof out.body === 'string' ? 'text/plain' : 'application/json';
    res.writeHead(out.status ?? 200, { 'content-type': type, ...out.headers });
    res.end(body);
    this.notifyWaiters();
  }

  private hold(rec: RecordedRequest, res: ServerResponse): void {
    rec.unanswered = true;
    const drop = () => {
      this.held.delete(drop);
      res.destroy();
    };
    this.held.add(drop);
    res.on('close', () => this.held.delete(drop));
    this.notifyWaiters();
  }

  private notifyWaiters(): void {
    this.waiters = this.waiters.filter((w) => {
      if (this.requests.filter(w.pred).length < w.count) return true;
      w.resolve();
      return false;
    });
  }
}

function parseBody(raw: string, contentType: string): any {
  if (!raw) return undefined;
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  if (contentType.includes('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(raw)) {
      out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
    }
    return out;
  }
  return raw;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export interface MultipartField {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** The fields of a multipart/form-data body (file uploads). */
export function multipartFields(r: RecordedRequest): MultipartField[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(String(r.headers['content-type'] ?? ''));
  if (!boundary) return [];
  const sep = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const out: MultipartField[] = [];
  let at = r.rawBytes.indexOf(sep);
  while (at >= 0) {
    const start = at + sep.length;
    const next = r.rawBytes.indexOf(sep, start);
    if (next < 0) break;
    const part = r.rawBytes.subarray(start + 2, next - 2);
    const headEnd = part.indexOf('\r\n\r\n');
    if (headEnd >= 0) {
      const head = part.subarray(0, headEnd).toString('utf8');
      const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
      out.push({ name, filename: /filename="([^"]*)"/.exec(head)?.[1], contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1], data: part.subarray(headEnd + 4) });
    }
    at = next;
  }
  return out;
}
