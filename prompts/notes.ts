// Wording of visit-note capture: the saved-note reply, its questions, edits, undo and unfiled
// notes, in Chinese and English; plus the LLM instructions for note extraction.
import type { Texts } from './index.ts';

export const noteTexts = {
  savedTitle: { zh: '已记录{type}:{account}', en: 'Logged {type}: {account}' },
  updatedTitle: { zh: '已更新记录:{account}', en: 'Updated note: {account}' },
  lineWhen: { zh: '时间:{when}', en: 'When: {when}' },
  lineContacts: { zh: '联系人:{list}', en: 'Contacts: {list}' },
  noContacts: { zh: '联系人:(未识别到)', en: 'Contacts: (none recognised)' },
  contactNew: { zh: '新增', en: 'new' },
  lineNextStep: { zh: '下一步:{step}', en: 'Next step: {step}' },
  due: { zh: '(截止 {due})', en: ' (due {due})' },
  lineMoney: { zh: '金额:{list}', en: 'Money: {list}' },
  lineCompetitors: { zh: '竞品:{list}', en: 'Competitors: {list}' },
  lineSignals: { zh: '态度:{list}', en: 'Signals: {list}' },
  lineSummary: { zh: '摘要:{summary}', en: 'Summary: {summary}' },
  lineRecord: { zh: '记录编号:{id}', en: 'Record: {id}' },
  dateDefaulted: { zh: '(未提到日期,按发送时间记录)', en: ' (no date given: logged at the time sent)' },

  undoButton: { zh: '撤销', en: 'Undo' },
  editButton: { zh: '修改', en: 'Edit' },
  yesButton: { zh: '是', en: 'Yes' },
  noButton: { zh: '不是', en: 'No' },
  noneOfThem: { zh: '都不是', en: 'None of them' },
  fileButton: { zh: '归档第{n}条', en: 'File #{n}' },

  qConfirmRole: { zh: '{name}是{role}吗?', en: 'Is {name} the {role}?' },
  qChooseContact: { zh: '"{label}"指的是哪一位?', en: 'Which "{label}" do you mean?' },
  qNamePerson: {
    zh: '{account}还没有与"{label}"对应的联系人。{label}的全名是什么?回复全名即可添加。',
    en: '{account} has no contact matching "{label}" yet. What is their full name? Reply with it and I will add them.',
  },
  qChooseAccount: { zh: '这条记录是哪个客户的?', en: 'Which account is this note about?' },

  unfiledSaved: { zh: '已先保存为未归档记录,还没有记到任何客户名下,原文不会丢失。', en: 'Saved as an unfiled note: it is not logged on any account yet, and nothing you wrote is lost.' },
  unfiledNotFound: { zh: '在你的客户里没有找到这条记录说的客户。', en: "I couldn't find the account this note is about among your accounts." },
  unfiledAmbiguous: { zh: '这条记录可能属于以下几个客户。', en: 'This note could belong to any of these accounts.' },
  fileHint: { zh: '回复"这是某某客户的"即可归档,例如"这是{example}的"。', en: 'Reply "it\'s for <account>" to file it, e.g. "it\'s for {example}".' },

  undone: { zh: '已撤销这条记录:删除了互动记录 {id}{contacts}。你发的原文仍然保留。', en: 'Undone: removed interaction {id}{contacts}. Your original message is still kept.' },
  undoneContacts: { zh: ',以及新增的联系人{names}', en: ' and the new contact(s) {names}' },
  undoneRoles: { zh: '已恢复{names}原来的角色。', en: 'Restored the previous role of {names}.' },
  undoneKept: { zh: '联系人{names}已被其他记录使用,予以保留。', en: 'Kept contact(s) {names}: other records use them.' },
  undoneUnfiled: { zh: '已撤销这条未归档记录。你发的原文仍然保留。', en: 'Undone: the unfiled note is withdrawn. Your original message is still kept.' },
  nothingToUndo: { zh: '没有可以撤销的记录:撤销只对最近 30 分钟内的记录有效。', en: 'There is nothing to undo: undo works on notes from the last 30 minutes.' },
  noteNotFound: { zh: '找不到这条记录:它可能不是你记的,或者已经不存在。', en: 'I cannot find that note: it may not be yours, or it no longer exists.' },
  alreadyUndone: { zh: '这条记录已经撤销过了。', en: 'That note was already undone.' },

  dateChanged: { zh: '已把日期改为 {date}。', en: 'Date changed to {date}.' },
  dateNotUnderstood: { zh: '没看懂新的日期,可以这样说:"日期改成昨天"或"日期改成11月20日"。', en: 'I did not get the new date. Try "change the date to yesterday" or "date: Nov 20".' },
  typeChanged: { zh: '已把类型改为{type}。', en: 'Type changed to {type}.' },
  accountChanged: { zh: '已改为记到{account}名下。', en: 'Moved the note to {account}.' },
  filed: { zh: '已归档到{account}。', en: 'Filed under {account}.' },
  accountNotFound: { zh: '在你的客户里没有找到"{span}"。', en: 'I could not find "{span}" among your accounts.' },
  sameAccount: { zh: '这条记录已经在{account}名下了。', en: 'The note is already on {account}.' },
  roleSet: { zh: '已将{name}设为{role}。', en: 'Set {name} as {role}.' },
  roleDeclined: { zh: '好的,{name}的角色保持不变。', en: "OK, {name}'s role stays as it was." },
  personNotFound: { zh: '这条记录和{account}的联系人里都没有"{name}"。', en: 'There is no "{name}" in this note or among the contacts of {account}.' },
  contactChosen: { zh: '已关联联系人{name}。', en: 'Linked contact {name}.' },
  contactSkipped: { zh: '好的,"{label}"不关联联系人。', en: 'OK, "{label}" is left out.' },
  personAdded: { zh: '已新增联系人{name}并关联到这条记录。', en: 'Added contact {name} to this note.' },
  nextStepChanged: { zh: '已更新下一步。', en: 'Next step updated.' },
  notFiledYet: { zh: '这条记录还没有归档,先告诉我是哪个客户的。', en: 'This note is not filed yet; tell me which account it is about first.' },
  noteGone: { zh: '这条记录已经撤销,不能再修改。', en: 'That note was undone and can no longer be changed.' },
  questionClosed: { zh: '这个问题已经处理过了。', en: 'That question has already been dealt with.' },
  choiceNotUnderstood: { zh: '没有对应的选项,请点按钮或回复序号。', en: 'That is not one of the options; tap a button or reply with its number.' },

  editHelpTitle: { zh: '直接告诉我要改什么,例如:', en: 'Just tell me what to change, for example:' },
  editHelpDate: { zh: '日期改成昨天', en: 'change the date to yesterday' },
  editHelpAccount: { zh: '不是{account},是(另一个客户)', en: 'not {account}, it was <another account>' },
  editHelpRole: { zh: '把{person}设为决策人', en: 'set {person} as decision maker' },
  editHelpNext: { zh: '下一步改成发送报价,周五前', en: 'next step: send the quote by Friday' },
  editHelpUndo: { zh: '撤销', en: 'undo' },

  unfiledListTitle: { zh: '你有 {n} 条未归档的记录:', en: 'You have {n} unfiled note(s):' },
  unfiledListEmpty: { zh: '你没有未归档的记录。', en: 'You have no unfiled notes.' },
  unfiledListHint: { zh: '回复"第1条是某某客户的"即可归档。', en: 'Reply "#1 is for <account>" to file one.' },
  unfiledCount: { zh: '另有 {n} 条未归档记录,发"未归档记录"可查看。', en: 'You have {n} more unfiled note(s); send "unfiled notes" to see them.' },
  noSuchListed: { zh: '列表里没有第{n}条。', en: 'There is no #{n} in the list.' },
} satisfies Texts;

