// Extraction faults of a character-rule reader, fixed by reading words (jieba with the note's own
// vocabulary): a name that runs into the next word, part of the account's name read as a person,
// a competitor brand read as a person; and next steps in English or around a mistyped 在.
import { describe, expect, it } from 'vitest';
import { extractNote } from '../../src/conversation/notes/extract/index.ts';
import { segment } from '../../src/conversation/notes/extract/segment.ts';
import { DEFAULT_COMPETITORS } from '../../src/conversation/notes/competitor-list.ts';
import { resolvePeople } from '../../src/conversation/notes/resolve-people.ts';
import type { Contact } from '../../src/domain/types.ts';

const TZ = 'Asia/Shanghai';
const NOW = new Date('2026-11-24T18:00:00+08:00'); // a Tuesday

function ex(text: string, opts: { known?: string[]; organisations?: string[] } = {}) {
  return extractNote(text, { now: NOW, tz: TZ, competitors: DEFAULT_COMPETITORS, known: (opts.known ?? []).map((name) => ({ name })), organisations: opts.organisations });
}
const names = (text: string, opts?: { known?: string[]; organisations?: string[] }) => ex(text, opts).people.map((p) => p.name ?? p.mention);

describe('a name ends where the next word starts', () => {
  it.each([
    ['和新来的采购总监赵磊吃饭,聊了设备更新', ['赵磊']],
    ['跟设备部经理钱伟喝茶聊了聊', ['钱伟']],
    ['见了采购经理周敏谈价格', ['周敏']],
    ['技术总监郑浩看了方案很满意', ['郑浩']],
    ['今天拜访了总经理黄晓明,他很支持', ['黄晓明']],
  ])('%s → %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe('organisations and competitors are never people', () => {
  it('part of the account name before a title is not a person', () => {
    expect(names('北方路桥总经理高远今天见了', { organisations: ['北方路桥'] })).toEqual(['高远']);
    // Even without the account's names: 北方 is a word the name would cut.
    expect(names('北方路桥总经理高远今天见了')).toEqual(['高远']);
    expect(names('西山矿业机电处处长钱芳也在', { organisations: ['西山矿业'] })).toEqual(['钱芳']);
  });

  it('a competitor brand that looks like surname + honorific is a competitor', () => {
    const d = ex('三一和徐工都在报价,马总说再看看');
    expect(d.competitors).toEqual(['三一', '徐工']);
    expect(d.people.map((p) => p.mention)).toEqual(['马总']);
  });

  it('a word ending in a surname before a title names nobody (公司总经理)', () => {
    expect(names('去了他们公司总经理办公室,谈了续约')).toEqual([]);
  });
});

describe('the segmenter', () => {
  it('keeps the vocabulary whole and gives offsets into the text', () => {
    const text = '何军总工说三一报价低';
    const tokens = segment(text, [{ word: '何军', kind: 'person' }, { word: '三一', kind: 'competitor' }]);
    expect(tokens.map((t) => t.word).join('')).toBe(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word);
    expect(tokens.find((t) => t.word === '何军')?.kind).toBe('person');
    expect(tokens.find((t) => t.word === '三一')?.kind).toBe('competitor');
  });
});

describe('a surname + honorific at an account with one person of that surname', () => {
  const contact = (id: string, name: string, title: string | null, level: Contact['level']): Contact =>
    ({ id, account_id: 'A', name, title, department: null, decision_role: null, level, attitude: null, phone: null, email: null, active: true }) as Contact;
  const person = { name: null, surname: '马', honorific: '总', title: null, decisionRole: null, newInRole: false, attitude: null, mention: '马总' };

  it('is that person even when the title on record does not fit the honorific', () => {
    const [r] = resolvePeople([person], [contact('C1', '马振华', '机电处处长', 'manager'), contact('C2', '钱芳', '总经理', 'executive')]);
    expect(r).toMatchObject({ kind: 'existing', contact: { id: 'C1' } });
  });

  it('among two of that surname, the title still decides, and two fitting ones are asked about', () => {
    const [one] = resolvePeople([person], [contact('C1', '马振华', '总经理', 'executive'), contact('C2', '马丽', '采购专员', 'staff')]);
    expect(one).toMatchObject({ kind: 'existing', contact: { id: 'C1' } });
    const [two] = resolvePeople([person], [contact('C1', '马振华', '机电处处长', 'manager'), contact('C2', '马丽', '采购专员', 'staff')]);
    expect(two.kind).toBe('unknown');
  });
});

describe('next steps', () => {
  it.each([
    ['Met Lin Xiao at Lanhai today, follow up next Tuesday', 'follow up', '2026-12-01'],
    ['Called Tang Ning, send the revised quote by Friday', 'send the revised quote', '2026-11-27'],
    ['Visited Xingye, will circle back next week', 'circle back', '2026-12-04'],
    ['今天拜访了何总,在下周三前把优惠方案发过去', '把优惠方案发过去', '2026-12-02'],
    ['今天拜访了何总,下周二在把优惠方案发过去', '把优惠方案发过去', '2026-12-01'],
  ])('%s → %s, due %s', (text, step, due) => {
    const d = ex(text);
    expect(d.nextStep).toBe(step);
    expect(d.nextStepDue).toBe(due);
  });

  it('a report in English is not a next step', () => {
    expect(ex('Visited Xingye on March 12th and met the buyer').nextStep).toBeNull();
  });
});
