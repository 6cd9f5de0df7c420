// One interface for every way of turning text into vectors. Each stored chunk records the
// embedder id and dimension it was embedded with, so vectors of different models never mix.

export interface Embedder {
  /** Stable id written to chunks.embedder, e.g. 'hash-ngram-v1' or 'openai:text-embedding-3-small'. */
  readonly id: string;
  /** Vector length; a remote model's is known only after its first response. */
  dim(): number | undefined;
  /** Whether embed() stays in-process (cheap and safe inside a transaction). */
  readonly local: boolean;
  /**
   * Cosine similarity from which a passage counts as relevant on the vector ranker alone. It is a
   * property of the model: unrelated texts score near 0 with hashed n-grams but 0.1–0.3 with
   * neural embeddings.
   */
  readonly relevantFrom: number;
  /** Unit-length vectors, one per text, in order. */
  embed(texts: string[]): Promise<number[][]>;
}
