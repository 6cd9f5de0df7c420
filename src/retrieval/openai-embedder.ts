// Embeddings from any OpenAI-compatible endpoint (OpenAI, Qwen, DeepSeek, Ollama, vLLM ...):
// batched requests, retries with backoff on rate limits and server errors (the SDK's), and the
// dimension taken from the first response — a model's size is not something users should configure.
import type OpenAI from 'openai';
import type { Embedder } from './embedder.ts';

export interface OpenAiEmbedderOptions {
  model: string;
  apiKey?: string;
  baseUrl?: string;
  timeoutMs?: number;
  /** Texts per request; providers cap the batch (OpenAI 2,048 inputs, many local servers far fewer). */
  batchSize?: number;
  maxRetries?: number;
  /** Cosine from which a vector match alone is relevant (see Embedder.relevantFrom). */
  relevantFrom?: number;
}

export function openAiEmbedder(opts: OpenAiEmbedderOptions): Embedder {
  // The SDK loads on the first embedding, not when search merely picks its embedder.
  let client: Promise<OpenAI> | undefined;
  const openai = () =>
    (client ??= import('openai').then(
      ({ default: OpenAIClient }) =>
        new OpenAIClient({ apiKey: opts.apiKey ?? 'unused', baseURL: opts.baseUrl, timeout: opts.timeoutMs ?? 20000, maxRetries: opts.maxRetries ?? 3 }),
    ));
  const batchSize = opts.batchSize ?? 64;
  let dim: number | undefined;
  return {
    id: `openai:${opts.model}`,
    local: false,
    relevantFrom: opts.relevantFrom ?? 0.5,
    dim: () => dim,
    async embed(texts) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        const batch = texts.slice(i, i + batchSize).map((t) => t || ' ');
        const res = await (await openai()).embeddings.create({ model: opts.model, input: batch, encoding_format: 'float' });
        const rows = [...res.data].sort((a, b) => a.index - b.index);
        if (rows.length !== batch.length) throw new Error(`embedding endpoint returned ${rows.length} vectors for ${batch.length} texts`);
        for (const r of rows) {
          const v = r.embedding as number[];
          dim ??= v.length;
          if (v.length !== dim) throw new Error(`embedding model ${opts.model} returned ${v.length} dimensions after ${dim}`);
          out.push(normalize(v));
        }
      }
      return out;
    },
  };
}

/** Cosine search wants unit vectors; most providers return them, not all do. */
function normalize(v: number[]): number[] {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  return n ? v.map((x) => x / n) : v;
}
