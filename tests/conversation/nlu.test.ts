// Offline NLU pieces without a database: account mention matching (names, aliases, partial names,
// pinyin/English renderings, specificity, ambiguity), numbers, durations, dates, leftovers,
// title forms, and reply formatting.
import { describe, expect, it } from 'vitest';
import { matchAccounts, nameSimilarity, shortName, type AccountName } from '../../src/nlu/account-match.ts';
import { closestNames, decideMention } from '../../src/nlu/accounts.ts';
import { titleForms } from '../../src/nlu/contacts.ts';
import { extractDateRange } from '../../src/nlu/dates.ts';
import { leftoverName } from '../../src/nlu/leftover.ts';
import { normalize } from '../../src/nlu/normalize.ts';
import { extractDuration, extractYear, parseNumber } from '../../src/nlu/numbers.ts';
import { formatAmount, formatDateShort, formatPercent, joinList } from '../../src/tools/format.ts';

const names: AccountName[] = [
  { id: 'A100', name: '中建华东工程集团', aliases: ['中建华东', '华东工程'], parent_id: null },
  { id: 'A101', name: '中建华东第一工程公司', aliases: ['华东一公司'], parent_id: 'A100' },
  { id: 'A102', name: '中建华东第二工程公司', aliases: ['华东二公司'], parent_id: 'A100' },
  { id: 'A200', name: '西山矿业集团', aliases: ['西山矿业'], parent_id: null },
  { id: 'A300', name: '江南港务集团', aliases: ['江南港务'], parent_id: null },
  { id: 'A400', name: '北方路桥建设有限公司', aliases: ['北方路桥'], parent_id: null },
  { id: 'A500', name: '蓝海新能源科技有限公司', aliases: ['蓝海新能源'], parent_id: null },
  { id: 'A600', name: '兴业建材有限公司', aliases: ['兴业建材'], parent_id: null },
];

function resolve(text: string, list = names) {
  const norm = normalize(text);
  return decideMention(matchAccounts(list, norm), list, norm);
}
const found = (text: string, list = names) => {
  const m = resolve(text, list);
  return m.kind === 'found' ? m.account.id : m.kind;
};

describe('account mentions', () => {
  it.each([
    ['中建华东工程集团的合同', 'A100'],
    ['中建华东最近一次高层拜访', 'A100'],
    ['华东工程的预算', 'A100'],
    ['华东一公司的工单', 'A101'],
    ['中建华东第二工程公司有投诉吗', 'A102'],
    ['西山的合同', 'A200'],
    ['江南港务集团', 'A300'],
    ['北方路桥建设的决策人', 'A400'],
    ['蓝海的商机', 'A500'],
  ])('%s → %s', (text, id) => expect(found(text)).toBe(id));

  it.each([
    ['When did we last meet an executive at Xishan Mining?', 'A200'],
    ['xishan budget', 'A200'],
    ['Jiangnan Port contracts', 'A300'],
    ['JIANGNAN GANGWU', 'A300'],
    ['North Road Bridge decision chain', 'A400'],
    ['Beifang Luqiao', 'A400'],
    ['Zhongjian Huadong subsidiaries', 'A100'],
    ['Huadong Yi Gongsi tickets', 'A101'],
    ['Lanhai New Energy pipeline', 'A500'],
    ['xingye jiancai', 'A600'],
  ])('Latin rendering %s → %s', (text, id) => expect(found(text)).toBe(id));

  it('prefers the most specific account: a subsidiary over its group', () => {
    expect(found('华东一公司的合同')).toBe('A101');
    expect(found('中建华东第一工程公司')).toBe('A101');
  });

  it('takes the group when a partial name fits the group and its subsidiaries alike', () => {
    expect(found('华东的合同')).toBe('A100');
  });

  it('reports two unrelated accounts that match equally as ambiguous', () => {
    const list = [...names, { id: 'A700', name: '西山水泥有限公司', aliases: ['西山水泥'], parent_id: null }];
    const m = resolve('西山的合同', list);
    expect(m.kind).toBe('ambiguous');
    if (m.kind === 'ambiguous') expect(m.candidates.map((c) => c.id).sort()).toEqual(['A200', 'A700']);
    expect(found('西山矿业的合同', list)).toBe('A200');
  });

  it('does not match generic or industry words alone', () => {
    for (const text of ['集团的合同', '工程公司', 'mining companies', 'an executive meeting', 'the group company', '矿业客户有哪些', 'new energy accounts']) {
      expect(resolve(text).kind, text).toBe('none');
    }
  });

  it('only considers the names it is given (visibility is the caller\'s list)', () => {
    const visible = names.filter((n) => n.id !== 'A200');
    expect(resolve('西山矿业的合同什么时候到期?', visible).kind).toBe('none');
    expect(closestNames('西山矿业', visible)).toEqual([]);
  });

  it('suggests close visible names for misspellings', () => {
    expect(closestNames('西三矿业', names).map((n) => n.id)).toEqual(['A200']);
    expect(closestNames('xishen mining', names).map((n) => n.id)).toEqual(['A200']);
    expect(nameSimilarity('兴业建材', names[3])).toBe(0);
  });

  it('strips legal forms for the short name', () => {
    expect(shortName('北方路桥建设有限公司')).toBe('北方路桥建设');
    expect(shortName('西山矿业集团')).toBe('西山矿业');
  });
});

