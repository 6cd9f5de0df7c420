// The model-written plan: the same facts, gaps and retrieved passages go in as JSON; a plan comes
// out, validated with zod, and every reference in it is checked — each cited record must exist in
// this account and be visible to the user, each owner must be on the team, each target a contact.
// Anything else is refused and the caller falls back to the offline plan.
import { llmClient } from '../../llm/client.ts';
import { z } from 'zod';
import type { Lang } from '../../../prompts/index.ts';
import { ROADMAP_SYSTEM_PROMPT } from '../../../prompts/roadmap.ts';
import type { AppContext } from '../../app.ts';
import type { Passage } from '../../retrieval/search.ts';
import { visibleCitedRecords } from '../../store/roadmap-queries.ts';
import type { CurrentState, Gap, PlanAction, RoadmapFacts } from './types.ts';

const SOURCES = ['interaction', 'ticket', 'contract', 'opportunity', 'order', 'project'] as const;

export const llmPlanSchema = z.object({
  actions: z
    .array(
      z.object({
        horizon: z.union([z.literal(30), z.literal(60), z.literal(90)]),
        ownerRole: z.enum(['AR', 'SR', 'FR']),
        ownerId: z.string().nullish(),
        targetContactId: z.string().nullish(),
        action: z.string().trim().min(1).max(500),
        reason: z.string().trim().min(1).max(1000),
        citations: z.array(z.object({ source: z.enum(SOURCES), id: z.string().min(1).max(100) })).min(1).max(10),
      }),
    )
    .min(1)
    .max(12),
});
export type LlmPlan = z.infer<typeof llmPlanSchema>;

export class PlanRefused extends Error {}

/** What the model reads: facts, gaps (with their wording), and the passages retrieval found. */
export function llmInput(f: RoadmapFacts, state: CurrentState, gaps: (Gap & { text: string })[], passages: Map<string, Passage[]>, lang: Lang) {
  return {
    language: lang,
    today: f.today,
    account: f.account,
    state,
    gaps: gaps.map((g) => ({ kind: g.kind, severity: g.severity, text: g.text, citations: g.citations })),
    team: f.team.map((m) => ({ userId: m.userId, name: m.name, role: m.role })),
    contacts: f.contacts.map((c) => ({ id: c.id, name: c.name, title: c.title, department: c.department, decisionRole: c.decisionRole, level: c.level, attitude: c.attitude, lastMetOn: c.lastMetOn })),
    interactions: f.interactions.slice(0, 30).map((i) => ({ id: i.id, date: i.date, by: i.userName, contactIds: i.contactIds, summary: i.summary, nextStep: i.nextStep, nextStepDue: i.nextStepDue })),
    openTickets: f.openTickets.map((t) => ({ id: t.id, kind: t.kind, severity: t.severity, opened: t.openedOn, summary: t.summary })),
    contracts: f.contracts,
    opportunities: f.opportunities,
    orders: f.orders,
    projects: f.projects,
    retrieved: Object.fromEntries([...passages].map(([k, ps]) => [k, ps.map((p) => ({ source: p.source, id: p.sourceId, date: p.date, text: p.content }))])),
  };
}

/** Checks every reference of a parsed plan against the database and the facts; throws PlanRefused. */
export async function checkPlan(app: AppContext, userId: string, f: RoadmapFacts, tz: string, plan: LlmPlan): Promise<PlanAction[]> {
  const refs = plan.actions.flatMap((a) => a.citations);
  const known = await visibleCitedRecords(app.db, userId, f.account.id, tz, refs);
  const missing = refs.filter((r) => !known.has(`${r.source}:${r.id}`));
  if (missing.length) throw new PlanRefused(`cites records that do not exist in this account or are not visible: ${missing.map((r) => `${r.source} ${r.id}`).join(', ')}`);
  return plan.actions.map((a) => {
    const owner = a.ownerId ? f.team.find((m) => m.userId === a.ownerId) : f.team.find((m) => m.role === a.ownerRole);
    if (a.ownerId && !owner) throw new PlanRefused(`owner ${a.ownerId} is not on the account team`);
    const target = a.targetContactId ? f.contacts.find((c) => c.id === a.targetContactId) : undefined;
    if (a.targetContactId && !target) throw new PlanRefused(`target ${a.targetContactId} is not a contact of the account`);
    return {
      horizon: a.horizon,
      ownerRole: owner?.role ?? a.ownerRole,
      owner: owner ? { id: owner.userId, name: owner.name } : null,
      target: target ? { id: target.id, name: target.name, title: target.title } : null,
      action: a.action,
      reason: a.reason,
      citations: a.citations.map((c) => ({ source: c.source, id: c.id, date: known.get(`${c.source}:${c.id}`) ?? null })),
    };
  });
}

/** Asks the configured model for a plan; throws on any failure (network, format, validation). */
export async function llmPlan(app: AppContext, input: ReturnType<typeof llmInput>, lang: Lang): Promise<LlmPlan> {
  const llm = app.config.llm;
  if (!llm) throw new PlanRefused('no LLM configured');
  const client = await llmClient(llm);
  const res = await client.chat.completions.create({
    model: llm.model,
    temperature: 0,
    response_format: { type: 'json_object' },
    messages: [
      { role: 'system', content: ROADMAP_SYSTEM_PROMPT[lang] },
      { role: 'user', content: JSON.stringify(input) },
    ],
  });
  const content = res.choices[0]?.message?.content ?? '';
  let json: unknown;
  try {
    json = JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    throw new PlanRefused('the model did not answer with JSON');
  }
  const parsed = llmPlanSchema.safeParse(json);
  if (!parsed.success) throw new PlanRefused(`the plan does not match the schema: ${z.prettifyError(parsed.error).split('\n')[0]}`);
  return parsed.data;
}
