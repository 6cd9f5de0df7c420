// Wording of retrieval: how structured records read as passages, and the search-history replies.
import type { Texts } from './index.ts';

/** Passages composed from structured records (contracts, opportunities, ticket headers). */
export const passageTexts = {
  nextStep: { zh: '下一步:{step}', en: 'Next step: {step}' },
  nextStepDue: { zh: '下一步:{step}(截止 {due})', en: 'Next step: {step} (due {due})' },
  ticket: { zh: '{kind}工单({severity}):{summary}', en: '{kind} ticket ({severity}): {summary}' },
  ticketNoSeverity: { zh: '{kind}工单:{summary}', en: '{kind} ticket: {summary}' },
  contract: {
    zh: '{kind} {id}:有效期 {start} 至 {end},金额 {amount},状态 {status}{signed}。',
    en: '{kind} {id}: runs {start} to {end}, amount {amount}, {status}{signed}.',
  },
  contractSigned: { zh: ',签订于 {date}', en: ', signed {date}' },
  opportunity: {
    zh: '商机「{name}」({id}):{stage}阶段,金额 {amount}{close}。',
    en: 'Opportunity "{name}" ({id}): {stage} stage, amount {amount}{close}.',
  },
  opportunityClose: { zh: ',预计 {date} 成交', en: ', expected to close {date}' },
  unknown: { zh: '未知', en: 'unknown' },
  rawNote: { zh: '原始记录:{text}', en: 'Original note: {text}' },
} satisfies Texts;
