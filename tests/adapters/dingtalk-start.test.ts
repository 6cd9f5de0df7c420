// Acceptance: `kam start` with DingTalk credentials (pointed at the emulator) connects over Stream
// Mode and answers a one-to-one message with a card.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TOPIC_ROBOT } from 'dingtalk-stream';
import { kam, kamStart, tempDataDir } from '../helpers/cli.ts';
import { SAMPLE_DIR } from '../helpers/paths.ts';
import { DingtalkEmulator, robotMessage } from '../emulators/dingtalk.ts';

const CREDS = { clientId: 'dingstartkey', clientSecret: 'made-up-start-secret' };
let emu: DingtalkEmulator;

beforeAll(async () => {
  emu = await new DingtalkEmulator(CREDS).start();
});
afterAll(async () => {
  await emu.stop();
});

/** The sample data with a dingtalk_user_id column: u_li is dt_li on DingTalk. */
function sampleWithDingtalkIds(): string {
  const dir = tempDataDir();
  cpSync(SAMPLE_DIR, dir, { recursive: true });
  const lines = readFileSync(join(dir, 'users.csv'), 'utf8').trimEnd().split('\n');
  const out = lines.map((l, i) => (i === 0 ? `${l},dingtalk_user_id` : `${l},${l.startsWith('u_li,') ? 'dt_li' : ''}`));
  writeFileSync(join(dir, 'users.csv'), `${out.join('\n')}\n`);
  return dir;
}

it('kam start answers a DingTalk one-to-one message with a card', async () => {
  const dataDir = tempDataDir();
  const imported = kam(['import', sampleWithDingtalkIds()], { KAM_DATA_DIR: dataDir });
  expect(imported.code, imported.stderr).toBe(0);
  const server = await kamStart(['--port', '0'], {
    KAM_DATA_DIR: dataDir,
    DINGTALK_CLIENT_ID: CREDS.clientId,
    DINGTALK_CLIENT_SECRET: CREDS.clientSecret,
    DINGTALK_API_URL: emu.url,
  });
  try {
    await emu.waitForClient();
    emu.push(TOPIC_ROBOT, robotMessage({ msgId: 'msgStart1', staffId: 'dt_li', text: '西山矿业的合同什么时候到期?' }));
    await emu.waitFor('/v1.0/im/v1.0/robot/interactiveCards/send', 1, 30000);
    const [card] = emu.cards;
    expect(JSON.parse(card.body.singleChatReceiver)).toEqual({ userId: 'dt_li' });
    expect(JSON.stringify(card.card)).toContain('西山矿业');
    expect(server.output()).toContain('"platforms":["dingtalk"]');
  } finally {
    await server.stop();
  }
}, 120000);
