// Extraction classes the visit-note corpus found (tests/notes/corpus): each is tested here with
// sentences of its own, not the corpus's, so the fix holds for the class and not for one note.
import { describe, expect, it } from 'vitest';
import { extractNote } from '../../src/conversation/notes/extract/index.ts';
import { correctCueHomophones, detectInteractionType } from '../../src/conversation/notes/extract/interaction-type.ts';
import { findNextStep } from '../../src/conversation/notes/extract/next-step.ts';
import { DEFAULT_COMPETITORS } from '../../src/conversation/notes/competitor-list.ts';
import { recognizeNote } from '../../src/conversation/notes/recognize.ts';
import { matchAccounts } from '../../src/nlu/account-match.ts';
import { normalize } from '../../src/nlu/normalize.ts';

const TZ = 'Asia/Shanghai';
const NOW = new Date('2026-11-24T18:00:00+08:00'); // a Tuesday
const ref = { now: NOW, tz: TZ };
const names = (text: string) => extractNote(text, { ...ref, competitors: DEFAULT_COMPETITORS }).people.map((p) => p.name ?? p.mention);

describe('准备 / 计划 / 需要: "plan to" before a verb, the action before a thing', () => {
  it.each([
    ['下一步:准备投标文件', '准备投标文件'],
    ['下一步:需要技术协议', '需要技术协议'],
    ['下一步:准备发报价', '发报价'],
    ['我们计划下周五签约', '签约'],
  ])('%s → %s', (text, action) => {
    expect(findNextStep(text, ref)?.action).toBe(action);
  });
});

describe('a space parts the clauses of a terse note', () => {
  it('a date in a space-separated part is the due date of that part', () => {
    expect(findNextStep('纪要 钱芳 售后 后天上门', ref)).toMatchObject({ action: '上门', due: '2026-11-26' });
  });
  it('a space inside English words parts nothing', () => {
    expect(findNextStep('send the quote by Friday', ref)).toMatchObject({ action: 'send the quote', due: '2026-11-27' });
  });
});

describe('a name parted from its title by a space', () => {
  it.each([
    ['记一下 杜明远 副总裁 关注交付', ['杜明远']],
    ['记录 宏达 郭伟 采购经理 预算300万', ['郭伟']],
  ])('%s → %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
  it('a name glued to the word before is not taken whole', () => {
    expect(names('讨论了付款 周期 总监')).toEqual([]);
  });
});

describe('interaction words mistyped by a pinyin input method', () => {
  it('are read as meant', () => {
    expect(correctCueHomophones('昨天和他通了电化')).toBe('昨天和他通了电话');
    expect(detectInteractionType('昨天和冯雪通了个电化').type).toBe('call');
    expect(correctCueHomophones('今天天气不错')).toBe('今天天气不错');
  });
  it('make a report a note', () => {
    expect(recognizeNote('上午走仿了江南港务的冯雪经理', ref)?.explicit).toBe(false);
  });
});

describe('reports without an interaction verb', () => {
  it.each(['昨天到江南港务,冯雪说正面吊修好了', '西山矿业 钱芳 演示很顺利', '兴业建材 唐宁 demo很成功'])('a report: %s', (text) => {
    expect(recognizeNote(text, ref)).toBeTruthy();
  });
  it.each(['去年西山矿业买了多少', '今天去北方路桥吗', '西山矿业的演示记录'])('not a report: %s', (text) => {
    expect(recognizeNote(text, ref)).toBeUndefined();
  });
});

describe('a numbered subsidiary named in English', () => {
  const accounts = [
    { id: 'G', name: '中建华东工程集团', aliases: ['中建华东'], parent_id: null },
    { id: 'S1', name: '中建华东第一工程公司', aliases: ['华东一公司'], parent_id: 'G' },
    { id: 'S2', name: '中建华东第二工程公司', aliases: ['华东二公司'], parent_id: 'G' },
  ];
  it.each([
    ['visited huadong no.1 today', 'S1'],
    ['met Huang at Huadong No. 2', 'S2'],
    ['zhongjian huadong 2nd engineering', 'S2'],
    ['called zhongjian huadong', 'G'],
  ])('%s → %s', (text, id) => {
    expect(matchAccounts(accounts, normalize(text))[0]?.account.id).toBe(id);
  });
});
