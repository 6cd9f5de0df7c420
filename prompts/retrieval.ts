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

/** The search-history tool's replies. */
export const searchTexts = {
  none: { zh: '在{scope}的记录里没有找到关于「{topic}」的内容。', en: 'I found nothing about "{topic}" in {scope}.' },
  scopeAccount: { zh: '{account}', en: "{account}'s records" },
  scopeAll: { zh: '您可查看的客户', en: 'the accounts you can see' },
  latest: { zh: '上次谈到「{topic}」是 {date}({ago}),{account} {source}{author}:', en: 'The last mention of "{topic}" was on {date} ({ago}), {account}, {source}{author}:' },
  head: { zh: '关于「{topic}」找到 {count} 条相关记录:', en: 'Found {count} passages about "{topic}":' },
  more: { zh: '其他相关记录:', en: 'Also related:' },
  line: { zh: '• {date} {account} {source}{author}:{content}', en: '• {date} {account}, {source}{author}: {content}' },
  author: { zh: '(记录人 {name})', en: ' (by {name})' },
  noDate: { zh: '日期不详', en: 'undated' },
} satisfies Texts;

/** How each source reads in a citation: 工单 T003 / ticket T003. */
export const sourceLabels = {
  interaction: { zh: '互动记录 {id}', en: 'interaction {id}' },
  ticket: { zh: '工单 {id}', en: 'ticket {id}' },
  contract: { zh: '合同 {id}', en: 'contract {id}' },
  opportunity: { zh: '商机 {id}', en: 'opportunity {id}' },
} satisfies Texts;
