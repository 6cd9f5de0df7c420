// `kam teams bind / list / unbind` as a process.
import { expect, it } from 'vitest';
import { kam, tempDataDir } from '../helpers/cli.ts';
import { SAMPLE_DIR } from '../helpers/paths.ts';

it('binds, lists and unbinds group chats; --as checks the right to bind', () => {
  const env = { KAM_DATA_DIR: tempDataDir() };
  expect(kam(['import', SAMPLE_DIR], env).code).toBe(0);
  const bound = kam(['teams', 'bind', 'slack', 'C0XS', '西山矿业'], env);
  expect(bound.code, bound.stderr).toBe(0);
  expect(bound.stdout).toContain('西山矿业集团');
  const refused = kam(['teams', 'bind', 'feishu', 'oc_x', 'team', 'u_chen', '--as', 'u_li'], env);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('只有 陈志强 本人、其上级经理或管理员');
  const list = kam(['teams', 'list', '--json'], env);
  expect(JSON.parse(list.stdout)).toMatchObject([{ platform: 'slack', chat_id: 'C0XS', kind: 'account', target: 'A200', name: '西山矿业集团' }]);
  expect(kam(['teams', 'bind', 'teams-app', 'C1', '西山矿业'], env).code).toBe(1);
  expect(kam(['teams', 'unbind', 'slack', 'C0XS'], env).code).toBe(0);
  expect(kam(['teams', 'unbind', 'slack', 'C0XS'], env).code).toBe(1);
}, 240000);
