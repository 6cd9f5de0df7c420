// Which language a message is answered in.
import { describe, expect, it } from 'vitest';
import { detectLang } from '../../prompts/index.ts';

describe('detectLang', () => {
  const cases: [string, 'zh' | 'en'][] = [
    ['中建华东最近一次高层拜访是什么时候?', 'zh'],
    ['Who is the decision maker at Acme?', 'en'],
    // English around a Chinese name: English.
    ['When did we last meet 刘建国?', 'en'],
    ['who is the delivery manager of 西山矿业集团', 'en'],
    ['which accounts does 李娜 handle', 'en'],
    ['follow up with 王总 next Tuesday about the contract', 'en'],
    // English words around names only, without English function words: English.
    ['visited 北方路桥 today', 'en'],
    ['contracts 中建华东?', 'en'],
    ['health 西山矿业', 'en'],
    ['open tickets 江南港务集团', 'en'],
    ['Budget execution 華瑞集團', 'en'],
    ['decision maker 刘建国', 'en'],
    // Chinese around English names or terms: Chinese.
    ['Acme Health Systems 合同', 'zh'],
    ['帮我看下 Acme Health Systems 的合同', 'zh'],
    ['中建华东的CRM怎么样', 'zh'],
    ['ZJHD 合同', 'zh'],
    ['江南港务有没有提到过pricing?', 'zh'],
    // A Latin brand, model or acronym inside Chinese; Chinese words beside an English name: Chinese.
    ['三一SY215的报价', 'zh'],
    ['三一SY215报价', 'zh'],
    ['徐工XE370 价格', 'zh'],
    ['ZJHD 西山矿业', 'zh'],
    ['Acme 预算', 'zh'],
    ['Jiangnan Port 最近一次拜访', 'zh'],
    ['David Kim 的邮箱', 'zh'],
    ['pricing 有没有人提过', 'zh'],
  ];
  for (const [text, lang] of cases) it(`"${text}" → ${lang}`, () => expect(detectLang(text, 'zh')).toBe(lang));

  it('no letters at all: the fallback', () => {
    expect(detectLang('12345', 'en')).toBe('en');
    expect(detectLang('???', 'zh')).toBe('zh');
  });
});
