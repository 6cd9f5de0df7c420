// Wording of what notes do to the pipeline (issue 22, item 15): the opportunity a note offers to
// create, the one it updated, and the competitors kept on the account.
import type { Texts } from './index.ts';

export const notePipelineTexts = {
  offerLine: { zh: '要为"{name}"建个商机吗?(金额 {amount})', en: 'Create an opportunity for "{name}"? (amount {amount})' },
  offerButton: { zh: '建个商机', en: 'Create opportunity' },
  createdLine: { zh: '已建商机 {id}:{name}({stage},{amount})', en: 'Opportunity {id} created: {name} ({stage}, {amount})' },
  createdHead: { zh: '已建商机 {id}。', en: 'Created opportunity {id}.' },
  nothingToCreate: { zh: '这条记录没有可建的商机(需要金额和项目)。', en: 'This note has nothing to create an opportunity from (it needs an amount and a project).' },
  updatedLine: { zh: '已更新商机 {id} {name}:{changes}', en: 'Updated opportunity {id} {name}: {changes}' },
  stageChange: { zh: '阶段 {from} → {to}', en: 'stage {from} → {to}' },
  amountChange: { zh: '金额 {from} → {to}', en: 'amount {from} → {to}' },
  ovCompetitors: { zh: '竞品:{list}', en: 'Competitors: {list}' },
  competitorItem: { zh: '{name}(最近 {date},{n}次)', en: '{name} (last {date}, {n}×)' },
  consoleTitle: { zh: '竞品', en: 'Competitors' },
  consoleNone: { zh: '拜访记录里还没有提到竞品。', en: 'No competitor named in notes yet.' },
  colCompetitor: { zh: '竞品', en: 'Competitor' },
  colFirstSeen: { zh: '首次提到', en: 'First named' },
  colLastSeen: { zh: '最近提到', en: 'Last named' },
  colMentions: { zh: '次数', en: 'Mentions' },
} satisfies Texts;
