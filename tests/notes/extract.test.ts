// The offline extractor on hand-written notes, one field at a time, in Chinese and English.
import { describe, expect, it } from 'vitest';
import { extractNote } from '../../src/conversation/notes/extract/index.ts';
import { findAmounts } from '../../src/conversation/notes/extract/amounts.ts';
import { findDates } from '../../src/conversation/notes/extract/dates.ts';
import { findPeople } from '../../src/conversation/notes/extract/people.ts';
import { levelOfTitle } from '../../src/conversation/notes/extract/titles.ts';
import { DEFAULT_COMPETITORS } from '../../src/conversation/notes/competitor-list.ts';

const TZ = 'Asia/Shanghai';
const EVENING = new Date('2026-11-24T18:00:00+08:00'); // a Tuesday

function ex(text: string, now = EVENING, known: string[] = []) {
  return extractNote(text, { now, tz: TZ, competitors: DEFAULT_COMPETITORS, known: known.map((name) => ({ name })) });
}

describe('the EXPECTED.md note', () => {
  const d = ex('今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对桥梁架设设备二期方案很感兴趣,预算大约600万,担心交付周期。下周三前发送交付计划。', EVENING, ['何军']);

  it('reads type, date, next step and money', () => {
    expect(d.type).toBe('visit');
    expect(d.occurredAt).toBe('2026-11-24T15:00:00+08:00');
    expect(d.dateGiven).toBe(true);
    expect(d.nextStep).toBe('发送交付计划');
    expect(d.nextStepDue).toBe('2026-12-02');
    expect(d.amounts).toEqual([{ value: 6_000_000, currency: 'CNY', kind: 'budget', text: '600万', approximate: true }]);
    expect(d.competitors).toEqual([]);
  });

  it('finds two people: 何军 with his title, and the new 高远 whom 高总 refers to', () => {
    expect(d.people.map((p) => [p.name, p.title, p.newInRole])).toEqual([
      ['何军', '总工', false],
      ['高远', '总经理', true],
    ]);
    expect(d.people[1].attitude).toBe('positive');
    expect(d.signals.map((s) => [s.kind, s.text, s.person])).toEqual([
      ['positive', '很感兴趣', '高远'],
      ['concern', '担心', '高远'],
    ]);
  });

  it('keeps the report as the summary and leaves the next step out of it', () => {
    expect(d.summary).toBe('今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对桥梁架设设备二期方案很感兴趣,预算大约600万,担心交付周期。');
  });
});

describe('interaction type', () => {
  it.each([
    ['下午给马总打了个电话,确认了交付时间', 'call'],
    ['昨晚请刘总吃饭,聊了明年的框架协议', 'dinner'],
    ['上午参加了三方协调会,确认了施工计划', 'meeting'],
    ['微信上和孙部长沟通了付款进度', 'im'],
    ['给周强发了邮件,附上报价单', 'email'],
    ['今天在展会上碰到了何总工', 'event'],
    ['今天上门拜访了唐宁', 'visit'],
    ['Had dinner with the GM of Xingye yesterday', 'dinner'],
    ['Called Lin Xiao this morning about the quote', 'call'],
    ['Met the procurement team on site today', 'visit'],
  ])('%s → %s', (text, type) => {
    expect(ex(text).type).toBe(type);
  });

  it('a call planned in the next step does not make a visit a call', () => {
    expect(ex('今天拜访了何军。周五前电话确认方案').type).toBe('visit');
  });
});

