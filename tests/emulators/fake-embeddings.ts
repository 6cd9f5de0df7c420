// A local OpenAI-compatible /embeddings endpoint: deterministic vectors from the text (so tests can
// predict them), optional failures for the first requests, and a record of every request's inputs.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeEmbeddings {
  url: string;
  /** Inputs of every request, in order. */
  batches: string[][];
  /** The next n requests answer with this HTTP status. */
  failNext(n: number, status: number): void;
  /** Vectors of another size from now on (a model swapped behind the same URL). */
  setDim(dim: number): void;
  close(): Promise<void>;
}

/** A small deterministic vector: character codes folded into `dim` slots (not normalized). */
export function fakeVector(text: string, dim: number): number[] {
  const v = new Array(dim).fill(0);
  for (let i = 0; i < text.length; i++) v[text.charCodeAt(i) % dim] += 1;
  v[0] += 0.5;
  return v;
}

export async function startFakeEmbeddings(dim = 8): Promise<FakeEmbeddings> {
  const batches: string[][] = [];
  let failures = 0;
  let failStatus = 500;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/embeddings')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      if (failures > 0) {
        failures--;
        res.writeHead(failStatus, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `fake ${failStatus}` } }));
        return;
      }
      const { input, model } = JSON.parse(body) as { input: string[]; model: string };
      batches.push(input);
      // Answer out of order: clients must sort by index.
      const data = input.map((text, index) => ({ object: 'embedding', index, embedding: fakeVector(text, dim) })).reverse();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    batches,
    setDim(d) {
      dim = d;
    },
    failNext(n, status) {
      failures = n;
      failStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
