// One OpenAI-compatible client per endpoint, shared by the chat engine, note extraction and the
// roadmap planner. The SDK is loaded on first use, so runs without an LLM never pay for it.
import type OpenAI from 'openai';
import type { Config } from '../config.ts';

export type LlmConfig = NonNullable<Config['llm']>;

const clients = new Map<string, OpenAI>();

export async function llmClient(llm: LlmConfig): Promise<OpenAI> {
  const key = `${llm.baseUrl ?? ''}|${llm.apiKey ?? ''}|${llm.timeoutMs}`;
  let client = clients.get(key);
  if (!client) {
    const { default: OpenAIClient } = await import('openai');
    // Local servers (Ollama, vLLM) often need no key; the SDK insists on one.
    client = new OpenAIClient({ apiKey: llm.apiKey ?? 'not-needed', baseURL: llm.baseUrl, timeout: llm.timeoutMs, maxRetries: 1 });
    clients.set(key, client);
  }
  return client;
}