describe('when it happened', () => {
  it('defaults to the time the note was sent when no date is given', () => {
    const d = ex('拜访了兴业建材的唐宁,介绍了保养套餐');
    expect(d.occurredAt).toBe('2026-11-24T18:00:00+08:00');
    expect(d.dateGiven).toBe(false);
  });

  it.each([
    ['昨天拜访了何军', '2026-11-23T10:00:00+08:00'],
    ['前天晚上请刘总吃饭', '2026-11-22T19:00:00+08:00'],
    ['上周五拜访了何军', '2026-11-20T10:00:00+08:00'],
    ['3月12日拜访了何军', '2026-03-12T10:00:00+08:00'],
    ['12月5日拜访了何军', '2025-12-05T10:00:00+08:00'],
    ['今天上午10点半见了何总工', '2026-11-24T10:30:00+08:00'],
    ['Visited He Jun last Friday', '2026-11-20T10:00:00+08:00'],
    ['Met Gao Yuan yesterday afternoon', '2026-11-23T15:00:00+08:00'],
    ['Visited Xingye on March 12th', '2026-03-12T10:00:00+08:00'],
  ])('%s → %s', (text, at) => {
    expect(ex(text).occurredAt).toBe(at);
  });

  it('crosses a month boundary: 昨天 on December 1st is November 30th', () => {
    expect(ex('昨天拜访了何军', new Date('2026-12-01T09:00:00+08:00')).occurredAt).toBe('2026-11-30T10:00:00+08:00');
  });

  it('crosses a year boundary: 上周五 on Saturday 2027-01-02 is 2026-12-25', () => {
    expect(ex('上周五拜访了何军', new Date('2027-01-02T09:00:00+08:00')).occurredAt.slice(0, 10)).toBe('2026-12-25');
    expect(ex('Met He Jun the day before yesterday', new Date('2027-01-01T09:00:00+08:00')).occurredAt.slice(0, 10)).toBe('2026-12-30');
  });

  it('"this afternoon" written in the morning is not in the future', () => {
    expect(ex('今天下午拜访了何军', new Date('2026-11-24T11:00:00+08:00')).occurredAt).toBe('2026-11-24T11:00:00+08:00');
  });
});

describe('next step and due date', () => {
  it.each([
    ['今天拜访了何军。下周三前发送交付计划', '发送交付计划', '2026-12-02'],
    ['今天拜访了何军,周五前给他们报价', '给他们报价', '2026-11-27'],
    ['今天拜访了何军,月底前签合同', '签合同', '2026-11-30'],
    ['今天拜访了何军。下一步:安排试用', '安排试用', null],
    ['今天拜访了何军,我们承诺三天内提供备件清单', '提供备件清单', '2026-11-27'],
    ['Visited He Jun today. Send the delivery plan by next Wednesday.', 'Send the delivery plan', '2026-12-02'],
    ['Met Lin Xiao today. We will send the quote by Friday.', 'send the quote', '2026-11-27'],
    ['Met Lin Xiao. Next step: arrange a site visit by end of month', 'arrange a site visit', '2026-11-30'],
  ])('%s', (text, step, due) => {
    const d = ex(text);
    expect(d.nextStep).toBe(step);
    expect(d.nextStepDue).toBe(due);
  });

  it('a due date across the year boundary lands in the next year', () => {
    const d = ex('今天拜访了何军,下周三前发送交付计划', new Date('2026-12-29T18:00:00+08:00'));
    expect(d.nextStepDue).toBe('2027-01-06');
    expect(ex('拜访了何军,1月5日前提交方案', new Date('2026-12-20T18:00:00+08:00')).nextStepDue).toBe('2027-01-05');
  });

  it('no commitment, no next step', () => {
    const d = ex('今天拜访了何军,对方关注能耗和售后网点覆盖');
    expect(d.nextStep).toBeNull();
    expect(d.nextStepDue).toBeNull();
  });
});

describe('money', () => {
  it.each([
    ['预算约600万', 6_000_000, 'CNY', 'budget'],
    ['项目金额1.2亿', 120_000_000, 'CNY', 'deal'],
    ['报价450万左右', 4_500_000, 'CNY', 'deal'],
    ['预算大概六百万', 6_000_000, 'CNY', 'budget'],
    ['合同额¥3,000,000', 3_000_000, 'CNY', 'deal'],
    ['budget around $1.2M', 1_200_000, 'USD', 'budget'],
    ['a deal of about 6 million yuan', 6_000_000, 'CNY', 'deal'],
    ['they mentioned 500k for spare parts', 500_000, 'CNY', 'other'],
  ])('%s', (text, value, currency, kind) => {
    const [a] = findAmounts(text);
    expect([a.value, a.currency, a.kind]).toEqual([value, currency, kind]);
  });

  it('a length or a count is not money', () => {
    expect(findAmounts('桥长200 m,共20台设备')).toEqual([]);
  });

  it('a figure too large to be an amount is not taken as one', () => {
    expect(findAmounts('对方有一个 99999999999999999亿 的采购项目')).toEqual([]);
    expect(findAmounts('采购项目 99999999亿')).toEqual([]);
    expect(findAmounts('采购项目 9000亿').map((a) => a.value)).toEqual([9e11]);
  });
});

