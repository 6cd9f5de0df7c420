// A reply's title is shown once: renderers drop the body line that repeats it, wherever it stands.
import { describe, expect, it } from 'vitest';
import { withoutTitleLine } from '../../src/chat/title.ts';
import { renderReplyHtml } from '../../src/http/console/render-reply.ts';
import { sampleDb } from '../helpers/db.ts';
import { ask, testApp } from '../conversation/helpers.ts';

describe('withoutTitleLine', () => {
  it('drops the repeated title as the first line or further down, and nothing else', () => {
    expect(withoutTitleLine('T:\n\nbody', 'T:')).toBe('body');
    expect(withoutTitleLine('关键决策人:马振华。\nT:\n• a\n• b', 'T:')).toBe('关键决策人:马振华。\n• a\n• b');
    expect(withoutTitleLine('a\nb', 'T:')).toBe('a\nb');
    expect(withoutTitleLine('a\nT:', undefined)).toBe('a\nT:');
  });

  it('the console prints the decision chain heading once', async () => {
    const db = await sampleDb();
    try {
      const reply = await ask(testApp(db), 'u_li', '西山矿业的决策链');
      expect(reply.title).toBe('西山矿业集团的决策链:');
      const html = String(renderReplyHtml(reply));
      expect(html.split('西山矿业集团的决策链').length - 1).toBe(1);
      expect(html).toContain('关键决策人');
    } finally {
      await db.close();
    }
  });
});
