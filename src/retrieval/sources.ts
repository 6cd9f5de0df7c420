// What gets chunked, as pure functions: each source record (interaction, ticket, contract,
// opportunity) becomes the full text its passages are cut from, plus the facts every passage
// carries (account, date, author). Structured records have no prose, so a descriptive text is
// composed from their fields, in Chinese and English so either language finds them.
import { createHash } from 'node:crypto';
import { CONTRACT_KIND, CONTRACT_STATUS, SEVERITY, STAGE, TICKET_KIND, label } from '../../prompts/conversation/labels.ts';
import { detectLang, t, type Lang } from '../../prompts/index.ts';
import { passageTexts } from '../../prompts/retrieval.ts';
import { formatAmount } from '../tools/format.ts';
import { toIsoDate, type IsoDate } from '../domain/time.ts';
import type { ContractSource, InteractionSource, OpportunitySource, SourceRecord, SourceTable, TicketSource } from '../domain/passage-sources.ts';


/** A source ready to be split: its texts (each split on its own) and what every passage carries. */
export interface ComposedSource {
  table: SourceTable;
  id: string;
  accountId: string;
  occurredAt: Date | null;
  occurredOn: IsoDate | null;
  authorId: string | null;
  texts: string[];
  /** Changes whenever anything a passage is built from changes. */
  hash: string;
}

function interactionTexts(r: InteractionSource): string[] {
  const lang = detectLang(r.summary, 'zh');
  let main = r.summary.trim();
  if (r.next_step?.trim()) {
    const step = r.next_step.trim();
    main += '\n' + (r.next_step_due ? t(passageTexts, 'nextStepDue', lang, { step, due: r.next_step_due }) : t(passageTexts, 'nextStep', lang, { step }));
  }
  const texts = [main];
  // The original chat message often holds what extraction left out (tone, side remarks).
  const raw = r.raw_text?.trim();
  if (raw && raw !== r.summary.trim()) texts.push(t(passageTexts, 'rawNote', detectLang(raw, lang), { text: raw }));
  return texts;
}

function ticketText(r: TicketSource): string {
  const summary = (r.summary ?? '').trim();
  const lang: Lang = summary ? detectLang(summary, 'zh') : 'zh';
  const kind = label(TICKET_KIND, r.kind, lang);
  return r.severity
    ? t(passageTexts, 'ticket', lang, { kind, severity: label(SEVERITY, r.severity, lang), summary })
    : t(passageTexts, 'ticketNoSeverity', lang, { kind, summary });
}

function both(render: (lang: Lang) => string): string {
  return `${render('zh')}\n${render('en')}`;
}

function contractText(r: ContractSource): string {
  return both((lang) =>
    t(passageTexts, 'contract', lang, {
      kind: label(CONTRACT_KIND, r.kind, lang),
      id: r.id,
      start: r.start_date ?? t(passageTexts, 'unknown', lang),
      end: r.end_date,
      amount: formatAmount(r.amount, lang),
      status: label(CONTRACT_STATUS, r.status, lang),
      signed: r.signed_at ? t(passageTexts, 'contractSigned', lang, { date: r.signed_at }) : '',
    }),
  );
}

function opportunityText(r: OpportunitySource): string {
  return both((lang) =>
    t(passageTexts, 'opportunity', lang, {
      name: r.name,
      id: r.id,
      stage: label(STAGE, r.stage, lang),
      amount: formatAmount(r.amount, lang),
      close: r.expected_close ? t(passageTexts, 'opportunityClose', lang, { date: r.expected_close }) : '',
    }),
  );
}

// Business dates of instants, per 15-minute block: every zone's offset today (and so local midnight)
// falls on a quarter hour, and a bulk import asks for the same few thousand blocks again and again.
// Keyed by block number per zone (no key string per call); ten years of blocks fit (350,000).
const businessDates = new Map<string, Map<number, IsoDate>>();
function businessDate(at: Date, tz: string): IsoDate {
  let dates = businessDates.get(tz);
  if (!dates) businessDates.set(tz, (dates = new Map()));
  const block = Math.floor(at.getTime() / 900_000);
  let d = dates.get(block);
  if (d === undefined) {
    if (dates.size > 500_000) dates.clear();
    d = toIsoDate(at, tz);
    dates.set(block, d);
  }
  return d;
}

export function composeSource(r: SourceRecord, tz: string): ComposedSource {
  let composed: ComposedSource;
  switch (r.table) {
    case 'interactions':
      composed = { table: r.table, id: r.id, accountId: r.account_id, occurredAt: r.occurred_at, occurredOn: businessDate(r.occurred_at, tz), authorId: r.user_id, texts: interactionTexts(r), hash: '' };
      break;
    case 'tickets':
      composed = { table: r.table, id: r.id, accountId: r.account_id, occurredAt: r.opened_at, occurredOn: businessDate(r.opened_at, tz), authorId: null, texts: [ticketText(r)], hash: '' };
      break;
    case 'contracts':
      composed = { table: r.table, id: r.id, accountId: r.account_id, occurredAt: null, occurredOn: r.signed_at ?? r.start_date, authorId: null, texts: [contractText(r)], hash: '' };
      break;
    case 'opportunities':
      composed = { table: r.table, id: r.id, accountId: r.account_id, occurredAt: null, occurredOn: r.updated_at, authorId: r.owner_id, texts: [opportunityText(r)], hash: '' };
      break;
  }
  const hash = createHash('sha1')
    .update(JSON.stringify([composed.accountId, composed.occurredAt?.toISOString() ?? null, composed.occurredOn, composed.authorId, composed.texts]))
    .digest('base64url');
  composed.hash = hash;
  return composed;
}