describe('leftover names (an account nobody matched)', () => {
  const vocab = { zh: ['合同', '到期', '工单', '未解决', '高层', '互动', '团队', '超过'], en: ['contracts', 'meet', 'executive', 'phone'] };
  it.each([
    ['西山矿业的合同什么时候到期?', '西山矿业'],
    ['When did we last meet an executive at Foo Mining?', 'foo mining'],
    ['那他们的合同呢?', undefined],
    ['我团队里哪些客户超过30天没有高层互动?', undefined],
    ['未来60天有哪些合同到期?', undefined],
    ["What's Liu's phone number?", 'liu'],
    ['中信重工最近一次拜访是什么时候?', '中信重工'],
    ['跟金川有色的合同', '金川有色'],
    ['西山矿业和江南港务的合同', '西山矿业'],
    // What follows 谈到 / about is the topic: the name is looked for before it.
    ['上次和西山矿业谈到发动机问题是什么时候?', '西山矿业'],
    ['What did Foo Mining say about delivery schedules?', 'foo mining'],
    ['上次谈到西山矿业是什么时候?', '西山矿业'],
  ])('%s → %s', (text, span) => expect(leftoverName(text, vocab)).toBe(span));
});

describe('numbers, durations, years', () => {
  it.each([
    ['30', 30],
    ['三十', 30],
    ['两', 2],
    ['十五', 15],
    ['一百二十', 120],
    ['abc', undefined],
  ])('parseNumber(%s) = %s', (s, n) => expect(parseNumber(s)).toBe(n));

  it.each([
    ['超过30天没有互动', 30],
    ['三十天以上', 30],
    ['两个月没联系', 60],
    ['两周', 14],
    ['no contact for over 6 weeks', 42],
    ['in the last 90 days', 90],
    ['a month', 30],
    ['11月10日', undefined],
  ])('extractDuration(%s) = %s days', (s, d) => expect(extractDuration(normalize(s))?.days).toBe(d));

  it('reads the year', () => {
    expect(extractYear('今年预算', 2026)).toEqual({ year: 2026, explicit: true });
    expect(extractYear('去年预算', 2026).year).toBe(2025);
    expect(extractYear('budget 2024', 2026).year).toBe(2024);
    expect(extractYear('预算执行', 2026)).toEqual({ year: 2026, explicit: false });
  });
});

