// Retrieved passages behind the plan: for each subject that needs one (an open ticket, a stalled
// opportunity, an ending contract, a joint project, the budget), the account's interactions that
// talk about it, found by hybrid search within the account — so "who reported the failure" or
// "what the customer said about renewal" comes from the notes, not from a template.
import type { AppContext } from '../../app.ts';
import { CONTRACT_KIND } from '../../../prompts/conversation/labels.ts';
import { activeEmbedder } from '../../retrieval/active-embedder.ts';
import type { Embedder } from '../../retrieval/embedder.ts';
import { hashEmbedder } from '../../retrieval/hash-embedder.ts';
import { searchHistory, type Passage } from '../../retrieval/search.ts';
import type { Evidence } from './plan-offline.ts';
import type { Gap, RoadmapFacts } from './types.ts';

interface EvidenceQuery {
  key: string;
  text: string;
  /** Only interactions on or after this day (a report cannot precede what it reports). */
  from?: string;
}

export function evidenceQueries(f: RoadmapFacts, gaps: Gap[]): EvidenceQuery[] {
  const queries: EvidenceQuery[] = [];
  for (const g of gaps) {
    if (g.kind === 'open_ticket') queries.push({ key: `ticket:${g.subjectId}`, text: String(g.facts.summary ?? ''), from: String(g.facts.opened) });
    if (g.kind === 'stalled_opportunity') queries.push({ key: `opportunity:${g.subjectId}`, text: String(g.facts.name) });
    if (g.kind === 'contract_ending') {
      const kind = CONTRACT_KIND[String(g.facts.kind)];
      queries.push({ key: `contract:${g.subjectId}`, text: `${kind?.zh ?? ''} 合同到期 续签 ${kind?.en ?? ''} renewal` });
    }
    if (g.kind === 'budget_lag') queries.push({ key: 'budget', text: '预算 采购计划 budget' });
  }
  for (const p of f.projects.filter((x) => x.status !== 'done')) queries.push({ key: `project:${p.id}`, text: p.name });
  return queries.filter((q) => q.text.trim());
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
  for (const q of evidenceQueries(f, gaps)) {
    const req = { userId, text: q.text, accountId: f.account.id, from: q.from, to: f.today, limit: 8 };
    let found: Passage[];
    try {
      found = (await searchHistory(app.db, embedder, req)).passages;
    } catch (e) {
      // A remote embedding service that is down must not stop the roadmap: fall back to offline.
      app.log.warn({ err: (e as Error).message }, 'roadmap evidence: embedding service failed, using the offline embedder');
      embedder = hashEmbedder();
      found = (await searchHistory(app.db, embedder, req)).passages;
    }
    const notes = found.filter((p) => p.sourceTable === 'interactions');
    evidence.set(q.key, notes.map((p) => p.sourceId));
    passages.set(q.key, notes);
  }
  return { evidence, passages };
}
