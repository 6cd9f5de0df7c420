// Hybrid search on the sample data with the offline embedder: exact results, paraphrases, "no
// match", filters, and visibility for every user and any query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { visibleAccountIds } from '../../src/domain/visibility.ts';
import { hashEmbedder } from '../../src/retrieval/hash-embedder.ts';
import { searchHistory, type SearchRequest } from '../../src/retrieval/search.ts';
import { sampleDb } from '../helpers/db.ts';

let db: Db;
beforeAll(async () => {
  db = await sampleDb();
});
afterAll(async () => {
  await db.close();
});

const embedder = hashEmbedder();
const ids = async (req: SearchRequest) => (await searchHistory(db, embedder, req)).passages.map((p) => p.sourceId);
const XISHAN = ['西山矿业集团', '西山矿业'];

describe('searchHistory on the sample data', () => {
  it('finds the engine ticket of 西山矿业 with its date and account', async () => {
    const r = await searchHistory(db, embedder, { userId: 'u_li', text: '上次和西山矿业谈到发动机问题是什么时候?', accountId: 'A200', names: XISHAN });
    expect(r.topic).toBe('发动机');
    expect(r.passages).toHaveLength(1);
    expect(r.passages[0]).toMatchObject({ source: 'ticket', sourceId: 'T003', date: '2026-11-20', accountId: 'A200', accountName: '西山矿业集团' });
  });

  it('finds a paraphrase: colloquial wording, different word order', async () => {
    expect(await ids({ userId: 'u_li', text: '自卸车的发动机坏了' })).toEqual(['T003']);
    expect(await ids({ userId: 'u_li', text: '马总说对手价格便宜' })).toEqual(['I010']);
    expect(await ids({ userId: 'u_li', text: '备件太贵' })).toEqual(['I011']);
  });

  it('finds Chinese notes from an English question', async () => {
    expect(await ids({ userId: 'u_li', text: 'engine breakdown' })).toEqual(['T003']);
  });

  it('returns both the call and the ticket about the same incident', async () => {
    expect((await ids({ userId: 'u_li', text: '正面吊报警', accountId: 'A300' })).sort()).toEqual(['I015', 'T004']);
  });

  it('answers "nothing" when no passage is about the topic', async () => {
    expect(await ids({ userId: 'u_li', text: '上次和西山矿业谈到交付问题是什么时候?', accountId: 'A200', names: XISHAN })).toEqual([]);
    expect(await ids({ userId: 'u_li', text: 'what did 江南港务 say about pricing?', accountId: 'A300', names: ['江南港务集团', '江南港务'] })).toEqual([]);
    expect(await ids({ userId: 'u_li', text: '上次什么时候?' })).toEqual([]);
  });

  it('filters by date range', async () => {
    expect((await ids({ userId: 'u_zhang', text: '框架协议', accountId: 'A100' })).sort()).toEqual(['CT-A100-2024', 'I004', 'I006', 'I007']);
    expect((await ids({ userId: 'u_zhang', text: '框架协议', accountId: 'A100', from: '2026-11-01', to: '2026-11-15' })).sort()).toEqual(['I006']);
  });

  it('cites author names for interactions', async () => {
    const r = await searchHistory(db, embedder, { userId: 'u_zhang', text: '液压系统故障' });
    const i005 = r.passages.find((p) => p.sourceId === 'I005');
    expect(i005).toMatchObject({ authorId: 'u_zhao', authorName: '赵敏', date: '2026-10-28', accountId: 'A100' });
  });
});

describe('visibility', () => {
  it('never returns a passage of an account the user may not see, whatever the query', async () => {
    const users = (await db.query('SELECT * FROM users')).rows as any[];
    const team = (await db.query('SELECT * FROM account_team')).rows as any[];
    const accounts = (await db.query('SELECT id, parent_id FROM accounts')).rows as any[];
    // Every passage's own text is the strongest possible query for it.
    const contents = (await db.query<{ content: string }>('SELECT content FROM chunks ORDER BY id')).rows.map((r) => r.content);
    const queries = [...contents, '发动机', '合同', '价格', 'contract', '西山矿业', '中建华东 框架协议', '投诉'];
    let returned = 0;
    for (const u of users) {
      const visible = visibleAccountIds(u.id, users, team, accounts);
      for (const text of queries) {
        const r = await searchHistory(db, embedder, { userId: u.id, text, limit: 10 });
        for (const p of r.passages) expect(visible.has(p.accountId), `${u.id} saw ${p.sourceId} (${p.accountId}) for "${text}"`).toBe(true);
        returned += r.passages.length;
      }
    }
    expect(returned).toBeGreaterThan(100);
  });

  it('finds nothing of 西山矿业 for a user outside its team, even when asked for its account', async () => {
    expect(await ids({ userId: 'u_zhang', text: '发动机故障', accountId: 'A200' })).toEqual([]);
    expect(await ids({ userId: 'u_zhang', text: '矿用自卸车发动机故障' })).toEqual([]);
    expect(await ids({ userId: 'nobody', text: '矿用自卸车发动机故障' })).toEqual([]);
  });
});

describe('the two scope plans of the rankers', () => {
  // Big scopes (20,000+ passages) let the indexes drive; small ones read account by account. On
  // the sample data both must give the same passages, and only visible ones.
  it('return the same keyword and vector hits, scoped to what the user may see', async () => {
    const { analyzeQuery } = await import('../../src/retrieval/query.ts');
    const { termHash } = await import('../../src/retrieval/grams.ts');
    const { keywordRanked, resolveScope, vectorRanked } = await import('../../src/store/chunk-search.ts');
    const users = (await db.query('SELECT * FROM users')).rows as any[];
    const team = (await db.query('SELECT * FROM account_team')).rows as any[];
    const accounts = (await db.query('SELECT id, parent_id FROM accounts')).rows as any[];
    let compared = 0;
    for (const userId of ['u_li', 'u_zhang', 'u_chen', 'u_admin', 'nobody']) {
      const visible = visibleAccountIds(userId, users, team, accounts);
      const { scope } = await resolveScope(db, { userId });
      // An admin's accounts are not listed: they see every one.
      const all = new Set(accounts.map((a) => a.id));
      expect(scope.everyAccount ? all : new Set(scope.visibleIds)).toEqual(visible);
      expect(scope.everyAccount ?? false).toBe(userId === 'u_admin');
      for (const text of ['矿用自卸车发动机故障停机', '框架协议续签金额', '交付周期 付款', '投诉处理进展']) {
        const q = analyzeQuery(text);
        const groups = q.groups.map((g) => g.map(termHash));
        const minMatched = Math.max(1, Math.ceil(0.5 * groups.length));
        const [small, big] = await Promise.all(
          [true, false].map((s) => keywordRanked(db, { scope, groups, minMatched, limit: 40, small: s })),
        );
        expect(big.map((h) => h.id).sort()).toEqual(small.map((h) => h.id).sort());
        const [vector] = await embedder.embed([q.embedText]);
        const exact = await vectorRanked(db, { scope, embedder: embedder.id, dim: vector.length, vector, limit: 10, mode: { kind: 'exact' } });
        const byUser = await vectorRanked(db, { scope: { userId }, embedder: embedder.id, dim: vector.length, vector, limit: 10, mode: { kind: 'exact' } });
        expect(exact.map((h) => h.id)).toEqual(byUser.map((h) => h.id));
        for (const h of [...big, ...exact]) expect(visible.has(h.account_id)).toBe(true);
        compared += small.length + exact.length;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
});
