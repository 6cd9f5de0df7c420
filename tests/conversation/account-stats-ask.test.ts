// What an average or a total over accounts asks for, read from the text alone.
import { describe, expect, it } from 'vitest';
import { onlyAFigure, statsAsked } from '../../src/conversation/tools/account-stats-ask.ts';
import { titleForms } from '../../src/nlu/contacts.ts';

describe('statsAsked', () => {
  const cases: [string, ReturnType<typeof statsAsked>][] = [
    ['s级客户的健康分平均多少', { aggregate: 'average', metric: 'health' }],
    ['what is the average health score of my a-tier accounts', { aggregate: 'average', metric: 'health' }],
    ['s级客户平均预算执行率', { aggregate: 'average', metric: 'budget_execution' }],
    ['李娜的客户平均预算是多少', { aggregate: 'average', metric: 'budget' }],
    ['团队今年订单合计多少', { aggregate: 'sum', metric: 'orders_amount' }],
    ['b级客户去年平均下了几单', { aggregate: 'average', metric: 'orders_count' }],
    ['华东区客户的商机总额', { aggregate: 'sum', metric: 'pipeline' }],
    ['total contract value of my accounts', { aggregate: 'sum', metric: 'contracts' }],
    ['我的客户平均有几个未解决工单', { aggregate: 'average', metric: 'open_tickets' }],
    // An average of something not held: asked, with no figure.
    ['我的客户平均员工数', { aggregate: 'average', metric: undefined }],
    // A total that is a count of accounts or visits is someone else's question.
    ['团队一共有多少个客户', undefined],
    ['张伟这个月一共拜访了几次', undefined],
    ['中建华东的健康分', undefined],
  ];
  for (const [text, want] of cases) it(`"${text}"`, () => expect(statsAsked(text)).toEqual(want));
});

describe('onlyAFigure', () => {
  it('a figure word taken for a name is no name', () => {
    expect(onlyAFigure('health')).toBe(true);
    expect(onlyAFigure('acme')).toBe(false);
    expect(onlyAFigure('acme health')).toBe(false);
  });
});

describe('a total is not a person', () => {
  it('合同总金额 and 商机总额 name no Mr. Tong or Mr. Ji; 王总 is still Mr. Wang', () => {
    expect(titleForms('团队生效合同总金额')).toEqual([]);
    expect(titleForms('华东区客户的商机总额')).toEqual([]);
    expect(titleForms('订单总数')).toEqual([]);
    expect(titleForms('上次见王总是什么时候').map((f) => f.text)).toEqual(['王总']);
    expect(titleForms('王总和李总计划下周来访').map((f) => f.text)).toEqual(['王总', '李总']);
    expect(titleForms('王总额外要求一份报价').map((f) => f.text)).toEqual(['王总']);
  });
});
