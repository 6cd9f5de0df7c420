// How big an IVFFlat index is built, and how much of it a search reads (no database).
import { describe, expect, it } from 'vitest';
import { hnswEfSearch, indexSpec, ivfLists, ivfProbes } from '../../src/retrieval/vector-index.ts';

describe('IVFFlat lists and probes', () => {
  it('builds 1.25 √rows lists, at most 1,000', () => {
    expect(ivfLists(20_000)).toBe(177);
    expect(ivfLists(100_000)).toBe(395);
    expect(ivfLists(1_000_000)).toBe(1000);
    expect(indexSpec('hash-ngram-v1', 256, 100_000)).toMatchObject({ name: 'chunks_vec_hash_ngram_v1_256', method: 'ivfflat', options: 'lists = 395' });
  });

  it('probes 16 % of the lists, or enough to read ~8,000 vectors in smaller tables, at most 125', () => {
    expect(ivfProbes(100_000)).toBe(64);
    expect(ivfProbes(30_000)).toBe(58);
    expect(ivfProbes(20_000)).toBe(71);
    expect(ivfProbes(1_000_000)).toBe(125);
    expect(ivfProbes(1_000)).toBe(40); // every list of a tiny index
  });

  it('follows the lists the index was built with, not the ones the table would get today', () => {
    // Built at 50,000 passages (280 lists), searched at 200,000: 16 % of 280.
    expect(ivfProbes(200_000, 280)).toBe(45);
    // Built by the earlier rule (√rows = 316 lists at 100,000).
    expect(ivfProbes(100_000, 316)).toBe(51);
    expect(ivfProbes(5_000, 20)).toBe(20);
  });
});

describe('HNSW candidate list', () => {
  it('is the ef_search measured for recall@10 ≥ 0.95 at the index m: 200 from m 32, else 400', () => {
    expect(hnswEfSearch(32)).toBe(200);
    expect(hnswEfSearch(48)).toBe(200);
    expect(hnswEfSearch(16)).toBe(400);
  });
});
