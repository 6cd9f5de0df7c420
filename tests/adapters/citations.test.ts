// Every reply that states facts cites its records with id, date and who, on every surface: each
// platform's rendering shows all three; the turn fills in the date and the person of each record
// a tool cites; `kam ask --json` (and /api/chat) carry the citations in `data`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/index.ts';
import { renderDingtalkCards } from '../../adapters/dingtalk/render.ts';
import { renderFeishuCards } from '../../adapters/feishu/render.ts';
import { renderSlackMessages } from '../../adapters/slack/render.ts';
import { renderMarkdownBody } from '../../adapters/wecom/render.ts';
import type { Reply } from '../../src/chat/types.ts';
import { renderReplyHtml } from '../../src/http/console/render-reply.ts';
import { sampleDb } from '../helpers/db.ts';
import { ask, testApp } from '../conversation/helpers.ts';

const reply: Reply = {
  lang: 'zh',
  text: '北方路桥最近一次拜访是2026-09-02。',
  citations: [
    { source: 'interaction', id: 'I016', date: '2026-09-02', author: '张伟', accountId: 'A400' },
    { source: 'contract', id: 'CT-A400-01', date: '2025-06-01', author: '张伟' },
  ],
};

describe('citations name id, date and who on every platform', () => {
  it.each([
    ['feishu', () => JSON.stringify(renderFeishuCards(reply))],
    ['slack', () => JSON.stringify(renderSlackMessages(reply))],
    ['dingtalk', () => JSON.stringify(renderDingtalkCards(reply, 'test'))],
    ['wecom', () => renderMarkdownBody(reply)],
    ['console', () => String(renderReplyHtml(reply))],
  ])('%s', (_, render) => {
    const out = render();
    expect(out).toMatch(/I016( · | )2026-09-02( · | )张伟/);
    expect(out).toMatch(/CT-A400-01( · | )2025-06-01( · | )张伟/);
  });
});

describe('a turn completes the citations of a tool', () => {
  let db: Db;
  beforeAll(async () => {
    db = await sampleDb();
  });
  afterAll(() => db.close());

  it.each([
    ['u_zhang', '北方路桥最近一次拜访是什么时候?'],
    ['u_li', '江南港务的合同什么时候到期?'],
    ['u_li', '西山矿业怎么样'],
    ['u_li', '西山矿业的商机'],
    ['u_li', '西山矿业今年买了多少'],
    ['u_li', '西山矿业的决策链'],
  ])('%s: %s — every record cited with its date and who, in data too', async (user, text) => {
    const r = await ask(testApp(db), user, text, { at: new Date('2026-11-24T18:00:00+08:00') });
    const cited = (r.citations ?? []).filter((c) => c.source !== 'budget' && c.source !== 'account');
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) {
      expect(c.id).toBeTruthy();
      if (c.source !== 'contact') expect(c.date, `${c.source} ${c.id}`).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(c.author, `${c.source} ${c.id}`).toBeTruthy();
    }
    expect((r.data as { citations: unknown }).citations).toEqual(r.citations);
  });

  it('who is the person behind the record: the author of an interaction', async () => {
    const r = await ask(testApp(db), 'u_zhang', '北方路桥最近一次拜访是什么时候?', { at: new Date('2026-11-24T18:00:00+08:00') });
    const i = r.citations!.find((c) => c.source === 'interaction')!;
    const row = (await db.query<{ name: string }>('SELECT u.name FROM interactions i JOIN users u ON u.id = i.user_id WHERE i.id = $1', [i.id])).rows[0];
    expect(i.author).toBe(row.name);
  });
});
