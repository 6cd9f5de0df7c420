// Notes that report what a contact said or complained about without a channel word
// ("秦总经理说价格太高了", "肖部长投诉液压漏油"), and English notes that open with "Call with …":
// they are notes, never questions; a complaint record asked about stays a question.
import { describe, expect, it } from 'vitest';
import { recognizeNote } from '../../src/conversation/notes/recognize.ts';

const ref = { now: new Date('2026-11-24T18:00:00+08:00'), tz: 'Asia/Shanghai' };

describe('reported speech and complaints are notes', () => {
  it.each([
    '华中水泥秦亚楠总经理说我们的价格太高了,小松报价低了15%,要我们两周内重新报价',
    '中建华东肖永强部长投诉上个月交付的挖掘机液压系统漏油很不满意要求两周内派人处理',
    '兴业建材唐宁反映上周到的配件有质量问题',
    '西山矿业的吴刚抱怨了一通发动机的问题,三天之内给他答复',
    '北方路桥何总工表示预算被砍了一半',
    '他说项目推迟到明年了',
    'Call with Lucia Tan (Sunda Mining procurement), budget is 1,200万元, need the tech spec end of month',
    'Meeting with Ma Zhenhua at Xishan Mining, they need the revised quote within a week',
    'Lunch with Feng Xue, she wants a better service price',
  ])('%s', (text) => {
    expect(recognizeNote(text, ref)).toEqual({ body: text, explicit: false });
  });
});

describe('complaint records and questions stay questions', () => {
  it.each([
    '中建华东上个月的投诉',
    '北方路桥的投诉情况',
    '西山矿业有哪些投诉没处理',
    '唐宁说了什么',
    '何总说的那个项目',
    'Call with Lucia Tan?',
    'meeting with Ma Zhenhua',
  ])('%s', (text) => {
    expect(recognizeNote(text, ref)).toBeUndefined();
  });
});
