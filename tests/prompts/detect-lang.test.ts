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
    // Chinese around English names or terms: Chinese.
    ['Acme Health Systems 合同', 'zh'],
    ['帮我看下 Acme Health Systems 的合同', 'zh'],
    ['中建华东的CRM怎么样', 'zh'],
    ['ZJHD 合同', 'zh'],
    ['江南港务有没有提到过pricing?', 'zh'],
  ];
  for (const [text, lang] of cases) it(`"${text}" → ${lang}`, () => expect(detectLang(text, 'zh')).toBe(lang));

  it('no letters at all: the fallback', () => {
    expect(detectLang('12345', 'en')).toBe('en');
    expect(detectLang('???', 'zh')).toBe('zh');
  });
});
