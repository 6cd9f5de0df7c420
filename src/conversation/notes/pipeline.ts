// Notes feed the pipeline. Filing a note keeps the competitors it names on the account, and
// applies a stage or amount it states for an open opportunity of the account ("商机进入谈判阶段",
// "报价改成500万"); a note with an amount and a project no opportunity covers offers one
// ("建个商机?"), created on one tap. Every change is recorded on the note: unfiling (an edit that
// refiles, a move) puts back what filing did, Undo also removes an opportunity the user created.
import type { Db } from '../../../db/index.ts';
import type { Opportunity, Stage } from '../../domain/types.ts';
import { OPEN_STAGES } from '../../domain/types.ts';
import { toIsoDate } from '../../domain/time.ts';
import { getVisibleAccount } from '../../store/accounts.ts';
import { updateCapture } from '../../store/notes.ts';
import { accountOpportunities } from '../../store/opportunities.ts';
import {
  insertOpportunity,
  nextOpportunityId,
  noteCompetitor,
  revertPipelineChanges,
  updateOpportunity,
  type PipelineChange,
} from '../../store/pipeline.ts';
import { readPipeline } from './extract/pipeline.ts';
import type { LexiconWord } from './extract/segment.ts';
import type { Capture } from './state.ts';

/** Who files the note, and when (as materialize.ts's NoteClock). */
interface NoteClock {
  userId: string;
  now: Date;
  tz: string;
}