describe('date ranges, against --at 2026-11-24 (a Tuesday) in Asia/Shanghai', () => {
  const now = new Date('2026-11-24T10:00:00+08:00');
  const range = (s: string) => {
    const r = extractDateRange(s, normalize(s), now, 'Asia/Shanghai');
    return r && [r.from, r.to];
  };
  it.each([
    ['最近30天', ['2026-10-25', '2026-11-24']],
    ['last 2 weeks', ['2026-11-10', '2026-11-24']],
    ['未来60天到期', ['2026-11-24', '2027-01-23']],
    ['上个月', ['2026-10-01', '2026-10-31']],
    ['last month', ['2026-10-01', '2026-10-31']],
    ['本周', ['2026-11-23', '2026-11-29']],
    ['上周', ['2026-11-16', '2026-11-22']],
    ['下个月初', ['2026-12-01', '2026-12-10']],
    ['月底前', ['2026-11-24', '2026-11-30']],
    ['昨天', ['2026-11-23', '2026-11-23']],
    ['上周五', ['2026-11-20', '2026-11-20']],
    ['11月10日', ['2026-11-10', '2026-11-10']],
    ['last Friday', ['2026-11-20', '2026-11-20']],
    ['since October 1', ['2026-10-01', '2026-11-24']],
    ['上半年的订单', ['2026-01-01', '2026-06-30']],
    ['去年下半年', ['2025-07-01', '2025-12-31']],
    ['2025年上半年', ['2025-01-01', '2025-06-30']],
    ['first half of 2025', ['2025-01-01', '2025-06-30']],
    ['H2 orders', ['2026-07-01', '2026-12-31']],
    ['since October', ['2026-10-01', '2026-11-24']],
    ['10月以来', ['2026-10-01', '2026-11-24']],
    ['今年10月以来', ['2026-10-01', '2026-11-24']],
    ['从十二月开始', ['2025-12-01', '2026-11-24']],
    ['3月份的订单', ['2026-03-01', '2026-03-31']],
    ['2025年3月', ['2025-03-01', '2025-03-31']],
    ['orders in May', ['2026-05-01', '2026-05-31']],
    ['last March', ['2026-03-01', '2026-03-31']],
    ['you may see it', undefined],
    ['中建华东的合同', undefined],
  ])('%s → %j', (s, want) => expect(range(s)).toEqual(want));
});

describe('people forms', () => {
  it('finds surname + title forms and skips non-surnames', () => {
    expect(titleForms('王总和刘总工,还有谢院长').map((f) => f.text)).toEqual(['王总', '刘总工', '谢院长']);
    expect(titleForms('副总经理和老总').map((f) => f.text)).toEqual([]);
  });
});

describe('reply formatting', () => {
  it('formats amounts, percentages, dates and lists per language', () => {
    expect(formatAmount(17_000_000, 'zh')).toBe('1,700万');
    expect(formatAmount(17_000_000, 'en')).toBe('¥17,000,000');
    expect(formatAmount(120_000_000, 'zh')).toBe('1.2亿');
    expect(formatAmount(5000, 'zh')).toBe('¥5,000');
    expect(formatAmount(null, 'en')).toBe('unknown');
    expect(formatPercent(0.85)).toBe('85%');
    expect(formatPercent(0.8959)).toBe('89.6%');
    expect(formatDateShort('2026-11-10', 'zh')).toBe('11月10日');
    expect(formatDateShort('2027-01-10', 'en', 2026)).toBe('Jan 10, 2027');
    expect(joinList(['甲', '乙', '丙'], 'zh')).toBe('甲、乙、丙');
    expect(joinList(['A', 'B', 'C'], 'en')).toBe('A, B and C');
  });
});

describe('recognizeQuestion (for turn handlers that must not swallow questions)', async () => {
  const { recognizeQuestion } = await import('../../src/conversation/question.ts');
  const now = new Date('2026-11-24T10:00:00+08:00');
  it.each([
    ['last executive meeting with Zhongjian Huadong', 'last_interaction'],
    ['何总工的电话', 'contact_lookup'],
    ['中建华东的合同什么时候到期', 'contracts'],
    ['西山矿业的预算执行', 'budget_execution'],
  ])('%s → %s', (text, tool) => expect(recognizeQuestion(text, /[a-z]/i.test(text) ? 'en' : 'zh', now, 'Asia/Shanghai')?.tool).toBe(tool));
  it('does not claim gibberish', () => {
    expect(recognizeQuestion('asdkjh qwpoeiru', 'en', now, 'Asia/Shanghai')).toBeUndefined();
  });
});
