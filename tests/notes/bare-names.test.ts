// A new person named without a title is read only where nothing but a person can stand: after
// 和/跟 with a contact verb (和何军通了电话), after a meeting verb (拜访了孙丽和赵强), after the
// account's 的, or after an English verb ("Met Wang Jun", "call with 何军"). Colleagues never are.
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPETITORS } from '../../src/conversation/notes/competitor-list.ts';
import { extractNote } from '../../src/conversation/notes/extract/index.ts';

const at = { now: new Date('2026-11-24T18:00:00+08:00'), tz: 'Asia/Shanghai', competitors: DEFAULT_COMPETITORS, known: [] };
const names = (t: string, extra: { organisations?: string[]; colleagues?: string[] } = {}) =>
  extractNote(t, { ...at, organisations: ['北方路桥'], ...extra }).people.map((p) => p.name ?? `${p.surname}${p.honorific}`);

describe('new names without a title', () => {
  it.each([
    ['今天和北方路桥的何军通了电话,他们担心交付', ['何军']],
    ['跟王建国吃了饭,聊了明年的预算', ['王建国']],
    ['和周敏聊了聊预算', ['周敏']],
    ['与郑伟会面,确认了交付时间', ['郑伟']],
    ['今天拜访了北方路桥,见了孙丽和赵强,聊了交付计划', ['孙丽', '赵强']],
    ['拜访了何军,他说下周签', ['何军']],
    ['约了李晓明下周见面', ['李晓明']],
    ['北方路桥的何军说预算批了', ['何军']],
    ['Had a call with 何军 from 北方路桥 today', ['何军']],
    ['Met 何军 and 孙丽 at 北方路桥', ['何军', '孙丽']],
    ['Met Wang Jun at Beifang Lu Qiao today, he wants a quote by Friday', ['Wang Jun']],
    ['Called Wang Jian Guo, he asked for a quote', ['Wang Jian Guo']],
    ['lunch with Jun Wang to talk about the renewal', ['Jun Wang']],
  ])('%s', (text, want) => {
    expect(names(text)).toEqual(want);
  });

  it.each([
    '和安装队交流了进度',
    '和安监站沟通了检查安排',
    '和施工方沟通了工期',
    '和高层见面了',
    '见到了成效,客户很满意',
    '拜访了华东一公司',
    '约了时间下周见面',
    '跟进度很慢',
    'had a call with Beifang Lu Qiao about the delivery',
    'Met John Smith at the expo',
    'Visited Sunda Mining today',
  ])('no one in %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('never takes a colleague who came along for a new contact', () => {
    expect(names('和张伟一起拜访了北方路桥,和张伟聊了交付', { colleagues: ['张伟'] })).toEqual([]);
    expect(names('Met Zhang Wei at the site', { colleagues: ['张伟'] })).toEqual([]);
    expect(names('和张伟聊了交付')).toEqual(['张伟']);
  });
});