/** An opportunity the note suggests creating. */
export interface OpportunityOffer {
  name: string;
  amount: number | null;
  stage: Stage;
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const t = s.toLowerCase().replace(/\s+/g, '');
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** How much of the opportunity's name the project phrase shares (0..1). */
function overlap(project: string, name: string): number {
  const a = bigrams(project);
  const b = bigrams(name);
  if (!b.size) return 0;
  let n = 0;
  for (const g of b) if (a.has(g)) n++;
  return n / Math.min(a.size || 1, b.size);
}

/** The open opportunity a note is about: the one its project names, else the account's only one. */
export function opportunityOfNote(open: Opportunity[], project: string | undefined): Opportunity | undefined {
  if (project) {
    const scored = open.map((o) => ({ o, s: overlap(project, o.name) })).filter((x) => x.s >= 0.5).sort((x, y) => y.s - x.s);
    if (scored.length) return scored[0].o;
  }
  return open.length === 1 ? open[0] : undefined;
}

/** The money a new opportunity is worth: a deal figure first, else a budget. */
function offerAmount(capture: Capture): number | null {
  const amounts = capture.extraction.draft.amounts;
  return (amounts.find((a) => a.kind === 'deal') ?? amounts.find((a) => a.kind === 'budget') ?? amounts[0])?.value ?? null;
}

async function lexiconOf(tx: Db, capture: Capture, accountId: string, userId: string): Promise<LexiconWord[]> {
  const account = await getVisibleAccount(tx, userId, accountId);
  const draft = capture.extraction.draft;
  return [
    ...draft.people.flatMap((p) => (p.name ? [{ word: p.name, kind: 'person' as const }] : [])),
    ...[account?.name, ...(account?.aliases ?? [])].filter((w): w is string => !!w).map((word) => ({ word, kind: 'organisation' as const })),
    ...draft.competitors.map((word) => ({ word, kind: 'competitor' as const })),
  ];
}

/**
 * Applies what a note being filed on the account says about the pipeline, and records it on the
 * note. An opportunity the user created from this note earlier (kept across a refile) moves with it.
 */
export async function applyNotePipeline(tx: Db, capture: Capture, accountId: string, clock: NoteClock): Promise<void> {
  const day = toIsoDate(clock.now, clock.tz);
  const kept = capture.pipeline_changes.filter((c) => c.kind === 'opportunity_created');
  const changes: PipelineChange[] = [...kept];
  for (const c of kept) {
    if (c.kind === 'opportunity_created' && c.accountId !== accountId) {
      await tx.query('UPDATE opportunities SET account_id = $2 WHERE id = $1', [c.id, accountId]);
      c.accountId = accountId;
    }
  }
  for (const name of new Set(capture.extraction.draft.competitors)) changes.push(await noteCompetitor(tx, accountId, name, day));

  const reading = readPipeline(capture.text, await lexiconOf(tx, capture, accountId, clock.userId));
  if (reading.stage || reading.amount !== undefined) {
    const open = await accountOpportunities(tx, clock.userId, accountId, { openOnly: true });
    const opp = opportunityOfNote(open, reading.project);
    if (opp && !kept.some((c) => c.kind === 'opportunity_created' && c.id === opp.id)) {
      const after = { stage: reading.stage ?? opp.stage, amount: reading.amount ?? (opp.amount === null ? null : Number(opp.amount)) };
      if (after.stage !== opp.stage || after.amount !== (opp.amount === null ? null : Number(opp.amount))) {
        await updateOpportunity(tx, opp.id, { ...after, updated_at: day });
        changes.push({
          kind: 'opportunity_updated',
          id: opp.id,
          before: { stage: opp.stage, amount: opp.amount === null ? null : Number(opp.amount), updated_at: opp.updated_at },
          after,
        });
      }
    }
  }
  await updateCapture(tx, capture.id, { pipelineChanges: changes }, clock.now);
  capture.pipeline_changes = changes;
}

/**
 * Puts back what filing did to the pipeline. An opportunity the user created from the note stays
 * (it was asked for) unless `all` (Undo of the note).
 */
export async function revertNotePipeline(tx: Db, capture: Capture, clock: NoteClock, opts: { all?: boolean } = {}): Promise<void> {
  const undone = capture.pipeline_changes.filter((c) => opts.all || c.kind !== 'opportunity_created');
  await revertPipelineChanges(tx, undone);
  const left = capture.pipeline_changes.filter((c) => !undone.includes(c));
  await updateCapture(tx, capture.id, { pipelineChanges: left }, clock.now);
  capture.pipeline_changes = left;
}

/** The opportunity a filed note offers to create, if any: an amount and a project no open opportunity covers. */
export async function opportunityOffer(db: Db, userId: string, capture: Capture): Promise<OpportunityOffer | undefined> {
  if (capture.status !== 'filed' || !capture.account_id) return undefined;
  if (capture.pipeline_changes.some((c) => c.kind === 'opportunity_created' || c.kind === 'opportunity_updated')) return undefined;
  const amount = offerAmount(capture);
  if (amount === null) return undefined;
  const reading = readPipeline(capture.text, await lexiconOf(db, capture, capture.account_id, userId));
  if (!reading.project) return undefined;
  const open = await accountOpportunities(db, userId, capture.account_id, { openOnly: true });
  if (open.some((o) => overlap(reading.project!, o.name) >= 0.5)) return undefined;
  const stage = reading.stage && OPEN_STAGES.includes(reading.stage) ? reading.stage : 'lead';
  return { name: reading.project, amount, stage };
}

/** Creates the offered opportunity (one tap on the card); the id, or undefined when nothing is offered. */
export async function createOfferedOpportunity(tx: Db, capture: Capture, clock: NoteClock): Promise<string | undefined> {
  const offer = await opportunityOffer(tx, clock.userId, capture);
  if (!offer || !capture.account_id) return undefined;
  const day = toIsoDate(clock.now, clock.tz);
  const id = await nextOpportunityId(tx, day);
  await insertOpportunity(tx, { id, accountId: capture.account_id, name: offer.name, stage: offer.stage, amount: offer.amount, ownerId: clock.userId, day });
  const changes: PipelineChange[] = [...capture.pipeline_changes, { kind: 'opportunity_created', id, accountId: capture.account_id }];
  await updateCapture(tx, capture.id, { pipelineChanges: changes }, clock.now);
  capture.pipeline_changes = changes;
  return id;
}