/** Interaction types and decision roles read as everywhere else in the product. */
export { INTERACTION_TYPE as typeLabels, DECISION_ROLE as roleLabels } from './conversation/labels.ts';

export const amountKindLabels = {
  budget: { zh: '预算', en: 'budget' },
  deal: { zh: '商机金额', en: 'deal value' },
  other: { zh: '金额', en: 'amount' },
} satisfies Texts;

export const signalLabels = {
  positive: { zh: '积极', en: 'positive' },
  negative: { zh: '不满', en: 'negative' },
  concern: { zh: '顾虑', en: 'concern' },
} satisfies Texts;

/** Instructions for the LLM engine's note extraction (function calling into the note schema). */
export const noteExtractionPrompt = `You extract a salesperson's visit note into structured fields by calling the function record_visit_note exactly once.
Rules:
- Copy names exactly as written in the note (Chinese characters stay Chinese). Never invent people, accounts, amounts or competitors that the note does not mention.
- account: the customer company as written in the note, or null when the note names none.
- occurred_date / occurred_time: when the interaction happened, resolved against "now" given below (YYYY-MM-DD, HH:MM in the business time zone); null when the note does not say.
- type: visit (拜访, 见面), call (电话), meeting (会议, 协调会, 交流会), dinner (吃饭, 宴请), email (邮件), event (展会, 论坛), im (微信, 钉钉, IM).
- people: everyone from the customer side. name = full name if given, else null with surname_title = the reference as written (e.g. 高总, 郭董, Mr. Gao). title as written. decision_role only when the note states it. new_in_role when the note says they are new (新任, new).
- next_step: what we committed to do next, without the deadline words; next_step_due: its due date (YYYY-MM-DD), null if none.
- amounts: money mentioned, value in units (600万 = 6000000), currency CNY unless $/USD, kind budget/deal/other, text as written.
- competitors: competitor companies named in the note, as written.
- signals: attitude words as written (很感兴趣 → positive, 不满意 → negative, 担心 → concern), with the person they are about (name or reference as written) or null.
- summary: the note itself minus the next-step sentence, in the note's language.`;
