// The acceptance flow through ./bin/kam, each turn its own process (chat context persists in the
// database): note → export shows it → 撤销 → note again → "是" → decision_chain_gap for A400 is gone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kam, tempDataDir } from '../helpers/cli.ts';
import { SAMPLE_DIR } from '../helpers/paths.ts';

const AT = '2026-11-24T18:00:00+08:00';
const NOTE = '今天下午拜访了北方路桥的何军总工和新任总经理高远,高总对桥梁架设设备二期方案很感兴趣,预算大约600万,担心交付周期。下周三前发送交付计划。';

describe('kam ask with a visit note', () => {
  it('saves, exports, undoes, saves again and confirms the decision maker', () => {
    const env = { KAM_DATA_DIR: tempDataDir() };
    expect(kam(['import', SAMPLE_DIR], env).code).toBe(0);
    const ask = (text: string) => {
      const r = kam(['ask', '--user', 'u_zhang', '--at', AT, '--json', text], env);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as { text: string; data: any };
    };

    const first = ask(NOTE);
    expect(first.text).toContain('600万');
    const id = first.data.note.interaction.id;
    const out = tempDataDir();
    expect(kam(['export', out], env).code).toBe(0);
    const row = readFileSync(join(out, 'interactions.csv'), 'utf8').split('\n').find((l) => l.startsWith(`${id},`))!;
    const gaoId = first.data.note.interaction.contacts[1].id;
    expect(row).toContain(`A400,u_zhang,2026-11-24T15:00:00+08:00,visit,C4001;${gaoId},`);
    expect(readFileSync(join(out, 'contacts.csv'), 'utf8')).toContain(`${gaoId},A400,高远,总经理,,,executive,`);

    expect(ask('撤销').text).toContain(id);
    const out2 = tempDataDir();
    kam(['export', out2], env);
    expect(readFileSync(join(out2, 'interactions.csv'), 'utf8')).not.toContain('CHAT-');
    expect(readFileSync(join(out2, 'contacts.csv'), 'utf8')).not.toContain('高远');

    const again = ask(NOTE);
    expect(again.data.note.interaction.id).not.toBe(id);
    expect(ask('是').text).toContain('已将高远设为决策者');
    const alerts = kam(['alerts', '--at', '2026-11-24T19:00:00+08:00', '--dry-run', '--json'], env);
    expect(alerts.code).toBe(0);
    const fired = JSON.parse(alerts.stdout) as { rule: string; account_id: string }[];
    expect(fired.some((a) => a.rule === 'decision_chain_gap' && a.account_id === 'A400')).toBe(false);
  }, 300_000);
});
