// Retrieved passages behind the plan: for each subject that needs one (an open ticket, a stalled
// opportunity, an ending contract, a joint project, the budget), the account's interactions that
// talk about it, found by hybrid search within the account — so "who reported the failure" or
// "what the customer said about renewal" comes from the notes, not from a template.
import type { AppContext } from '../../app.ts';
import { activeEmbedder } from '../../retrieval/active-embedder.ts';
import type { Embedder } from '../../retrieval/embedder.ts';
import { hashEmbedder } from '../../retrieval/hash-embedder.ts';
import { searchHistory, type Passage } from '../../retrieval/search.ts';
import type { Evidence } from './plan-offline.ts';
import type { Gap, RoadmapFacts } from './types.ts';

interface EvidenceQuery {
  key: string;
  /** Searched one after another; their interactions merge in order. */
  texts: string[];
  /** Only interactions on or after this day (a report cannot precede what it reports). */
  from?: string;
}

// How notes talk about these subjects (search vocabulary, not reply wording).
const RENEWAL_TALK = { zh: '合同到期 续签', en: 'contract renewal' };
const BUDGET_TALK = { zh: '预算', en: 'budget' };

export function evidenceQueries(f: RoadmapFacts, gaps: Gap[]): EvidenceQuery[] {
  const queries: EvidenceQuery[] = [];
  for (const g of gaps) {
    if (g.kind === 'open_ticket') queries.push({ key: `ticket:${g.subjectId}`, texts: [String(g.facts.summary ?? '')], from: String(g.facts.opened) });
    if (g.kind === 'stalled_opportunity') queries.push({ key: `opportunity:${g.subjectId}`, texts: [String(g.facts.name)] });
    // Renewal talk: the renewal opportunity's own name, else how notes speak of an ending contract.
    if (g.kind === 'contract_ending') queries.push({ key: `contract:${g.subjectId}`, texts: [...(g.facts.renewal_name ? [String(g.facts.renewal_name)] : []), RENEWAL_TALK.zh, RENEWAL_TALK.en] });
    if (g.kind === 'budget_lag') queries.push({ key: 'budget', texts: [BUDGET_TALK.zh, BUDGET_TALK.en] });
  }
  for (const p of f.projects.filter((x) => x.status !== 'done')) queries.push({ key: `project:${p.id}`, texts: [p.name] });
  return queries.map((q) => ({ ...q, texts: q.texts.filter((t) => t.trim()) })).filter((q) => q.texts.length);
}

export interface RetrievedEvidence {
  evidence: Evidence;
  /** The passages themselves (the LLM plan reads them). */
  passages: Map<string, Passage[]>;
}

export async function retrieveEvidence(app: AppContext, userId: string, f: RoadmapFacts, gaps: Gap[]): Promise<RetrievedEvidence> {
  const evidence: Evidence = new Map();
  const passages = new Map<string, Passage[]>();
  let embedder: Embedder = activeEmbedder(app.config);
  const search = async (text: string, from?: string): Promise<Passage[]> => {
    const req = { userId, text, accountId: f.account.id, from, to: f.today, limit: 8 };
    try {
      return (await searchHistory(app.db, embedder, req)).passages;
    } catch (e) {
      // A remote embedding service that is down must not stop the roadmap: fall back to offline.
      app.log.warn({ err: (e as Error).message }, 'roadmap evidence: embedding service failed, using the offline embedder');
      embedder = hashEmbedder();
      return (await searchHistory(app.db, embedder, req)).passages;
    }
  };
  for (const q of evidenceQueries(f, gaps)) {
    const notes: Passage[] = [];
    for (const text of q.texts) {
      for (const p of await search(text, q.from)) {
        if (p.sourceTable === 'interactions' && !notes.some((n) => n.sourceId === p.sourceId)) notes.push(p);
      }
    }
    evidence.set(q.key, notes.map((p) => p.sourceId));
    passages.set(q.key, notes);
  }
  return { evidence, passages };
}
