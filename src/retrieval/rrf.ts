// Reciprocal rank fusion: each ranked list adds 1 / (k + rank) to an item's score, so an item that
// both rankers put near the top beats one that only one of them likes, without comparing cosine
// similarities to keyword counts.

export const RRF_K = 60;

export interface Fused<T> {
  item: T;
  score: number;
  /** 1-based rank in each input list, or null when absent from it. */
  ranks: (number | null)[];
}

export function reciprocalRankFusion<T>(lists: T[][], key: (item: T) => string | number, k: number = RRF_K): Fused<T>[] {
  const byKey = new Map<string | number, Fused<T>>();
  lists.forEach((list, li) => {
    list.forEach((item, i) => {
      const id = key(item);
      let f = byKey.get(id);
      if (!f) {
        f = { item, score: 0, ranks: lists.map(() => null) };
        byKey.set(id, f);
      }
      if (f.ranks[li] !== null) return;
      f.ranks[li] = i + 1;
      f.score += 1 / (k + i + 1);
    });
  });
  // Ties (same score) keep the order of first appearance: list order, then rank.
  return [...byKey.values()].sort((a, b) => b.score - a.score);
}
