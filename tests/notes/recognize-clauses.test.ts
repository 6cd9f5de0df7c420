// A note told in several clauses with no past marker ("跟中建华东武总通电话，确认框架协议续签，
// 金额3.5亿，年底前签字") is a note; a plan told the same way, or a question, is not.
import { describe, expect, it } from 'vitest';
import { recognizeNote } from '../../src/conversation/notes/recognize.ts';

const ref = { now: new Date('2026-11-24T18:00:00+08:00'), tz: 'Asia/Shanghai' };

describe('a report in clauses', () => {
  it.each([
    '跟中建华东刘总通电话，确认框架协议续签，金额3.5亿，年底前签字',
    '和兴业建材唐宁吃饭 聊付款进度 下个月初能付',
    '拜访北方路桥何总工,二期方案基本认可,预算600万,等招标',
  ])('%s', (text) => {
    expect(recognizeNote(text, ref)).toEqual({ body: text, explicit: false });
  });

  it.each([
    '下周去北方路桥拜访何总工，带上新方案，谈二期价格',
    '准备跟中建华东刘总通电话，确认框架协议续签，金额3.5亿',
    '中建华东框架协议续签,金额多少,什么时候签',
    '跟中建华东刘总通电话',
  ])('not a note: %s', (text) => {
    expect(recognizeNote(text, ref)).toBeUndefined();
  });
});
