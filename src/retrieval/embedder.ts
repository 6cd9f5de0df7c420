// One interface for every way of turning text into vectors. Each stored chunk records the
// embedder id and dimension it was embedded with, so vectors of different models never mix.

export interface Embedder {
  /** Stable id written to chunks.embedder, e.g. 'hash-ngram-v1' or 'openai:text-embedding-3-small'. */
  readonly id: string;
  /** Vector length; a remote model's is known only after its first response. */
  dim(): number | undefined;
  /** Whether embed() stays in-process (cheap and safe inside a transaction). */
  readonly local: boolean;
  /** Unit-length vectors, one per text, in order. */
  embed(texts: string[]): Promise<number[][]>;
}
