// Which embedder search uses: the configured OpenAI-compatible model (KAM_EMBEDDING_MODEL with
// OPENAI_BASE_URL or OPENAI_API_KEY), else the offline hashed n-gram embedder.
import type { Config } from '../config.ts';
import type { Embedder } from './embedder.ts';
import { hashEmbedder } from './hash-embedder.ts';
import { openAiEmbedder } from './openai-embedder.ts';

export function activeEmbedder(config: Config): Embedder {
  if (config.embeddingModel && config.llm) {
    return openAiEmbedder({ model: config.embeddingModel, apiKey: config.llm.apiKey, baseUrl: config.llm.baseUrl, timeoutMs: config.llm.timeoutMs });
  }
  return hashEmbedder();
}
