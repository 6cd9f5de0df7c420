// Next steps whose date phrase is a deadline by itself (两周内, 三天之内, "within a week",
// "end of month", after 要 / 要求) and next steps due by a quarter (Q1前, 一季度内, 下季度前,
// "by next quarter"). At 2026-11-24 18:00 (+08:00), a Tuesday in Q4.
import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/conversation/notes/extract/dates.ts';
import { findNextStep } from '../../src/conversation/notes/extract/next-step.ts';

const ref = { now: new Date('2026-11-24T18:00:00+08:00'), tz: 'Asia/Shanghai' };
const step = (t: string) => {
  const s = findNextStep(t, ref);
  return s && { action: s.action, due: s.due };
};

describe('a deadline in the date phrase itself', () => {
  it.each([
    ['小松报价低了15%,要我们两周内重新报价', '重新报价', '2026-12-08'],
    ['很不满意要求两周内派人处理', '派人处理', '2026-12-08'],
    ['抱怨了一通,三天之内给他答复', '给他答复', '2026-11-27'],
    ['need the tech spec end of month', 'need the tech spec', '2026-11-30'],
    ['they need the revised quote within a week', 'they need the revised quote', '2026-12-01'],
  ])('%s', (text, action, due) => {
    expect(step(text)).toEqual({ action, due });
  });
});

describe('due by a quarter', () => {
  it.each([
    // Before a quarter still ahead: by the day before it starts (as 下周前 is by this week's end).
    ['Q1前要出方案', '出方案', '2026-12-31'],
    ['一季度前要出方案', '出方案', '2026-12-31'],
    ['下季度前给方案', '给方案', '2026-12-31'],
    ['Q3前签合同', '签合同', '2027-06-30'],
    // Within or by the end of a quarter: its last day.
    ['一季度内签框架协议', '签框架协议', '2027-03-31'],
    ['三季度末前回款', '回款', '2027-09-30'],
    ['本季度内签合同', '签合同', '2026-12-31'],
    ['明年第一季度内完成交付', '完成交付', '2027-03-31'],
    ['send the proposal by next quarter', 'send the proposal', '2027-03-31'],
  ])('%s', (text, action, due) => {
    expect(step(text)).toEqual({ action, due });
  });

  it('a quarter after a space in a terse note is its own clause', () => {
    expect(step('他对新款矿卡很满意 Q1前要出方案')).toEqual({ action: '出方案', due: '2026-12-31' });
  });

  it('a quarter never dates a visit', () => {
    expect(findDates('Q1签的合同', ref, 'past')).toEqual([]);
  });
});
