// The roadmap of one account as of a moment: facts → current state and gaps → retrieved evidence
// → plan (the model's when an LLM is configured and its plan survives every check, else the
// deterministic one). Returns undefined when the user may not see the account.
import type { Lang } from '../../../prompts/index.ts';
import type { AppContext } from '../../app.ts';
import { retrieveEvidence } from './evidence.ts';
import { gatherFacts } from './facts.ts';
import { gapText } from './gap-text.ts';
import { findGaps } from './gaps.ts';
import { offlinePlan } from './plan-offline.ts';
import { checkPlan, llmInput, llmPlan } from './plan-llm.ts';
import { currentState } from './state.ts';
import type { Roadmap } from './types.ts';

export interface RoadmapRequest {
  userId: string;
  accountId: string;
  now: Date;
  tz: string;
  lang: Lang;
  /** Use the configured LLM for the plan (default: whenever one is configured). */
  useLlm?: boolean;
}

export async function buildRoadmap(app: AppContext, req: RoadmapRequest): Promise<Roadmap | undefined> {
  const facts = await gatherFacts(app, req.userId, req.accountId, req.now, req.tz);
  if (!facts) return undefined;
  const state = currentState(facts);
  const gaps = findGaps(facts).map((g) => ({ ...g, text: gapText(g, req.lang) }));
  const { evidence, passages } = await retrieveEvidence(app, req.userId, facts, gaps);
  const base = { account: { id: facts.account.id, name: facts.account.name }, asOf: facts.today, state, gaps };

  if (req.useLlm ?? !!app.config.llm) {
    try {
      const plan = await llmPlan(app, llmInput(facts, state, gaps, passages, req.lang), req.lang);
      return { ...base, plan: await checkPlan(app, req.userId, facts, req.tz, plan), generator: 'llm' };
    } catch (e) {
      const warning = (e as Error).message;
      app.log.warn({ account: facts.account.id, warning }, 'roadmap: the model plan was refused; using the offline plan');
      return { ...base, plan: offlinePlan(facts, gaps, evidence, req.lang), generator: 'offline', warning };
    }
  }
  return { ...base, plan: offlinePlan(facts, gaps, evidence, req.lang), generator: 'offline' };
}
