// A note logged a second ago is searchable, and undo removes its passages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { sampleDb } from '../helpers/db.ts';
import { chat, noteData, testApp } from './helpers.ts';
import { hashEmbedder } from '../../src/retrieval/hash-embedder.ts';
import { searchHistory } from '../../src/retrieval/search.ts';

const NOTE = '今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对桥梁架设设备二期方案很感兴趣,预算大约600万,担心交付周期。下周三前发送交付计划。';

describe('visit notes keep retrieval in step', () => {
  let db: Db;
  beforeAll(async () => {
    db = await sampleDb();
  });
  afterAll(() => db.close());

  const passagesOf = async (id: string) =>
    (await db.query<{ content: string }>("SELECT content FROM chunks WHERE source_table = 'interactions' AND source_id = $1", [id])).rows;

  it('indexes the saved interaction in the same turn and drops its passages on undo', async () => {
    const c = chat(testApp(db), 'u_zhang');
    const saved = noteData(await c.say(NOTE));
    const id: string = saved.note.interactionId ?? saved.note.interaction_id ?? saved.note.interaction?.id;
    expect(id).toMatch(/^CHAT-/);
    expect((await passagesOf(id)).map((p) => p.content).join('')).toContain('交付计划');

    const found = await searchHistory(db, hashEmbedder(), { userId: 'u_zhang', text: '北方路桥 交付计划' });
    expect(found.passages.map((p: any) => p.sourceId ?? p.source_id)).toContain(id);

    await c.say('撤销');
    expect(await passagesOf(id)).toEqual([]);
  });
});
