// Pure parts of retrieval: splitting, the offline embedder, keyword terms, query analysis, fusion.
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, splitIntoPassages } from '../../src/retrieval/chunking.ts';
import { embedText, HASH_EMBEDDER_DIM, hashEmbedder } from '../../src/retrieval/hash-embedder.ts';
import { keywordGrams, keywordTerms, termHash } from '../../src/retrieval/grams.ts';
import { analyzeQuery, questionTopic } from '../../src/retrieval/query.ts';
import { reciprocalRankFusion } from '../../src/retrieval/rrf.ts';
import { composeSource } from '../../src/retrieval/sources.ts';

const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('splitIntoPassages', () => {
  it('keeps a short note whole', async () => {
    expect(await splitIntoPassages('  拜访马总，确认明年更新20台矿用挖掘机。 ')).toEqual(['拜访马总，确认明年更新20台矿用挖掘机。']);
  });
  it('cuts a long Chinese note at sentence ends, keeping 。！？ with their sentence', async () => {
    const sentence = (i: number) => `第${i}次沟通：客户关注交付周期、备件价格和售后网点覆盖情况，要求我们在下周前给出书面答复与报价明细${i % 2 ? '。' : '！'}`;
    const text = Array.from({ length: 12 }, (_, i) => sentence(i + 1)).join('');
    const parts = await splitIntoPassages(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(CHUNK_SIZE);
      expect(p).toMatch(/^第\d+次/);
      expect(p).toMatch(/[。！]$/);
    }
    // Every sentence survives in some passage.
    for (let i = 1; i <= 12; i++) expect(parts.some((p) => p.includes(sentence(i)))).toBe(true);
  });
  it('splits on line breaks first', async () => {
    const a = '甲'.repeat(200);
    const b = '乙'.repeat(200);
    expect(await splitIntoPassages(`${a}\n${b}`)).toEqual([a, b]);
  });
});

describe('offline embedder', () => {
  it('is deterministic, unit length and fixed dimension', async () => {
    const [v1, v2] = await hashEmbedder().embed(['矿用自卸车发动机故障', '矿用自卸车发动机故障']);
    expect(v1).toHaveLength(HASH_EMBEDDER_DIM);
    expect(v1).toEqual(v2);
    expect(cos(v1, v1)).toBeCloseTo(1, 6);
  });
  it('puts shared wording closer than unrelated wording', () => {
    const q = embedText('自卸车的发动机坏了');
    expect(cos(q, embedText('报修工单(高):矿用自卸车发动机故障'))).toBeGreaterThan(cos(q, embedText('与钱芳处长评审设备更新方案，对方要求增加远程监控功能。')) + 0.2);
  });
  it('folds full-width letters and case', () => {
    expect(embedText('ＣＥＯ Visit')).toEqual(embedText('ceo visit'));
  });
});

describe('keyword terms', () => {
  it('are Chinese bigrams, lone characters, and stemmed English words', () => {
    expect(keywordTerms('发动机故障')).toEqual(['发动', '动机', '机故', '故障']);
    expect(keywordTerms('价')).toEqual(['价']);
    expect(keywordTerms('Prices and pricing, 2027')).toEqual(['pric', 'and', '2027']);
  });

  it('hash to the distinct term hashes, in order, however mixed the text', () => {
    const texts = [
      '发动机故障',
      '价',
      'Prices and pricing, 2027',
      '客户ＡＢＣ说价格太高；下周二拜访王总 Visit on 3/12, Q4预算 1,200万',
      '𠀀𠀁 漢字𠀂x 8 a ab 一a二 ﹏ ｶﾀｶﾅ 한국어 café CAFÉ naïve',
      '',
      '   ',
      '丁',
      'x1 y 12 三四五六七八九十',
    ];
    for (const text of texts) expect(keywordGrams(text)).toEqual([...new Set(keywordTerms(text).map(termHash))]);
  });
});

describe('analyzeQuery', () => {
  it('drops the account name and question words, keeping the topic', () => {
    expect(questionTopic('上次和西山矿业谈到发动机问题是什么时候?', ['西山矿业'])).toBe('发动机');
    expect(questionTopic('what did 江南港务 say about pricing?', ['江南港务'])).toBe('pricing');
  });
  it('widens English words with their Chinese equivalents in one concept', () => {
    const q = analyzeQuery('When did they mention the engine breakdown?');
    expect(q.groups).toEqual([['engin', '发动', '动机'], ['breakdown', '故障']]);
  });
  it('maps colloquial Chinese to record wording', () => {
    const q = analyzeQuery('自卸车的发动机坏了');
    expect(q.groups.some((g) => g.includes('故障'))).toBe(true);
    expect(q.embedText).toContain('故障');
  });
});

describe('reciprocalRankFusion', () => {
  it('ranks an item both lists like above items only one list has', () => {
    const fused = reciprocalRankFusion([['a', 'b', 'c'], ['c', 'd']], (x) => x);
    expect(fused.map((f) => f.item)).toEqual(['c', 'a', 'b', 'd']);
    expect(fused[0].ranks).toEqual([3, 1]);
    expect(fused[0].score).toBeCloseTo(1 / 63 + 1 / 61, 10);
  });
});

describe('composeSource', () => {
  const base = { table: 'interactions' as const, id: 'I1', account_id: 'A1', user_id: 'u1', occurred_at: new Date('2026-11-23T18:30:00Z'), summary: '拜访马总。', next_step: '发送报价', next_step_due: '2026-12-01', raw_text: null };
  it('dates a passage by the business day and adds the next step', () => {
    const c = composeSource(base, 'Asia/Shanghai');
    expect(c.occurredOn).toBe('2026-11-24');
    expect(c.texts).toEqual(['拜访马总。\n下一步:发送报价(截止 2026-12-01)']);
  });
  it('keeps the original chat note as its own text and changes the hash when content changes', () => {
    const a = composeSource({ ...base, raw_text: '今天见了马总,他说价格还要再谈' }, 'Asia/Shanghai');
    expect(a.texts[1]).toBe('原始记录:今天见了马总,他说价格还要再谈');
    expect(composeSource({ ...base }, 'Asia/Shanghai').hash).not.toBe(a.hash);
    expect(composeSource({ ...base }, 'Asia/Shanghai').hash).toBe(composeSource({ ...base }, 'Asia/Shanghai').hash);
  });
  it('describes a contract in both languages', () => {
    const c = composeSource({ table: 'contracts', id: 'CT1', account_id: 'A1', kind: 'purchase', signed_at: null, start_date: '2024-01-11', end_date: '2027-01-10', amount: 12000000, status: 'active' }, 'Asia/Shanghai');
    expect(c.texts[0]).toBe('采购合同 CT1:有效期 2024-01-11 至 2027-01-10,金额 1,200万,状态 生效中。\npurchase contract CT1: runs 2024-01-11 to 2027-01-10, amount ¥12,000,000, active.');
    expect(c.occurredOn).toBe('2024-01-11');
  });
});
