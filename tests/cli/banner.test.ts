// The start banner a person at a terminal sees (kam start prints it only when stdout is a TTY).
import { describe, expect, it } from 'vitest';
import { startBanner } from '../../src/cli/banner.ts';
import { sampleDb } from '../helpers/db.ts';
import { testApp } from '../conversation/helpers.ts';

describe('startBanner', () => {
  it('says where to open the console, whom to act as, the platforms and the engine', async () => {
    const db = await sampleDb();
    try {
      const en = await startBanner(testApp(db, { KAM_LANG: 'en' }), { url: 'http://127.0.0.1:3000/', platforms: [] });
      expect(en).toContain('KAM Assistant is running → http://127.0.0.1:3000/');
      expect(en).toContain('try 陈志强 (u_chen, manager, 4 direct reports)');
      expect(en).toContain('only this machine is served');
      expect(en).toMatch(/No messaging platform connected: pushes go to the console inbox/);
      expect(en).toMatch(/Answers: the offline engine/);
      const zh = await startBanner(testApp(db, { KAM_API_TOKEN: 'x', OPENAI_API_KEY: 'sk-x', KAM_LLM_MODEL: 'qwen-plus' }), { url: 'http://127.0.0.1:3000/', platforms: ['feishu', 'slack'] });
      expect(zh).toContain('已连接平台:feishu, slack');
      expect(zh).toContain('回答引擎:LLM qwen-plus');
      expect(zh).toContain('登录令牌');
    } finally {
      await db.close();
    }
  });
});