describe('competitors and signals', () => {
  it('finds listed competitors by name or alias, once each', () => {
    expect(ex('马总说三一重工报价更低,徐工也在接触,XCMG 给了账期').competitors).toEqual(['三一', '徐工']);
    expect(ex('They are comparing us with Komatsu and Caterpillar').competitors).toEqual(['小松', '卡特彼勒']);
  });

  it('不满意 is negative, never read as 满意', () => {
    const d = ex('今天拜访了唐宁,唐宁对售后响应不满意');
    expect(d.signals.map((s) => s.kind)).toEqual(['negative']);
  });
});

describe('people', () => {
  it('title before and after the name, department titles, surname references', () => {
    const people = findPeople('拜访设备物资部孙丽部长和采购经理李明,郭董和谢院长也在,李明说了算');
    expect(people.map((p) => [p.name ?? `${p.surname}${p.honorific}`, p.title ?? null, p.decisionRole ?? null])).toEqual([
      ['孙丽', '设备物资部部长', null],
      ['李明', '采购经理', null],
      ['郭董', null, null],
      ['谢院长', '院长', null],
      ['李明', null, 'decision_maker'],
    ]);
  });

  it('does not take a word for a name (新任总经理 is no 任总; 主任总结 is no one)', () => {
    expect(findPeople('主任总结了一下,新任总经理还没到岗')).toEqual([]);
  });

  it('a stated role: 决策人高远, "Gao Yuan ... is the decision maker"', () => {
    expect(ex('拜访北方路桥,决策人高远表示认可').people[0]).toMatchObject({ name: '高远', decisionRole: 'decision_maker' });
    const en = ex('Met the new general manager Gao Yuan. Mr. Gao is the decision maker.');
    expect(en.people).toHaveLength(1);
    expect(en.people[0]).toMatchObject({ name: 'Gao Yuan', title: 'general manager', newInRole: true, decisionRole: 'decision_maker' });
  });

  it('an English surname alone refers to the person named before ("Gao is very interested"), but "He" stays a pronoun', () => {
    const d = ex('Met the new general manager Gao Yuan and engineer He Ming. Gao is very interested. He said the budget is tight.');
    expect(d.people.map((p) => p.name)).toEqual(['Gao Yuan', 'He Ming']);
    expect(d.signals).toEqual([{ kind: 'positive', text: 'interested', person: 'Gao Yuan' }]);
  });

  it.each([
    ['总经理', 'executive'],
    ['集团副总经理', 'executive'],
    ['首席执行官', 'executive'],
    ['副院长', 'executive'],
    ['设备部经理', 'manager'],
    ['机电处处长', 'manager'],
    ['总工', 'manager'],
    ['总经理助理', 'manager'],
    ['采购主管', 'staff'],
    ['采购专员', 'staff'],
    ['VP of Operations', 'executive'],
    ['procurement manager', 'manager'],
    ['buyer', 'staff'],
  ])('%s is %s', (title, level) => {
    expect(levelOfTitle(title)).toBe(level);
  });
});

describe('dates module', () => {
  const ref = { now: EVENING, tz: TZ };
  it('resolves due dates forward and report dates backward', () => {
    expect(findDates('周五', ref, 'future')[0].date).toBe('2026-11-27');
    expect(findDates('周五', ref, 'past')[0].date).toBe('2026-11-20');
    expect(findDates('下个月初', ref, 'future')[0].date).toBe('2026-12-05');
    expect(findDates('by the end of next month', ref, 'future')[0].date).toBe('2026-12-31');
  });

  it('"two points" is not two o\'clock, and "we sat down" is not Saturday', () => {
    expect(findDates('提了两点意见', ref, 'past')).toEqual([]);
    expect(findDates('We sat down with Gao', ref, 'past')).toEqual([]);
  });
});
