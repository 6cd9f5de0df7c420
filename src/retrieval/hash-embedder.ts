// The offline embedder: hashed character n-grams (1–3) with sublinear term weighting, folded into a
// fixed dimension with signed feature hashing and L2-normalized. Deterministic and network-free, so
// search results in tests are exact. It captures shared wording (发动机故障 ~ 发动机坏了), not
// meaning across different words; the keyword ranker and RRF fusion cover the rest.
import type { Embedder } from './embedder.ts';

export const HASH_EMBEDDER_ID = 'hash-ngram-v1';
export const HASH_EMBEDDER_DIM = 256;

// Longer n-grams carry more meaning than single characters.
const NGRAM_WEIGHT = [0, 0.5, 1, 1.25];

/** FNV-1a over the code points of one n-gram, finished with a murmur-style avalanche. */
function hashGram(codes: number[], start: number, n: number): number {
  let h = 0x811c9dc5 ^ n;
  for (let i = start; i < start + n; i++) {
    h ^= codes[i];
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const SEGMENT_BREAK = /[^\p{L}\p{N}]+/u;

/** Letters and digits in runs, lower-cased, full-width folded; punctuation and spaces separate runs. */
export function segments(text: string): number[][] {
  const out: number[][] = [];
  for (const seg of text.normalize('NFKC').toLowerCase().split(SEGMENT_BREAK)) {
    if (!seg) continue;
    const codes: number[] = [];
    for (const ch of seg) codes.push(ch.codePointAt(0)!);
    out.push(codes);
  }
  return out;
}

/** The unit vector of one text. Buckets take the low bits of each n-gram's hash, the sign its top bit. */
export function embedText(text: string, dim: number = HASH_EMBEDDER_DIM): number[] {
  const vec = new Float64Array(dim);
  const counts = new Map<number, number>();
  const gramWeight = new Map<number, number>();
  for (const codes of segments(text)) {
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= codes.length; i++) {
        const h = hashGram(codes, i, n);
        counts.set(h, (counts.get(h) ?? 0) + 1);
        gramWeight.set(h, NGRAM_WEIGHT[n]);
      }
    }
  }
  for (const [h, tf] of counts) {
    const w = gramWeight.get(h)! * (1 + Math.log(tf));
    vec[h % dim] += h & 0x80000000 ? -w : w;
  }
  let norm = 0;
  for (let i = 0; i < dim; i++) norm += vec[i] * vec[i];
  norm = Math.sqrt(norm);
  const out = new Array<number>(dim);
  for (let i = 0; i < dim; i++) out[i] = norm ? vec[i] / norm : 0;
  return out;
}

export function hashEmbedder(dim: number = HASH_EMBEDDER_DIM): Embedder {
  return {
    id: HASH_EMBEDDER_ID,
    local: true,
    // Measured on the sample data at 256 dimensions: matching passages 0.3–0.5, unrelated ones below 0.2.
    relevantFrom: 0.3,
    dim: () => dim,
    embed: async (texts) => texts.map((t) => embedText(t, dim)),
  };
}
