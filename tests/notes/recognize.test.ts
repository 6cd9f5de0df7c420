// Telling a report of an interaction from a question, a request or a plan; and follow-up forms.
import { describe, expect, it } from 'vitest';
import { recognizeNote } from '../../src/conversation/notes/recognize.ts';
import { parseFollowUp, yesNo, ordinalAnswer, asksForUnfiled, fileListed } from '../../src/conversation/notes/follow-ups.ts';

const ref = { now: new Date('2026-11-24T18:00:00+08:00'), tz: 'Asia/Shanghai' };

describe('report or question', () => {
  it.each([
    '今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对桥梁架设设备二期方案很感兴趣',
    '昨晚请华东一公司黄海经理吃饭,聊了明年的需求',
    '上午和江南港务冯雪经理开了个协调会',
    'Visited Beifang Luqiao today and met chief engineer He Jun',
    'Had a call with Lin Xiao this morning about the storage quote',
  ])('a report: %s', (text) => {
    expect(recognizeNote(text, ref)).toEqual({ body: text, explicit: false });
  });

  it.each([
    ['记录一下: 今天见了唐宁', '今天见了唐宁'],
    ['记录一下今天见了唐宁', '今天见了唐宁'],
    ['log: called Lin Xiao about the quote', 'called Lin Xiao about the quote'],
    ['Note: dinner with Mr. Liu, he wants 45-day delivery', 'dinner with Mr. Liu, he wants 45-day delivery'],
  ])('a command word makes it a note: %s', (text, body) => {
    expect(recognizeNote(text, ref)).toEqual({ body, explicit: true });
  });

  it.each([
    '中建华东最近一次高层拜访是什么时候?',
    '中建华东的关键决策人是谁?',
    '西山矿业有哪些未解决的工单?',
    'When did we last meet an executive at Xishan Mining?',
    '我团队里哪些客户超过30天没有高层互动?',
    '北方路桥的拜访记录',
    '上个月拜访次数排名',
    '上周各人拜访统计',
    '帮我看看北方路桥最近的拜访',
    '明天拜访北方路桥',
    '何总工的电话',
    'last executive meeting with Zhongjian Huadong',
    '拜访',
    '记录一下',
  ])('not a note: %s', (text) => {
    expect(recognizeNote(text, ref)).toBeUndefined();
  });
});

describe('follow-ups', () => {
  it.each([
    ['撤销', { kind: 'undo' }],
    ['撤销刚才的记录', { kind: 'undo' }],
    ['undo', { kind: 'undo' }],
    ['日期改成昨天', { kind: 'date', text: '昨天' }],
    ['change the date to last Friday', { kind: 'date', text: 'last Friday' }],
    ['不是北方路桥,是兴业建材', { kind: 'account', from: '北方路桥', to: '兴业建材' }],
    ["not Beifang, it's Xingye", { kind: 'account', from: 'Beifang', to: 'Xingye' }],
    ['这是北方路桥的', { kind: 'account', to: '北方路桥', weak: true }],
    ['把高远设为决策人', { kind: 'role', person: '高远', role: 'decision_maker' }],
    ['高远是决策人', { kind: 'role', person: '高远', role: 'decision_maker' }],
    ['set Gao Yuan as decision maker', { kind: 'role', person: 'Gao Yuan', role: 'decision_maker' }],
    ['类型改成电话', { kind: 'type', type: 'call' }],
    ['下一步改成发送报价,周五前', { kind: 'next_step', text: '发送报价,周五前' }],
    ['把下一步改成下周五前发试点方案', { kind: 'next_step', text: '下周五前发试点方案' }],
    ['将截止日期改为周五', { kind: 'next_step', text: '周五' }],
    ['把金额改成350万', { kind: 'amount', text: '把金额改成350万' }],
    ['修改', { kind: 'edit_help' }],
  ])('%s', (text, want) => {
    expect(parseFollowUp(text)).toEqual(want);
  });

  it('is not fooled by ordinary messages', () => {
    expect(parseFollowUp('是的')).toBeUndefined();
    expect(parseFollowUp('中建华东的合同什么时候到期?')).toBeUndefined();
    expect(parseFollowUp('是谁负责北方路桥?')).toBeUndefined();
  });

  it('short answers', () => {
    expect(['是', '是的', 'yes', '对'].map(yesNo)).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(['不是', 'no', '否'].map(yesNo)).toEqual(['no', 'no', 'no']);
    expect(yesNo('是北方路桥的')).toBeUndefined();
    expect(['2', '第二个', '#2', 'the second one'].map(ordinalAnswer)).toEqual([2, 2, 2, 2]);
  });

  it('unfiled notes', () => {
    expect(asksForUnfiled('我有哪些未归档的记录?')).toBe(true);
    expect(asksForUnfiled('show my unfiled notes')).toBe(true);
    expect(fileListed('第1条是兴业建材的')).toEqual({ n: 1, account: '兴业建材' });
    expect(fileListed('#2 is for Xingye')).toEqual({ n: 2, account: 'Xingye' });
  });
});
