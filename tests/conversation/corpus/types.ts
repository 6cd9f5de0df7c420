// One question of the corpus: who asks, what (earlier turns of the same chat first), and what the
// answer must and must not contain. `must` entries are alternatives: one of them must appear.
export interface CorpusCase {
  cls: string;
  user: string;
  /** The question; with several, the earlier ones are sent first in the same chat (follow-ups). */
  q: string | string[];
  must: (string | string[])[];
  not?: string[];
  /** A reply that states facts must cite its records; off for replies that state none. */
  cites?: boolean;
}

export function c(cls: string, user: string, q: string | string[], must: (string | string[])[], not: string[] = [], opts: { cites?: boolean } = {}): CorpusCase {
  return { cls, user, q, must, not, cites: opts.cites ?? must.length > 0 };
}
