// 新任 before a department title is not part of the title (新任设备部部长 → 设备部部长, new in
// role); 开完会 is a meeting; 48小时内 is a deadline, due the day the hours run out.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPETITORS } from '../../src/conversation/notes/competitor-list.ts';
import { extractNote } from '../../src/conversation/notes/extract/index.ts';
import { detectInteractionType } from '../../src/conversation/notes/extract/interaction-type.ts';
import { findNextStep } from '../../src/conversation/notes/extract/next-step.ts';

const ref = { now: new Date('2026-11-24T18:00:00+08:00'), tz: 'Asia/Shanghai' };
const people = (t: string) => extractNote(t, { ...ref, competitors: DEFAULT_COMPETITORS, known: [] }).people.map((p) => [p.name, p.title, p.newInRole]);

describe('a qualifier before a department title', () => {
  it.each([
    ['见了新任设备部部长王志刚', [['王志刚', '设备部部长', true]]],
    ['新来的采购部经理王海涛', [['王海涛', '采购部经理', true]]],
    ['新任总经理高远', [['高远', '总经理', true]]],
    ['设备部部长王志刚', [['王志刚', '设备部部长', false]]],
  ])('%s', (text, want) => {
    expect(people(text)).toEqual(want);
  });
});

describe('开完会 is a meeting', () => {
  it.each(['刚和北方路桥肖总工开完会', '开完了协调会', '下午开完会'])('%s', (text) => {
    expect(detectInteractionType(text).type).toBe('meeting');
  });
});

describe('a deadline in hours', () => {
  it.each([
    ['要求48小时内派人', '派人', '2026-11-26'],
    ['24小时内回复', '回复', '2026-11-25'],
    ['3个小时内给答复', '给答复', '2026-11-25'],
  ])('%s', (text, action, due) => {
    const s = findNextStep(text, ref);
    expect(s && { action: s.action, due: s.due }).toEqual({ action, due });
  });
});
