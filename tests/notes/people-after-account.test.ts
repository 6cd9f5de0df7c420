// A surname reference written straight after the account's name (西山矿业马总来访) is a person.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPETITORS } from '../../src/conversation/notes/competitor-list.ts';
import { extractNote } from '../../src/conversation/notes/extract/index.ts';

const at = { now: new Date('2026-11-24T18:00:00+08:00'), tz: 'Asia/Shanghai', competitors: DEFAULT_COMPETITORS, known: [] };
const refs = (t: string) => extractNote(t, at).people.map((p) => p.name ?? `${p.surname}${p.honorific}`);

describe('surname + honorific right after a name', () => {
  it.each([
    ['西山矿业马总来访 带他参观了工厂', ['马总']],
    ['中建华东刘总来电话了', ['刘总']],
    ['华东一公司黄总说下个月签', ['黄总']],
  ])('%s', (text, want) => {
    expect(refs(text)).toEqual(want);
  });

  it('is not fooled by words containing 总', () => {
    expect(refs('这个月总共见了三次')).toEqual([]);
    expect(refs('设备采购600万总价不变')).toEqual([]);
  });
});
