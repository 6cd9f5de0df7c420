// A local OpenAI-compatible chat-completions server that answers from a script: each request
// takes the next step (a tool call, a final answer, an HTTP error, a stall, garbage). Requests
// are recorded so tests can check what the engine sent (tools, tool results, messages).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ToolCallStep {
  toolCalls: { name: string; arguments: string; id?: string }[];
}
export interface AnswerStep {
  content: string;
}
export interface HttpErrorStep {
  status: number;
  body?: unknown;
}
export interface StallStep {
  /** Never answers within this many ms (the engine's timeout should fire first). */
  stallMs: number;
}
export interface RawStep {
  raw: string;
}
/** Computes the step from the request (e.g. to echo what the tool returned). */
export type StaticStep = ToolCallStep | AnswerStep | HttpErrorStep | StallStep | RawStep;
export type DynamicStep = (request: ChatRequest) => StaticStep;
export type Step = StaticStep | DynamicStep;

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string | null; tool_call_id?: string; tool_calls?: unknown[] }[];
  tools?: { type: string; function: { name: string; description: string; parameters: unknown } }[];
  [k: string]: unknown;
}

export interface FakeOpenAI {
  url: string;
  requests: ChatRequest[];
  /** Authorization headers received, in order. */
  authorizations: (string | undefined)[];
  script(steps: Step[]): void;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

let callSeq = 0;

function completion(model: string, message: Record<string, unknown>, finish: string) {
  return {
    id: `chatcmpl-fake-${++callSeq}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  let steps: Step[] = [];
  const requests: ChatRequest[] = [];
  const authorizations: (string | undefined)[] = [];
  const stalls = new Set<NodeJS.Timeout>();
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const request = JSON.parse(await body(req)) as ChatRequest;
    requests.push(request);
    authorizations.push(req.headers.authorization);
    const next = steps.shift();
    const step: StaticStep | undefined = typeof next === 'function' ? next(request) : next;
    if (!step) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'fake server: script exhausted' } }));
      return;
    }
    if ('stallMs' in step) {
      const timer = setTimeout(() => {
        stalls.delete(timer);
        if (!res.writableEnded) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(request.model, { role: 'assistant', content: 'too late' }, 'stop')));
      }, step.stallMs);
      stalls.add(timer);
      return;
    }
    if ('status' in step) {
      res.writeHead(step.status, { 'content-type': 'application/json' }).end(JSON.stringify(step.body ?? { error: { message: `fake error ${step.status}` } }));
      return;
    }
    if ('raw' in step) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(step.raw);
      return;
    }
    if ('toolCalls' in step) {
      const tool_calls = step.toolCalls.map((c, i) => ({ id: c.id ?? `call_${callSeq}_${i}`, type: 'function', function: { name: c.name, arguments: c.arguments } }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(request.model, { role: 'assistant', content: null, tool_calls }, 'tool_calls')));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion(request.model, { role: 'assistant', content: step.content }, 'stop')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    authorizations,
    script(next) {
      steps = [...next];
      requests.length = 0;
      authorizations.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of stalls) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
