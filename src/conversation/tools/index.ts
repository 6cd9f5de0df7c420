// The tool registry, shared by the offline engine and the LLM engine: the one place where every
// feature's tools are assembled (features define them with src/tools/ and never import this).
//
// Adding a capability = one module exporting a `Tool` (src/tools/types.ts), appended to
// `tools` below (a one-line append). Both engines pick it up:
//  - LLM engine: `name`, `description` and the zod `input` (→ JSON schema) are sent as a function tool.
//  - Offline engine: give the tool an `offline` trigger. For every message the engine analyses the
//    text once (src/nlu/utterance.ts: language, account mention, dates, durations,
//    year, back-references), calls `offline.score(u)` on every tool and runs the best scorer
//    (score ≥ 1; keyword hits via src/nlu/keywords.ts `countHits` score about 1 each; make specific
//    phrases worth more than generic ones). `offline.account` says whether the tool needs an account:
//    the engine fills it from the mention or the chat context and asks back on ambiguity, so
//    `offline.input(u, accountId)` only builds the input. `offline.keywords` also tell the engine
//    which words are question words rather than an unknown account name.
//  - Help: `examples` (zh and en) are listed by the help reply.
//  - Follow-ups: `subjectAccount(output)` names the account the answer was about.
// Tools resolve account arguments with `accountFor` (src/tools/account-arg.ts) and read through
// src/store/, which scopes every query by the acting user's visible accounts.
import type { Tool } from '../../tools/types.ts';
import { createHelpTool } from './help.ts';
import { accountOverviewTool } from './account-overview.ts';
import { lastInteractionTool } from './last-interaction.ts';
import { discussionHistoryTool } from './discussion-history.ts';
import { decisionChainTool } from './decision-chain.ts';
import { customerTreeTool } from './customer-tree.ts';
import { budgetExecutionTool } from './budget-execution.ts';
import { ordersTool } from './orders.ts';
import { createSmallTalkTool } from './small-talk.ts';
import { compareAccountsTool } from './compare-accounts.ts';
import { nextStepsTool } from './next-steps.ts';
import { contractsTool } from './contracts.ts';
import { ticketsTool } from './tickets.ts';
import { opportunitiesTool } from './opportunities.ts';
import { contactLookupTool } from './contact-lookup.ts';
import { accountListTool } from './account-list.ts';
import { accountTeamTool } from './account-team.ts';
import { competitorsTool } from './competitors.ts';
import { teamActivityTool } from './team-activity.ts';
import { receivablesTool } from './receivables.ts';
import { accountActivityTool } from './account-activity.ts';
import { accountStatsTool } from './account-stats.ts';
import { searchHistoryTool } from '../../retrieval/search-history-tool.ts';
import { roadmapTool } from '../../insights/roadmap/roadmap-tool.ts';
import { visitPrepTool } from './visit-prep.ts';
import { rollupTool } from '../../insights/rollup/rollup-tool.ts';
import { healthScoreTool } from './health-score.ts';
import { weeklyBriefingTool } from './briefing-weekly.ts';
import { alertsListTool } from './alerts-list.ts';
import { relationshipMapTool } from '../../insights/relationship-map/map-tool.ts';

export const tools: Tool<any, any>[] = [
  accountOverviewTool,
  lastInteractionTool,
  discussionHistoryTool,
  decisionChainTool,
  customerTreeTool,
  budgetExecutionTool,
  ordersTool,
  contractsTool,
  ticketsTool,
  opportunitiesTool,
  contactLookupTool,
  accountTeamTool,
  competitorsTool,
  teamActivityTool,
  receivablesTool,
  accountActivityTool,
  accountStatsTool,
  accountListTool,
  compareAccountsTool,
  nextStepsTool,
  searchHistoryTool,
  roadmapTool,
  visitPrepTool,
  rollupTool,
  relationshipMapTool,
  createHelpTool(() => tools),
  createSmallTalkTool(() => tools),
  healthScoreTool,
  weeklyBriefingTool,
  alertsListTool,
];

export function toolByName(name: string): Tool<any, any> | undefined {
  return tools.find((tool) => tool.name === name);
}
